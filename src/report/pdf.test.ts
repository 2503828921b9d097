import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { sampleIncidentReportData } from './incident-report-fixture.js';
import { CHROMIUM_CANDIDATES, findChromium, htmlToPdf, PDF_CONCURRENCY } from './pdf.js';
import { renderIncidentReportPdf } from './render-incident-report.js';

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const chromium = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
const missing = [
  chromium ? '' : 'chromium',
  hasCommand('pdftotext') ? '' : 'pdftotext (poppler-utils)',
].filter(Boolean);
if (missing.length > 0) {
  console.warn(
    `Skipping the PDF rendering tests: ${missing.join(' and ')} not installed (apt-get install chromium fonts-noto-cjk poppler-utils)`,
  );
}

async function yaguraTempDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('yagura-pdf-'));
}

describe.skipIf(missing.length > 0)(
  `PDF output with headless Chromium${missing.length ? ` (skipped: ${missing.join(', ')} missing)` : ''}`,
  () => {
    it('prints a Japanese flash report whose text pdftotext can read back', async () => {
      // A private temp folder: other test files print PDFs at the same time, in the shared one.
      const shared = process.env.TMPDIR;
      const own = await mkdtemp(join(tmpdir(), 'yagura-pdf-test-'));
      process.env.TMPDIR = own;
      onTestFinished(async () => {
        if (shared === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = shared;
        await rm(own, { recursive: true, force: true });
      });
      const before = await yaguraTempDirs();
      const pdf = await renderIncidentReportPdf(sampleIncidentReportData(), {
        kind: 'flash',
        language: 'ja',
      });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
      expect(text).toContain('速報');
      expect(text).toContain('経理部宛て不審メールによる認証情報の窃取');
      expect(text).toContain('影響範囲');
      expect(text).toContain('TLP:AMBER');
      expect(text).toMatch(/1\s*\/\s*\d/); // page numbers from @page
      expect(await yaguraTempDirs()).toEqual(before);
    });
  },
);

describe('PDF errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yagura-fake-chromium-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function fakeChromium(name: string, script: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, `#!/bin/sh\n${script}\n`);
    await chmod(path, 0o755);
    return path;
  }

  it('says Chromium is not installed when the configured binary is missing', async () => {
    await expect(findChromium(join(dir, 'no-such-chromium'))).rejects.toMatchObject({
      code: 'REPORT_PDF_UNAVAILABLE',
      message: expect.stringContaining('apt-get install chromium fonts-noto-cjk'),
    });
  });

  it('reports a Chromium that fails, with what it printed', async () => {
    const failing = await fakeChromium(
      'failing',
      'echo "[1:1:ERROR:dbus/bus.cc] noise" >&2; echo "cannot open display" >&2; exit 3',
    );
    const error = await htmlToPdf('<p>x</p>', { chromiumPath: failing }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REPORT_PDF_FAILED' });
    expect((error as Error).message).toContain('exit code 3');
    expect((error as Error).message).toContain('cannot open display');
    expect((error as Error).message).not.toContain('dbus');
  });

  it('kills a Chromium that hangs, and cleans up its temporary files', async () => {
    const before = await yaguraTempDirs();
    const hanging = await fakeChromium('hanging', 'sleep 30 & wait');
    const started = Date.now();
    await expect(htmlToPdf('<p>x</p>', { chromiumPath: hanging, timeoutMs: 300 })).rejects.toMatchObject({
      code: 'REPORT_PDF_FAILED',
      message: expect.stringContaining('within 300 ms'),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await yaguraTempDirs()).toEqual(before);
  });

  it(`prints at most ${PDF_CONCURRENCY} PDFs at once and queues the rest`, async () => {
    const log = join(dir, 'runs.log');
    const slow = await fakeChromium(
      'slow',
      [
        'for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done',
        `echo start >> '${log}'`,
        'sleep 0.3',
        `printf '%%PDF-1.4 fake' > "$out"`,
        `echo end >> '${log}'`,
      ].join('\n'),
    );
    const pdfs = await Promise.all(
      Array.from({ length: 5 }, () => htmlToPdf('<p>x</p>', { chromiumPath: slow })),
    );
    expect(pdfs.map((p) => p.subarray(0, 5).toString('latin1'))).toEqual(Array(5).fill('%PDF-'));
    let running = 0;
    let most = 0;
    for (const line of (await readFile(log, 'utf8')).trim().split('\n')) {
      running += line === 'start' ? 1 : -1;
      most = Math.max(most, running);
    }
    expect(most).toBe(PDF_CONCURRENCY);
  });

  it('reports a Chromium that exits 0 but writes no PDF', async () => {
    const silent = await fakeChromium('silent', 'exit 0');
    await expect(htmlToPdf('<p>x</p>', { chromiumPath: silent })).rejects.toMatchObject({
      code: 'REPORT_PDF_FAILED',
    });
  });
});
