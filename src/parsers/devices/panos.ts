import { pending } from './pending.js';

export const panos = pending('panos');
