import { pending } from './pending.js';

export const ciscoIos = pending('cisco-ios');
