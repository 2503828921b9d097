// Detection on worker threads: each worker compiles the rules itself and takes the events of some tenants (a tenant
// always goes to the same worker, so its correlations see all its events in order).
import type { Worker } from 'node:worker_threads';
import type { Event } from '../../core/event.js';
import type { EngineStatus } from '../../detect/engine.js';
import type { Finding } from '../../detect/finding.js';
import { startWorker } from '../../store/embedded/worker-loader.js';
import type { DetectionConfig } from '../config.js';
import type { FromWorker, TenantSettings, ToWorker } from './protocol.js';

/** A message that expects a reply, before its id is given. */
type Request = ToWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

interface Pending {
  resolve: (value: FromWorker) => void;
  reject: (error: Error) => void;
}

class DetectionWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private failure: Error | undefined;

  constructor() {
    this.worker = startWorker(new URL('./detect-worker.js', import.meta.url), {});
    this.worker.on('message', (message: FromWorker) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.kind === 'failed') waiting.reject(new Error(message.message));
      else waiting.resolve(message);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`the detection worker stopped (exit code ${code})`)),
    );
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  request(message: Request): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id } as ToWorker);
    });
  }

  tell(message: Extract<ToWorker, { kind: 'settings' }>): void {
    if (!this.failure) this.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the detection pool is closed');
    await this.worker.terminate();
  }
}

export class DetectionPool {
  private readonly workers: DetectionWorker[];

  constructor(size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new DetectionWorker());
  }

  get size(): number {
    return this.workers.length;
  }

  /** Every worker (re)loads the rules and indicators; resolves with the first worker's status. */
  async load(config: DetectionConfig, settings: TenantSettings): Promise<EngineStatus> {
    const replies = await Promise.all(this.workers.map((w) => w.request({ kind: 'load', config, settings })));
    const first = replies[0]!;
    if (first.kind !== 'loaded') throw new Error('a detection worker did not load its rules');
    return first.status;
  }

  settings(settings: TenantSettings): void {
    for (const w of this.workers) w.tell({ kind: 'settings', settings });
  }

  /** The findings of a batch; the events are split among the workers by tenant. */
  async process(events: readonly Event[]): Promise<Finding[]> {
    if (events.length === 0) return [];
    const parts: Event[][] = this.workers.map(() => []);
    for (const e of events) parts[this.workerOf(e.tenant)]!.push(e);
    const replies = await Promise.all(
      parts.map((part, i) =>
        part.length === 0 ? undefined : this.workers[i]!.request({ kind: 'batch', events: part }),
      ),
    );
    const findings: Finding[] = [];
    for (const reply of replies) if (reply?.kind === 'findings') findings.push(...reply.findings);
    return findings;
  }

  private workerOf(tenant: string): number {
    if (this.workers.length === 1) return 0;
    let h = 0;
    for (let i = 0; i < tenant.length; i++) h = (h * 31 + tenant.charCodeAt(i)) | 0;
    return Math.abs(h) % this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
