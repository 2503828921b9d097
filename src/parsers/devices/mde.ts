import { pending } from './pending.js';

export const mde = pending('mde');
