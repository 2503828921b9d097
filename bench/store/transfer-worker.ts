// Bench helper: receives batches in one of several shapes and acknowledges, to time structured clone alone.
import { parentPort } from 'node:worker_threads';

let busyMs = 0;
parentPort?.on('message', (m: { kind: string; data: unknown; id: number }) => {
  const t0 = performance.now();
  let rows: number;
  if (m.kind === 'json') rows = (JSON.parse(m.data as string) as unknown[]).length;
  else if (m.kind === 'joined') {
    // Split back into values, as a writer would have to.
    rows = (m.data as string).split('\u0001').map((r) => {
      const v: (string | number)[] = r.split('\u0000');
      v[2] = Number(v[2]);
      v[3] = Number(v[3]);
      return v;
    }).length;
  } else if (m.kind === 'done') {
    parentPort?.postMessage({ id: m.id, busyMs, elu: performance.eventLoopUtilization() });
    return;
  } else rows = (m.data as unknown[]).length;
  busyMs += performance.now() - t0;
  parentPort?.postMessage({ id: m.id, rows });
});
