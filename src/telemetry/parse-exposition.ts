// Reads Prometheus text format back into samples: used to check what /metrics serves and by tools that scrape it.

export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedExposition {
  samples: ParsedSample[];
  /** Metric family name -> its `# TYPE`. */
  types: Record<string, string>;
  help: Record<string, string>;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( -?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;

function parseValue(text: string, line: number): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const n = Number(text);
  if (text === '' || Number.isNaN(n)) throw new SyntaxError(`line ${line}: "${text}" is not a number`);
  return n;
}

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const m = LABEL.exec(text);
    if (!m) throw new SyntaxError(`line ${line}: malformed labels "${text}"`);
    labels[m[1] as string] = (m[2] as string).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

/** Parses the text, throwing a SyntaxError naming the first line that is not `name{labels} value` or a comment. */
export function parseExposition(text: string): ParsedExposition {
  const out: ParsedExposition = { samples: [], types: {}, help: {} };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw === '') return;
    if (raw.startsWith('#')) {
      const m = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(raw);
      if (m) (m[1] === 'TYPE' ? out.types : out.help)[m[2] as string] = m[3] as string;
      return;
    }
    const m = SAMPLE.exec(raw);
    if (!m) throw new SyntaxError(`line ${line}: not "name{labels} value": ${raw}`);
    out.samples.push({
      name: m[1] as string,
      labels: m[3] ? parseLabels(m[3], line) : {},
      value: parseValue(m[4] as string, line),
    });
  });
  return out;
}
