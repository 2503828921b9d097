import { pending } from './pending.js';

export const ciscoAsa = pending('cisco-asa');
