import { pending } from './pending.js';

export const checkpoint = pending('checkpoint');
