import { pending } from './pending.js';

export const snort = pending('snort');
