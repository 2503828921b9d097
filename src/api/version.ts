// Yagura's version and package folder, found from the package.json above this module (the same in src/ and in dist/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Found {
  root: string | undefined;
  version: string;
}

let cached: Found | undefined;

function find(): Found {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'yagura' && pkg.version) return (cached = { root: dir, version: pkg.version });
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = { root: undefined, version: '0.0.0' });
    dir = parent;
  }
}

export function packageVersion(): string {
  return find().version;
}

/** The folder holding Yagura's package.json; undefined when it cannot be found. */
export function packageRoot(): string | undefined {
  return find().root;
}
