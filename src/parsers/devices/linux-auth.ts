import { pending } from './pending.js';

export const linuxAuth = pending('linux-auth');
