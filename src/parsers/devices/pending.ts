// Temporary: a registered device whose normalizer is being written; it matches nothing. Must be gone before a release.
import type { DeviceParser } from './index.js';

export function pending(name: string): DeviceParser {
  return {
    name,
    description: `${name} (not written yet)`,
    why: 'never',
    match: () => false,
    normalize: (r) => r,
  };
}
