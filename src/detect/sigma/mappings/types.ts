// A field mapping: for rules of a log source, where each Sigma field name is found in Yagura's Events.

export interface FieldMapping {
  /** The rules it applies to: every key given must equal the rule's (an empty object applies to all rules). */
  logsource: { product?: string; category?: string; service?: string };
  /** Sigma field -> Event fields to look in, first present wins. */
  fields: Readonly<Record<string, readonly string[]>>;
  /** Event field prefixes to try with the Sigma name appended, after `fields` (e.g. "winlog.event_data."). */
  prefixes?: readonly string[];
}
