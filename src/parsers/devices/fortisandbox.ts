import { pending } from './pending.js';

export const fortisandbox = pending('fortisandbox');
