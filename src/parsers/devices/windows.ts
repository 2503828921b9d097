import { pending } from './pending.js';

export const windows = pending('windows');
