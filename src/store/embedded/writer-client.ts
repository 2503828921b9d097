// The main-thread side of the writer worker: one promise per request, and a clear error if the worker dies.
import type { Worker } from 'node:worker_threads';
import { YaguraError } from '../../core/errors.js';
import type { DayGroup } from './row-codec.js';
import type { WriterInit, WriterReply, WriterRequest } from './writer-protocol.js';
import { startWorker } from './worker-loader.js';

type Pending = { resolve: (count: number) => void; reject: (e: Error) => void };
type Request = WriterRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class WriterClient {
  readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stopped: YaguraError | undefined;

  constructor(init: WriterInit) {
    this.worker = startWorker(new URL('./writer-worker.js', import.meta.url), { workerData: init });
    this.worker.on('message', (reply: WriterReply) => this.onReply(reply));
    this.worker.on('error', (e) => this.stop(`The event store writer failed: ${e.message}`, e));
    this.worker.on('exit', (code) => this.stop(`The event store writer stopped (exit code ${code})`));
  }

  async append(groups: DayGroup[]): Promise<void> {
    await this.request({ type: 'append', groups });
  }

  async drop(days: string[]): Promise<void> {
    await this.request({ type: 'drop', days });
  }

  /** Resolves with the number of events deleted. */
  purge(tenant: string, before: number, days: string[]): Promise<number> {
    return this.request({ type: 'purge', tenant, before, days });
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.request({ type: 'close' });
    await this.worker.terminate();
  }

  /** Keeps the process alive only while requests are in flight. */
  private refresh(): void {
    if (this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  private request(req: Request): Promise<number> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.refresh();
      this.worker.postMessage({ ...req, id } as WriterRequest);
    });
  }

  private onReply(reply: WriterReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    this.refresh();
    if (reply.type === 'done') p.resolve(reply.count ?? 0);
    else p.reject(new YaguraError(reply.error.code, reply.error.message));
  }

  private stop(message: string, cause?: unknown): void {
    if (this.stopped) return;
    this.stopped = new YaguraError('STORE_FAILED', message, undefined, { cause });
    for (const p of this.pending.values()) p.reject(this.stopped);
    this.pending.clear();
  }
}
