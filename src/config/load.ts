// Loads the configuration: defaults, then the YAML file, then environment overrides; validated in one place.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { YaguraError } from '../core/errors.js';

/** Shorthand variables a new user and scripts rely on, and the config key each sets. */
export const envShorthands: Record<string, string[]> = {
  YAGURA_DATA_DIR: ['dataDir'],
  YAGURA_HTTP_HOST: ['server.host'],
  YAGURA_HTTP_PORT: ['server.port'],
  YAGURA_SYSLOG_PORT: ['inputs.syslog.udpPort', 'inputs.syslog.tcpPort'],
  YAGURA_SYSLOG_TLS_PORT: ['inputs.syslog.tlsPort'],
  YAGURA_LOG_LEVEL: ['log.level'],
};

/** Any key can be set as YAGURA__<path with __ between parts>, e.g. YAGURA__QUEUE__CAPACITY=50000. */
const GENERIC_PREFIX = 'YAGURA__';

export interface LoadOptions {
  /** Path given with --config; must exist when given. */
  path?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface LoadedConfig<T> {
  config: T;
  /** The file read, if any. */
  source?: string;
}

export function loadConfig<S extends z.ZodTypeAny>(
  schema: S,
  options: LoadOptions = {},
): LoadedConfig<z.infer<S>> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.path ?? env['YAGURA_CONFIG'];
  let source: string | undefined;
  let raw: Record<string, unknown> = {};
  if (explicit) {
    source = resolve(cwd, explicit);
    if (!existsSync(source))
      throw new YaguraError('CONFIG_NOT_FOUND', `Configuration file ${source} does not exist`);
  } else if (existsSync(resolve(cwd, 'yagura.yaml'))) {
    source = resolve(cwd, 'yagura.yaml');
  }
  if (source) raw = readYaml(source);

  const origins = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const paths =
      envShorthands[name] ??
      (name.startsWith(GENERIC_PREFIX) ? [envPathToKey(name.slice(GENERIC_PREFIX.length))] : []);
    for (const path of paths) {
      setPath(raw, path, parseScalar(value));
      origins.set(path, name);
    }
  }

  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(root)';
      const from = origins.get(key) ? ` (from ${origins.get(key)})` : source ? ` (in ${source})` : '';
      return `${key}: ${issue.message}${from}`;
    });
    throw new YaguraError('CONFIG_INVALID', `Invalid configuration:\n  ${lines.join('\n  ')}`, {
      location: { key: result.error.issues[0]?.path.join('.') ?? '', ...(source ? { path: source } : {}) },
    });
  }
  return { config: result.data, ...(source ? { source } : {}) };
}

function readYaml(path: string): Record<string, unknown> {
  const doc = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line;
    throw new YaguraError(
      'CONFIG_INVALID',
      `Configuration file ${path} is not valid YAML: ${first.message}`,
      {
        location: { path, ...(line !== undefined ? { line } : {}) },
      },
    );
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new YaguraError(
      'CONFIG_INVALID',
      `Configuration file ${path} must hold a mapping of keys at its top level`,
      {
        location: { path },
      },
    );
  }
  return value as Record<string, unknown>;
}

// YAGURA__INPUTS__SYSLOG__MAX_MESSAGE_SIZE -> inputs.syslog.maxMessageSize
function envPathToKey(rest: string): string {
  return rest
    .split('__')
    .map((part) => part.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()))
    .join('.');
}

function parseScalar(text: string): unknown {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}
