import { pending } from './pending.js';

export const iptables = pending('iptables');
