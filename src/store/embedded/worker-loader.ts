// Starts a worker module: the compiled .js when there is one, else (tests run from source) the .ts through a transpiling loader.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Module hooks for the worker only: map "./x.js" imports to "./x.ts" and strip types with the
// TypeScript compiler (a dev dependency; the built package never takes this path).
const TS_HOOKS = `
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
let ts;
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const js = new URL(specifier, context.parentURL);
    const tsUrl = new URL(js.href.slice(0, -3) + '.ts');
    if (!existsSync(fileURLToPath(js)) && existsSync(fileURLToPath(tsUrl))) {
      return { url: tsUrl.href, format: 'module', shortCircuit: true };
    }
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const path = fileURLToPath(url);
  ts ??= createRequire(path)('typescript');
  const source = await readFile(path, 'utf8');
  const out = ts.transpileModule(source, {
    fileName: path,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}`;

/** `moduleUrl` names the .js file (as built); a sibling .ts is used when the .js is absent. */
export function startWorker(moduleUrl: URL, options: WorkerOptions): Worker {
  if (existsSync(fileURLToPath(moduleUrl))) return new Worker(moduleUrl, options);
  const tsUrl = new URL(moduleUrl.href.replace(/\.js$/, '.ts'));
  if (!existsSync(fileURLToPath(tsUrl)))
    throw new Error(`Worker module not found: ${fileURLToPath(moduleUrl)}`);
  const hooks = `data:text/javascript,${encodeURIComponent(TS_HOOKS)}`;
  const boot =
    `require('node:module').register(${JSON.stringify(hooks)});` +
    `import(${JSON.stringify(tsUrl.href)}).catch((e) => { setImmediate(() => { throw e; }); });`;
  return new Worker(boot, { ...options, eval: true });
}
