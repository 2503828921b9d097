// Small wordings of an alert: its entity in one line, durations against targets, and deliveries.
export interface EntityFields {
  'host.name'?: string;
  'user.name'?: string;
  'source.ip'?: string;
  'destination.ip'?: string;
}

/** "user@host · 10.0.0.8 → 192.0.2.1", leaving out what the alert does not have. */
export function entityText(e: EntityFields): string {
  const who = [e['user.name'], e['host.name']].filter(Boolean).join('@');
  const where =
    e['source.ip'] && e['destination.ip']
      ? `${e['source.ip']} → ${e['destination.ip']}`
      : (e['source.ip'] ?? e['destination.ip'] ?? '');
  return [who, where].filter(Boolean).join(' · ') || '—';
}

/** The search-language query for the entity, to look at everything else it did. */
export function entityQuery(e: EntityFields): string {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(e)) {
    if (typeof value === 'string' && value) parts.push(`${field}:${quote(value)}`);
  }
  return parts.join(' AND ');
}

/** `_id:a OR _id:b`: the events an alert or finding cites. */
export function eventIdsQuery(ids: readonly string[]): string {
  return ids.map((id) => `_id:${quote(id)}`).join(' OR ');
}

function quote(value: string): string {
  return /^[\w.@-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** 1 h 5 min, 3 d 2 h, 45 s: the two largest units. */
export function durationText(ms: number, units: { d: string; h: string; m: string; s: string }): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const parts: [number, string][] = [
    [Math.floor(s / 86400), units.d],
    [Math.floor((s % 86400) / 3600), units.h],
    [Math.floor((s % 3600) / 60), units.m],
    [s % 60, units.s],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return `0 ${units.s}`;
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
}

/** Recommended actions typed one per line into a text box. */
export function actionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-*・•]\s*/, '').trim())
    .filter(Boolean)
    .slice(0, 20);
}
