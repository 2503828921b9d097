// The ingest overview's answer and how its numbers are written.

export interface Series {
  key: string;
  total: number;
  parseErrors: number;
  counts: number[];
}

export interface Overview {
  from: number;
  to: number;
  intervalMs: number;
  bucketStarts: number[];
  total: number;
  parseErrors: number;
  byInput: Series[];
  byTenant: Series[];
  queue: { depth: number; capacity: number; full: boolean; samples: { at: number; depth: number }[] };
  storage?: {
    bytes: number;
    events: number;
    freeBytes?: number;
    minFreeBytes: number;
    maxBytes?: number;
    maxAgeDays?: number;
    partitions: { name: string; from: number; to: number; bytes: number; events: number }[];
  };
  retention: { tenant: string; retentionDays: number | null }[];
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** 1536 -> "1.5 KB" (binary multiples, as disks are reported). */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${UNITS[unit]}`;
}

export function formatPercent(share: number, locale: string): string {
  return share.toLocaleString(locale, {
    style: 'percent',
    maximumFractionDigits: share > 0 && share < 0.01 ? 2 : 1,
  });
}
