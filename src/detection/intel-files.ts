// Indicator sets imported through the API: kept as files under <dataDir>/intel/ (the content as sent, plus a
// small JSON of its settings), read back on every (re)load beside the configured ones.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { YaguraError } from '../core/errors.js';
import type { DetectionConfig } from './config.js';

export type IntelFileConfig = DetectionConfig['intel'][number];

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface ImportedIntel {
  id: string;
  name?: string;
  format?: 'csv' | 'stix' | 'misp';
  ttlDays?: number;
  level?: IntelFileConfig['level'];
}

export class IntelFiles {
  constructor(private readonly dir: string) {}

  static checkId(id: string): void {
    if (!ID.test(id)) {
      throw new YaguraError(
        'REQUEST_INVALID',
        `The set id "${id}" must be 1-64 lower-case letters, digits, "-" or "_", starting with a letter or digit`,
        { location: { key: 'id' } },
      );
    }
  }

  /** The imported sets as `detection.intel` entries. */
  async list(): Promise<IntelFileConfig[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: IntelFileConfig[] = [];
    for (const name of names.filter((n) => n.endsWith('.settings.json')).sort()) {
      const settings = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as ImportedIntel;
      out.push({ ...settings, path: this.contentPath(settings.id) });
    }
    return out;
  }

  contentPath(id: string): string {
    return join(this.dir, `${id}.data`);
  }

  /** Writes (or replaces) a set; the content first, then its settings, each through a rename. */
  async write(settings: ImportedIntel, content: string): Promise<string> {
    IntelFiles.checkId(settings.id);
    await mkdir(this.dir, { recursive: true });
    const path = this.contentPath(settings.id);
    await writeFile(`${path}.tmp`, content);
    await rename(`${path}.tmp`, path);
    const meta = join(this.dir, `${settings.id}.settings.json`);
    await writeFile(`${meta}.tmp`, JSON.stringify(settings));
    await rename(`${meta}.tmp`, meta);
    return path;
  }

  /** Removes a set; false when there was none. */
  async remove(id: string): Promise<boolean> {
    IntelFiles.checkId(id);
    const meta = join(this.dir, `${id}.settings.json`);
    try {
      await rm(meta);
    } catch {
      return false;
    }
    await rm(this.contentPath(id), { force: true });
    return true;
  }
}
