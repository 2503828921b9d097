// The incident page's tabs: which one the URL names, and where the arrow keys move focus in the tab list.
export const TABS = [
  'overview',
  'tasks',
  'timeline',
  'observables',
  'evidence',
  'communications',
  'reports',
] as const;
export type TabId = (typeof TABS)[number];

export function readTab(params: URLSearchParams): TabId {
  const tab = params.get('tab');
  return (TABS as readonly string[]).includes(tab ?? '') ? (tab as TabId) : 'overview';
}

/** The URL parameters with this tab chosen (the overview is the default, so it is left out). */
export function withTab(params: URLSearchParams, tab: TabId): URLSearchParams {
  const p = new URLSearchParams(params);
  if (tab === 'overview') p.delete('tab');
  else p.set('tab', tab);
  return p;
}

/** The tab index a key moves to (arrows wrap, Home/End jump), or undefined for other keys. */
export function tabKeyTarget(index: number, key: string, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
