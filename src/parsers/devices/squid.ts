import { pending } from './pending.js';

export const squid = pending('squid');
