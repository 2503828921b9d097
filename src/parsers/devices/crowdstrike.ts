import { pending } from './pending.js';

export const crowdstrike = pending('crowdstrike');
