// Free space of the data folder's file system, and the reserve below which the store refuses writes.
import { statfsSync } from 'node:fs';
import { YaguraError } from '../../core/errors.js';

export function freeBytes(path: string): number {
  const s = statfsSync(path);
  return s.bavail * s.bsize;
}

/** Refuses a write that would leave less than `minFreeBytes`; statfs is re-read at most once per `refreshMs`. */
export class DiskReserve {
  private free = 0;
  private readAt = -Infinity;
  private writtenSinceRead = 0;

  constructor(
    private readonly path: string,
    public minFreeBytes: number,
    private readonly refreshMs = 1000,
  ) {}

  /** Throws STORE_DISK_FULL, before anything is written, when `bytes` more would cut into the reserve. */
  check(bytes: number): void {
    if (this.minFreeBytes <= 0) return;
    const now = performance.now();
    if (now - this.readAt > this.refreshMs) {
      this.free = freeBytes(this.path);
      this.readAt = now;
      this.writtenSinceRead = 0;
    }
    const left = this.free - this.writtenSinceRead - bytes;
    if (left < this.minFreeBytes) {
      throw new YaguraError(
        'STORE_DISK_FULL',
        `The data folder has ${Math.max(0, this.free - this.writtenSinceRead)} bytes free, the reserve is ${this.minFreeBytes}; the batch was not written`,
        { freeBytes: this.free - this.writtenSinceRead, minFreeBytes: this.minFreeBytes, path: this.path },
      );
    }
    this.writtenSinceRead += bytes;
  }
}
