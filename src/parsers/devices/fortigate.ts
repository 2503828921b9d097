import { pending } from './pending.js';

export const fortigate = pending('fortigate');
