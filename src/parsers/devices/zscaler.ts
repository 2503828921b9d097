import { pending } from './pending.js';

export const zscaler = pending('zscaler');
