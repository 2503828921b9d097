import { pending } from './pending.js';

export const symantecEndpoint = pending('symantec-endpoint');
