// Reads playbook YAML folders into Playbooks, collecting every problem with its file and line, and picks the playbook for a category.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { YaguraError } from '../../core/errors.js';
import {
  INCIDENT_CATEGORIES,
  playbookFileSchema,
  playbookFromFile,
  RESPONSE_PHASES,
  type IncidentCategory,
  type Playbook,
  type PlaybookOrigin,
} from './playbook.js';

export interface PlaybookProblem {
  /** Errors keep a playbook out; warnings are reported and the playbooks still load. */
  severity: 'error' | 'warning';
  code: 'PLAYBOOK_INVALID';
  message: string;
  path?: string;
  line?: number;
  /** The playbook's id, when it could be read. */
  playbook?: string;
}

export interface PlaybookLoadResult {
  /** Every playbook that loaded, starter and user ones alike; playbookFor resolves overrides. */
  playbooks: Playbook[];
  problems: PlaybookProblem[];
}

export interface PlaybookSource {
  dir: string;
  origin: PlaybookOrigin;
}

type KeyPath = readonly PropertyKey[];

/** The line of the key (or list item) at the end of a path, or of the deepest part of it that exists. */
function lineOf(doc: Document, lines: LineCounter, path: KeyPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = doc.contents?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      if (!item) break;
      offset = (isMap(item) || isSeq(item) || isScalar(item) ? item.range?.[0] : undefined) ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** `phases.containment[2].title.en` */
function keyPathText(path: KeyPath): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Task and template ids that repeat within one playbook, read from the raw document so they show beside schema errors. */
function duplicateIds(data: unknown): { path: KeyPath; message: string }[] {
  const phases = asRecord(asRecord(data)?.phases);
  if (!phases) return [];
  const found: { path: KeyPath; message: string }[] = [];
  const tasks = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const phase of RESPONSE_PHASES) {
    const list = phases[phase];
    if (!Array.isArray(list)) continue;
    list.forEach((task: unknown, i) => {
      const id = asRecord(task)?.id;
      if (typeof id === 'string') {
        const at = keyPathText(['phases', phase, i]);
        const first = tasks.get(id);
        if (first)
          found.push({
            path: ['phases', phase, i, 'id'],
            message: `task id "${id}" is used twice (first at ${first})`,
          });
        else tasks.set(id, at);
      }
      const taskTemplates = asRecord(task)?.templates;
      if (!Array.isArray(taskTemplates)) return;
      taskTemplates.forEach((template: unknown, j) => {
        const tid = asRecord(template)?.id;
        if (typeof tid !== 'string') return;
        const first = templates.get(tid);
        if (first)
          found.push({
            path: ['phases', phase, i, 'templates', j, 'id'],
            message: `template id "${tid}" is used twice (first at ${first})`,
          });
        else templates.set(tid, keyPathText(['phases', phase, i, 'templates', j]));
      });
    });
  }
  return found;
}

/** Reads one playbook file's text; problems are returned, never thrown. */
export function loadPlaybookText(
  text: string,
  path: string | undefined,
  origin: PlaybookOrigin,
): { playbook?: Playbook; problems: PlaybookProblem[] } {
  const problems: PlaybookProblem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problem = (message: string, line: number | undefined, playbook?: unknown): PlaybookProblem => ({
    severity: 'error',
    code: 'PLAYBOOK_INVALID',
    message,
    ...(path ? { path } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(typeof playbook === 'string' ? { playbook } : {}),
  });
  const yamlError = doc.errors[0];
  if (yamlError) {
    // The first YAML error is the one to fix; the rest usually follow from it.
    problems.push(problem(`YAML: ${yamlError.message.split('\n')[0]}`, lines.linePos(yamlError.pos[0]).line));
    return { problems };
  }
  const data: unknown = doc.toJS();
  if (!asRecord(data)) {
    problems.push(problem('a playbook file must hold a YAML map (id, version, category, ...)', 1));
    return { problems };
  }
  const id = asRecord(data)?.id;
  for (const dup of duplicateIds(data)) problems.push(problem(dup.message, lineOf(doc, lines, dup.path), id));
  const parsed = playbookFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const paths: KeyPath[] =
        issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      for (const p of paths) {
        const message =
          issue.code === 'unrecognized_keys' ? `unknown key (check its spelling)` : issue.message;
        problems.push(problem(`${keyPathText(p) || '(top level)'}: ${message}`, lineOf(doc, lines, p), id));
      }
    }
  }
  if (!parsed.success || problems.length > 0) return { problems };
  const source = { ...(path ? { path } : {}), line: lineOf(doc, lines, []) ?? 1 };
  return { playbook: playbookFromFile(parsed.data, origin, source), problems };
}

function readFolder(source: PlaybookSource, result: PlaybookLoadResult): void {
  const error = (message: string): void => {
    result.problems.push({ severity: 'error', code: 'PLAYBOOK_INVALID', message, path: source.dir });
  };
  if (!existsSync(source.dir) || !statSync(source.dir).isDirectory()) {
    error('the playbook folder does not exist or is not a folder');
    return;
  }
  const seen = new Map<string, string>();
  for (const name of readdirSync(source.dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(source.dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      result.problems.push({
        severity: 'error',
        code: 'PLAYBOOK_INVALID',
        message: `cannot read the file: ${(e as Error).message}`,
        path,
      });
      continue;
    }
    const { playbook, problems } = loadPlaybookText(text, path, source.origin);
    result.problems.push(...problems);
    if (!playbook) continue;
    const first = seen.get(playbook.id);
    if (first) {
      result.problems.push({
        severity: 'error',
        code: 'PLAYBOOK_INVALID',
        message: `playbook id "${playbook.id}" is already used by ${first}`,
        path,
        line: idLine(text) ?? playbook.source.line ?? 1,
        playbook: playbook.id,
      });
      continue;
    }
    seen.set(playbook.id, path);
    result.playbooks.push(playbook);
  }
}

function idLine(text: string): number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return lineOf(doc, lines, ['id']);
}

/**
 * Loads the playbook folders (each folder's *.yaml and *.yml files, in name order), collecting all problems.
 * Ids must be unique within one folder; a user playbook may reuse a starter id to replace it. A category no
 * playbook handles is an error for the starter set alone and a warning once a user folder is involved.
 */
export function loadPlaybooks(sources: PlaybookSource | readonly PlaybookSource[]): PlaybookLoadResult {
  const list = Array.isArray(sources) ? sources : [sources as PlaybookSource];
  const result: PlaybookLoadResult = { playbooks: [], problems: [] };
  for (const source of list) readFolder(source, result);
  const covered = new Set(effectivePlaybooks(result.playbooks).flatMap((p) => p.categories));
  const missing = INCIDENT_CATEGORIES.filter((c) => !covered.has(c));
  if (missing.length > 0) {
    result.problems.push({
      severity: list.some((s) => s.origin === 'user') ? 'warning' : 'error',
      code: 'PLAYBOOK_INVALID',
      message: `no playbook handles the categor${missing.length === 1 ? 'y' : 'ies'} ${missing.join(', ')}`,
      ...(list.length === 1 ? { path: list[0]!.dir } : {}),
    });
  }
  return result;
}

/** The playbooks in force: a user playbook replaces the starter one with the same id. */
export function effectivePlaybooks(playbooks: readonly Playbook[]): Playbook[] {
  const userIds = new Set(playbooks.filter((p) => p.origin === 'user').map((p) => p.id));
  return playbooks.filter((p) => p.origin === 'user' || !userIds.has(p.id));
}

/**
 * The playbook for an incident category: among the playbooks in force that handle it, a user one before a starter
 * one, then the most specific (fewest categories), then by id. Falls back to the playbook for `other`.
 */
export function playbookFor(
  category: IncidentCategory,
  playbooks: readonly Playbook[],
): Playbook | undefined {
  const inForce = effectivePlaybooks(playbooks);
  const pick = (c: IncidentCategory): Playbook | undefined =>
    inForce
      .filter((p) => p.categories.includes(c))
      .sort(
        (a, b) =>
          Number(b.origin === 'user') - Number(a.origin === 'user') ||
          a.categories.length - b.categories.length ||
          a.id.localeCompare(b.id),
      )[0];
  return pick(category) ?? (category === 'other' ? undefined : pick('other'));
}

/** The starter playbooks shipped with Yagura (content/playbooks/ in the package, from src/ or dist/). */
export function starterPlaybooksDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'content', 'playbooks');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new YaguraError('PLAYBOOK_INVALID', 'The starter playbooks (content/playbooks/) are missing');
    dir = parent;
  }
}

export function problemText(p: PlaybookProblem): string {
  return `${p.path ?? '<playbook>'}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}${p.playbook ? ` (${p.playbook})` : ''}`;
}

/** Throws one YaguraError listing every error of a load (warnings do not count); the first error gives the location. */
export function assertPlaybooksValid(result: PlaybookLoadResult): void {
  const errors = result.problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (!first) return;
  throw new YaguraError(
    'PLAYBOOK_INVALID',
    `${errors.length} playbook problem${errors.length === 1 ? '' : 's'}:\n  ${errors.map(problemText).join('\n  ')}`,
    {
      location: { ...(first.path ? { path: first.path } : {}), ...(first.line ? { line: first.line } : {}) },
      problems: errors,
    },
  );
}
