import { pending } from './pending.js';

export const trendmicro = pending('trendmicro');
