import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YaguraError } from '../../core/errors.js';
import { tenantId } from '../../core/ids.js';
import type { RawMessage } from '../../core/raw-message.js';
import {
  type FileProgress,
  type FileReadSummary,
  readLogFile,
  type ReadLogFileOptions,
} from './read-file.js';

const tenant = tenantId('acme');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yagura-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, options: Partial<ReadLogFileOptions> = {}) {
  const batches: RawMessage[][] = [];
  const generator = readLogFile(path, { tenant, ...options });
  let summary: FileReadSummary | undefined;
  let error: unknown;
  try {
    for (;;) {
      const next = await generator.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      batches.push(next.value);
    }
  } catch (e) {
    error = e;
  }
  const messages = batches.flat();
  return { batches, messages, texts: messages.map((m) => m.text), summary, error };
}

const lines = (n: number, prefix = 'line'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i} ${'abcdefghij'.repeat(i % 7)}`);

describe('readLogFile', () => {
  it('reads CRLF lines, skips empty ones and delivers a last line without newline', async () => {
    const path = file('plain.log', 'first\r\nsecond\r\n\r\n\nlast');
    const { texts, messages, summary } = await readAll(path);
    expect(texts).toEqual(['first', 'second', 'last']);
    expect(messages[0]).toMatchObject({ tenant: 'acme', input: 'file', fields: { 'log.file.path': path } });
    expect(messages[0]?.tags).toBeUndefined();
    expect(summary).toEqual({ path, compressed: false, lines: 3, truncated: 0, invalidUtf8: 0 });
  });

  it('leaves NDJSON lines as text for the parser stage', async () => {
    const path = file('events.ndjson', '{"a":1,"msg":"x"}\n{"b":2}\n');
    const { messages } = await readAll(path);
    expect(messages.map((m) => [m.text, m.object])).toEqual([
      ['{"a":1,"msg":"x"}', undefined],
      ['{"b":2}', undefined],
    ]);
  });

  it('detects gzip by its magic bytes, whatever the file is called', async () => {
    const content = `${lines(500).join('\n')}\n`;
    const disguised = file('rotated.log.1', gzipSync(content));
    const notReallyGz = file('plain.gz', content);
    const a = await readAll(disguised);
    const b = await readAll(notReallyGz);
    expect(a.texts).toEqual(lines(500));
    expect(a.summary?.compressed).toBe(true);
    expect(b.texts).toEqual(lines(500));
    expect(b.summary?.compressed).toBe(false);
  });

  it('reads every member of a multi-member gzip file', async () => {
    const path = file('multi.gz', Buffer.concat([gzipSync('a1\na2\n'), gzipSync('b1\nb2')]));
    expect((await readAll(path)).texts).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('tags lines with invalid UTF-8 and replaces the bad bytes', async () => {
    const path = file(
      'latin1.log',
      Buffer.concat([Buffer.from('ok\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    const { messages, summary } = await readAll(path);
    expect(messages.map((m) => [m.text, m.tags])).toEqual([
      ['ok', undefined],
      ['caf\uFFFD', ['invalid_utf8']],
    ]);
    expect(summary?.invalidUtf8).toBe(1);
  });

  it('reads a 1 MB line whole by default and cuts it when the limit is lower', async () => {
    const big = 'B'.repeat(1024 * 1024);
    const path = file('big.log', `before\n${big}\nafter\n`);
    const whole = await readAll(path);
    expect(whole.texts).toEqual(['before', big, 'after']);
    const cut = await readAll(path, { maxMessageSize: 65536 });
    expect(cut.messages.map((m) => [m.text.length, m.tags])).toEqual([
      [6, undefined],
      [65536, ['truncated']],
      [5, undefined],
    ]);
  });

  it('yields batches of at most batchSize messages', async () => {
    const path = file('batches.log', lines(2500).join('\n'));
    const { batches, texts } = await readAll(path, { batchSize: 1000 });
    expect(texts).toEqual(lines(2500));
    expect(batches.every((b) => b.length <= 1000)).toBe(true);
    expect(batches.length).toBeGreaterThanOrEqual(3);
  });

  it('reports progress in compressed bytes up to the file size', async () => {
    const compressed = gzipSync(lines(20_000).join('\n'));
    const path = file('progress.gz', compressed);
    const seen: FileProgress[] = [];
    await readAll(path, { onProgress: (p) => seen.push({ ...p }) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ bytesRead: compressed.length, totalBytes: compressed.length });
    expect(seen.every((p, i) => i === 0 || p.bytesRead > (seen[i - 1] as FileProgress).bytesRead)).toBe(true);
  });

  it('delivers what was readable from a cut-off gzip file, then fails naming the file', async () => {
    const all = lines(50_000, 'entry');
    const compressed = gzipSync(all.join('\n'));
    const path = file('cut.gz', compressed.subarray(0, Math.floor(compressed.length / 2)));
    const { messages, error } = await readAll(path);
    expect(error).toBeInstanceOf(YaguraError);
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE', details: { location: { path } } });
    expect((error as Error).message).toContain(path);
    expect(messages.length).toBeGreaterThan(1000);
    expect(messages.length).toBeLessThan(all.length);
    const whole = messages.filter((m) => !m.tags);
    expect(whole.map((m) => m.text)).toEqual(all.slice(0, whole.length));
    const last = messages.at(-1) as RawMessage;
    if (last.tags) {
      expect(last.tags).toEqual(['truncated']);
      expect((all[whole.length] as string).startsWith(last.text)).toBe(true);
    }
  });

  it('fails on gzip data that is corrupt in the middle', async () => {
    const compressed = Buffer.from(gzipSync(lines(5000).join('\n')));
    for (let i = 200; i < 400; i++) compressed[i] = (compressed[i] as number) ^ 0x5a;
    const { error } = await readAll(file('corrupt.gz', compressed));
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('fails with FILE_UNREADABLE for a missing file and for a directory', async () => {
    const missing = await readAll(join(dir, 'nope.log'));
    expect(missing.error).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect((missing.error as Error).message).toContain('nope.log');
    const directory = await readAll(dir);
    expect(directory.error).toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('reads an empty file as no messages', async () => {
    const { messages, summary } = await readAll(file('empty.log', ''));
    expect(messages).toEqual([]);
    expect(summary?.lines).toBe(0);
  });

  it('stops reading and releases the file when the consumer stops early', async () => {
    const path = file('early.log', lines(5000).join('\n'));
    let taken = 0;
    for await (const batch of readLogFile(path, { tenant, batchSize: 100 })) {
      taken += batch.length;
      if (taken >= 200) break;
    }
    expect(taken).toBeLessThan(5000);
  });
});
