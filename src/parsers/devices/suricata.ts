import { pending } from './pending.js';

export const suricata = pending('suricata');
