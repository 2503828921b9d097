import { pending } from './pending.js';

export const cape = pending('cape');
