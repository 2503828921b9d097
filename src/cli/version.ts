// The version from package.json, read once.
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached) return cached;
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'yagura' && pkg.version) return (cached = pkg.version);
    } catch {
      // try the next location: the source tree and the build output sit at different depths
    }
  }
  return (cached = '0.0.0');
}
