// Keyboard triage in the alert queue: which key does what, kept apart from the page so it is documented and tested.
export type QueueCommand =
  | 'next'
  | 'previous'
  | 'toggle'
  | 'open'
  | 'acknowledge'
  | 'start'
  | 'false_positive'
  | 'assign_me'
  | 'select_all'
  | 'filter'
  | 'help';

/** Key (as KeyboardEvent.key) -> command; shown in the help panel in this order. */
export const KEYMAP: readonly (readonly [string, QueueCommand])[] = [
  ['j', 'next'],
  ['k', 'previous'],
  ['x', 'toggle'],
  ['Enter', 'open'],
  ['a', 'acknowledge'],
  ['s', 'start'],
  ['f', 'false_positive'],
  ['m', 'assign_me'],
  ['*', 'select_all'],
  ['/', 'filter'],
  ['?', 'help'],
];

const ALIASES: Record<string, QueueCommand> = { ArrowDown: 'next', ArrowUp: 'previous', o: 'open' };

interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The tag of the element the key was typed in. */
  targetTag: string;
  targetEditable: boolean;
}

/** The command for a key press, or undefined when the key belongs to a text field, a control or a shortcut of the browser. */
export function commandOf(e: KeyInput): QueueCommand | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const tag = e.targetTag.toUpperCase();
  if (e.targetEditable || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return undefined;
  // Enter and Space on a button or link must keep their own meaning.
  if ((tag === 'BUTTON' || tag === 'A') && (e.key === 'Enter' || e.key === ' ')) return undefined;
  return KEYMAP.find(([k]) => k === e.key)?.[1] ?? ALIASES[e.key];
}

/** The row index after a move, staying within the list. */
export function moveCursor(current: number, count: number, command: 'next' | 'previous'): number {
  if (count === 0) return -1;
  if (current < 0) return 0;
  return command === 'next' ? Math.min(count - 1, current + 1) : Math.max(0, current - 1);
}
