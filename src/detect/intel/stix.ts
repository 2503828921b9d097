// Imports indicators from a STIX 2.1 bundle: `indicator` objects whose patterns compare one observable by equality.
//
// A pattern is read as an OR of its parts; each part that compares one supported property with "=", IN, or
// (for addresses) ISSUBSET becomes an indicator, each other part (AND, NOT, FOLLOWEDBY, qualifiers, other
// operators or properties) is reported with the reason it cannot be matched on one event field.
import { excerpt, parseTime, type ImportProblem, type ImportResult, type Indicator } from './indicator.js';
import {
  parseStixPattern,
  StixPatternError,
  type Comparison,
  type ComparisonExpr,
  type ObservationExpr,
} from './stix-pattern.js';
import { normalizeIndicator, type TypeHint } from './value.js';

type StixObject = Record<string, unknown>;

const HASH_NAMES: Record<string, TypeHint> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha512: 'sha512' };
const ADDRESS_REFS = /^(?:src_ref|dst_ref)\.value$/;
const EMAIL_REFS = /^(?:from_ref|sender_ref|(?:to|cc|bcc)_refs\[(?:\*|\d+)\])\.value$/;

/** The indicator type a pattern's object path compares, undefined (infer from the value) or null (not matched). */
function hintForPath(objectType: string, property: string): TypeHint | undefined | null {
  switch (objectType) {
    case 'ipv4-addr':
      return property === 'value' ? 'ipv4' : null;
    case 'ipv6-addr':
      return property === 'value' ? 'ipv6' : null;
    case 'domain-name':
      return property === 'value' ? 'domain' : null;
    case 'url':
      return property === 'value' ? 'url' : null;
    case 'email-addr':
      return property === 'value' ? 'email' : null;
    case 'email-message':
      return EMAIL_REFS.test(property) ? 'email' : null;
    case 'network-traffic':
      // dst_ref may point at an address or a domain-name: the value says which.
      return ADDRESS_REFS.test(property) ? undefined : null;
    case 'file':
    case 'artifact': {
      if (!property.startsWith('hashes.')) return null;
      return HASH_NAMES[property.slice(7).toLowerCase().replace(/[-_]/g, '')] ?? null;
    }
    default:
      return null;
  }
}

interface Term {
  hint: TypeHint | undefined;
  value: string;
}

/** The single-field comparisons an OR-pattern holds; everything else goes to `refused` with its reason. */
function flatten(node: ObservationExpr, terms: Term[], refused: string[]): void {
  if (node.qualifiers.length > 0) {
    refused.push(`the ${node.qualifiers.join(', ')} qualifier needs several events`);
    return;
  }
  if (node.kind === 'observation') return flattenComparison(node.comparison, terms, refused);
  if (node.kind === 'or') for (const item of node.items) flatten(item, terms, refused);
  else if (node.kind === 'and') refused.push('AND-combined observations need several events');
  else refused.push('FOLLOWEDBY needs a sequence of events');
}

function flattenComparison(node: ComparisonExpr, terms: Term[], refused: string[]): void {
  if (node.kind === 'test') {
    const reason = addTerms(node, terms);
    if (reason !== undefined) refused.push(reason);
  } else if (node.kind === 'or') for (const item of node.items) flattenComparison(item, terms, refused);
  else refused.push('AND-combined comparisons cannot be matched on one field');
}

/** Adds the indicator values one comparison names, or says why it names none. */
function addTerms(node: Comparison, terms: Term[]): string | undefined {
  const path = `${node.objectType}:${node.property}`;
  if (node.negated) return `NOT (on ${path}) cannot be matched against an indicator list`;
  const hint = hintForPath(node.objectType, node.property);
  if (hint === null) return `${path} is not a property indicators are matched on`;
  const isAddress = node.objectType === 'ipv4-addr' || node.objectType === 'ipv6-addr';
  if (node.op === 'ISSUBSET' && isAddress) {
    const v = String(node.values[0]);
    if (!v.includes('/')) return `ISSUBSET '${v}' is not a CIDR block`;
    terms.push({ hint: 'cidr', value: v });
    return undefined;
  }
  if (node.op !== '=' && node.op !== 'IN')
    return `the ${node.op} operator (on ${path}) is not matched; only =, IN and ISSUBSET are`;
  for (const v of node.values) terms.push({ hint, value: String(v) });
  return undefined;
}

/**
 * Indicators of a STIX 2.1 bundle (or a bare array of objects, or one indicator object). Of several versions
 * of one indicator only the latest (by `modified`) counts; revoked ones are skipped.
 */
export function importStix(doc: unknown): ImportResult {
  const indicators: Indicator[] = [];
  const problems: ImportProblem[] = [];
  const objects = objectsOf(doc);
  if (!objects) return { indicators, problems: [{ reason: 'not a STIX bundle: no "objects" array' }] };
  const identities = new Map<string, string>();
  const latest = new Map<string, { index: number; modified: number }>();
  objects.forEach((o, index) => {
    if (!isObject(o)) return;
    if (o['type'] === 'identity' && typeof o['id'] === 'string' && typeof o['name'] === 'string')
      identities.set(o['id'], o['name']);
    if (o['type'] !== 'indicator' || typeof o['id'] !== 'string') return;
    const modified = parseTime(o['modified']) ?? 0;
    const seen = latest.get(o['id']);
    if (!seen || modified >= seen.modified) latest.set(o['id'], { index, modified });
  });
  let skipped = 0;
  const producers = new Set<string>();
  objects.forEach((o, index) => {
    if (!isObject(o) || o['type'] !== 'indicator') return;
    const id = typeof o['id'] === 'string' ? o['id'] : undefined;
    if (id !== undefined && latest.get(id)?.index !== index) return;
    if (o['revoked'] === true) {
      skipped++;
      return;
    }
    const problem = (reason: string): void => {
      problems.push({ index, entry: excerpt(id ?? String(o['pattern'] ?? '')), reason });
    };
    const taken = readIndicator(o, problem);
    if (taken.length > 0 && typeof o['created_by_ref'] === 'string') {
      const name = identities.get(o['created_by_ref']);
      if (name !== undefined) producers.add(name);
    }
    indicators.push(...taken);
  });
  const result: ImportResult = { indicators, problems };
  if (skipped > 0) result.skipped = skipped;
  if (producers.size === 1) result.producer = [...producers][0] as string;
  return result;
}

function readIndicator(o: StixObject, problem: (reason: string) => void): Indicator[] {
  const patternType = o['pattern_type'];
  // STIX 2.0 indicators have no pattern_type: their patterns are STIX patterns.
  if (patternType !== undefined && patternType !== 'stix') {
    problem(`pattern_type "${String(patternType)}" is not matched; only "stix" is`);
    return [];
  }
  const pattern = o['pattern'];
  if (typeof pattern !== 'string') {
    problem('the indicator has no pattern');
    return [];
  }
  const common: Omit<Indicator, 'type' | 'value'> = {};
  for (const [key, name] of [
    ['validFrom', 'valid_from'],
    ['validUntil', 'valid_until'],
  ] as const) {
    if (o[name] === undefined) continue;
    const t = parseTime(o[name]);
    if (t === undefined) {
      problem(`${name} "${String(o[name])}" is not a timestamp`);
      return [];
    }
    common[key] = t;
  }
  const confidence = o['confidence'];
  if (typeof confidence === 'number' && confidence >= 0 && confidence <= 100) common.confidence = confidence;
  const labels = [...strings(o['labels']), ...attackTags(o['kill_chain_phases'])];
  if (labels.length > 0) common.labels = labels;
  const description = o['description'] ?? o['name'];
  if (typeof description === 'string' && description !== '') common.description = description;
  if (typeof o['id'] === 'string') common.ref = o['id'];

  let tree: ObservationExpr;
  try {
    tree = parseStixPattern(pattern);
  } catch (e) {
    if (e instanceof StixPatternError) {
      problem(`the pattern cannot be parsed: ${e.message}`);
      return [];
    }
    throw e;
  }
  const terms: Term[] = [];
  const refused: string[] = [];
  flatten(tree, terms, refused);
  for (const reason of refused) problem(reason);
  const out: Indicator[] = [];
  for (const term of terms) {
    const n = normalizeIndicator(term.value, term.hint);
    if (n.ok) out.push({ type: n.type, value: n.value, ...common });
    else problem(n.reason);
  }
  return out;
}

function objectsOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return undefined;
  if (Array.isArray(doc['objects'])) return doc['objects'];
  return doc['type'] === 'indicator' ? [doc] : undefined;
}

function isObject(v: unknown): v is StixObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** MITRE ATT&CK kill chain phases as the Sigma tags rules use ("attack.command_and_control"). */
function attackTags(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(isObject)
    .filter((p) => p['kill_chain_name'] === 'mitre-attack' && typeof p['phase_name'] === 'string')
    .map((p) => `attack.${String(p['phase_name']).replace(/-/g, '_')}`);
}
