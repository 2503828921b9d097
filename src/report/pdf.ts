// HTML to PDF with the machine's headless Chromium (Debian's `chromium` package): one process per document.
import { execFile, spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { YaguraError } from '../core/errors.js';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
const INSTALL_HINT = 'apt-get install chromium fonts-noto-cjk';

export interface PdfOptions {
  /** The Chromium binary; the first of CHROMIUM_CANDIDATES that exists when not given. */
  chromiumPath?: string;
  /** Chromium is killed after this long; 60 s when not given. */
  timeoutMs?: number;
  /** `ja` checks first that a Japanese font is installed, since Chromium would print empty boxes without one. */
  language?: 'ja' | 'en';
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium binary to use; throws REPORT_PDF_UNAVAILABLE saying what to install or fix. */
export async function findChromium(chromiumPath?: string): Promise<string> {
  if (chromiumPath !== undefined) {
    if (await isExecutable(chromiumPath)) return chromiumPath;
    throw new YaguraError(
      'REPORT_PDF_UNAVAILABLE',
      `Chromium is not installed at ${chromiumPath} (the configured path): install it with ${INSTALL_HINT}, or fix the path`,
      { location: { path: chromiumPath } },
    );
  }
  for (const candidate of CHROMIUM_CANDIDATES) {
    if (await isExecutable(candidate)) return candidate;
  }
  throw new YaguraError(
    'REPORT_PDF_UNAVAILABLE',
    `Chromium is not installed: ${INSTALL_HINT} (looked for ${CHROMIUM_CANDIDATES.join(', ')})`,
  );
}

let japaneseFontCheck: Promise<boolean | undefined> | undefined;

/** True when fontconfig knows a font with Japanese glyphs; undefined when fc-list is not there to ask. */
function hasJapaneseFont(): Promise<boolean | undefined> {
  japaneseFontCheck ??= new Promise((resolve) => {
    execFile('fc-list', [':lang=ja', 'family'], { timeout: 10_000 }, (error, stdout) => {
      if (error) resolve((error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : false);
      else resolve(stdout.trim().length > 0);
    });
  });
  return japaneseFontCheck;
}

/**
 * The flags every headless Chromium Yagura starts needs (the PDF printer here, the browser tests too): without the
 * networking ones Chromium keeps dialling out, and a sandboxed or GPU Chromium does not start in a container.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function chromiumArgs(profileDir: string, pdfPath: string, htmlPath: string): string[] {
  return [
    '--headless',
    ...CHROMIUM_FLAGS,
    `--user-data-dir=${profileDir}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfPath}`,
    pathToFileURL(htmlPath).href,
  ];
}

/** Keeps the end of Chromium's stderr for the error message, without its harmless D-Bus complaints. */
function stderrTail(stderr: string): string {
  const lines = stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !/dbus|bus\.cc|object_proxy/i.test(l))
    .slice(-8);
  return lines.join('\n').slice(-2000);
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stderr: string;
}

function runChromium(binary: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout kills the renderer and utility processes with it.
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-64_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stderr });
    });
  });
}

/**
 * At most this many Chromium processes print at once (each takes a few hundred MB); the others wait their turn, so a
 * burst of report requests cannot exhaust the server's memory.
 */
export const PDF_CONCURRENCY = 2;
let printing = 0;
const waiting: (() => void)[] = [];

async function turn<T>(work: () => Promise<T>): Promise<T> {
  if (printing >= PDF_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  printing++;
  try {
    return await work();
  } finally {
    printing--;
    waiting.shift()?.();
  }
}

/** Prints one HTML document to an A4 PDF (the document's own @page rules decide size and margins). */
export function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  return turn(() => printPdf(html, options));
}

async function printPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const binary = await findChromium(options.chromiumPath);
  if (options.language === 'ja' && (await hasJapaneseFont()) === false) {
    throw new YaguraError(
      'REPORT_PDF_UNAVAILABLE',
      'No Japanese font is installed, so the PDF would show empty boxes: apt-get install fonts-noto-cjk',
    );
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dir = await mkdtemp(join(tmpdir(), 'yagura-pdf-'));
  try {
    const htmlPath = join(dir, 'report.html');
    const pdfPath = join(dir, 'report.pdf');
    await writeFile(htmlPath, html, 'utf8');
    let result: RunResult;
    try {
      result = await runChromium(binary, chromiumArgs(join(dir, 'profile'), pdfPath, htmlPath), timeoutMs);
    } catch (error) {
      throw new YaguraError(
        'REPORT_PDF_UNAVAILABLE',
        `Chromium (${binary}) could not be started: ${String(error)}`,
        {
          location: { path: binary },
        },
      );
    }
    if (result.timedOut) {
      throw new YaguraError(
        'REPORT_PDF_FAILED',
        `Chromium did not finish the PDF within ${timeoutMs} ms and was stopped`,
      );
    }
    const pdf = await readFile(pdfPath).catch(() => undefined);
    if (result.code !== 0 || !pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const how = result.code !== null ? `exit code ${result.code}` : `signal ${result.signal}`;
      const tail = stderrTail(result.stderr);
      throw new YaguraError(
        'REPORT_PDF_FAILED',
        `Chromium (${binary}) wrote no PDF (${how})${tail ? `: ${tail}` : ''}`,
      );
    }
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
