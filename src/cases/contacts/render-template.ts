// A small, safe template renderer: {{name}} placeholders replaced by given text, nothing evaluated. Placeholders
// without a value stay in the text as written and are reported, so a draft never goes out with silent blanks.

/** `{{ incident.number }}`: lowercase words joined by dots; anything else between braces is reported as unknown. */
const PLACEHOLDER = /\{\{([^{}]{0,100})\}\}/g;
const NAME = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;
/** Fill-in marks the user completes by hand, as the playbooks' templates write them: 【氏名】, [Name]. */
const FILL_IN = /【[^】\n]{1,40}】|\[[^\]\n[]{1,40}\]/g;

export interface RenderedText {
  text: string;
  /** Known placeholders with no value (left in the text as {{name}}). */
  missing: string[];
  /** Placeholders that are neither known nor given a value, or not valid names (left as written). */
  unknown: string[];
  /** Fill-in marks left for the user (【氏名】, [Name]), when asked for. */
  fillIns: string[];
}

export type TemplateValues = Readonly<Record<string, string>>;

/**
 * Replaces each {{name}} of `template` with values[name]. `known` names the placeholders the caller could have
 * filled: one of them without a value is `missing`, any other name is `unknown`.
 */
export function renderText(
  template: string,
  values: TemplateValues,
  known: ReadonlySet<string>,
  options: { fillIns?: boolean } = {},
): RenderedText {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim();
    const value = NAME.test(name) && Object.hasOwn(values, name) ? values[name] : undefined;
    if (value !== undefined && value !== '') return value;
    if (NAME.test(name) && known.has(name)) missing.add(name);
    else unknown.add(name);
    return whole;
  });
  // Only where fill-in marks are the convention (the playbooks'): elsewhere 【】 is a subject's heading bracket.
  const fillIns = new Set(options.fillIns ? (text.replace(PLACEHOLDER, '').match(FILL_IN) ?? []) : []);
  return { text, missing: [...missing], unknown: [...unknown], fillIns: [...fillIns] };
}

/** Whether `name` can be a placeholder name (for values given by callers). */
export function isPlaceholderName(name: string): boolean {
  return NAME.test(name);
}

/** The placeholders a text uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim()))];
}
