// A small logic-less HTML template engine (a Mustache subset): escaped values, sections, lists, partials, no code.
//
// Syntax: {{name}} / {{a.b}} (HTML-escaped value), {{#name}}…{{/name}} (shown when truthy; once per item of a
// list), {{^name}}…{{/name}} (shown when falsy or empty), {{.}} (the current item), {{! comment }}, {{> file}}
// (another file of the template folder). There is no raw output ({{{ }}} and {{& }} are refused), so no value can
// add markup, and nothing in a template is evaluated.

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'value'; name: string; line: number }
  | { type: 'section'; name: string; inverted: boolean; line: number; children: TemplateNode[] }
  | { type: 'partial'; name: string; line: number };

export interface TemplateProblem {
  file: string;
  line: number;
  message: string;
}

export interface ParsedTemplate {
  file: string;
  nodes: TemplateNode[];
  problems: TemplateProblem[];
}

/** What the values given to a template look like: the names it may use, with a sentence each for the docs. */
export type FieldSpec =
  | { kind: 'text' | 'count' | 'flag'; doc: string }
  | { kind: 'object'; doc: string; fields: TemplateSchema }
  | { kind: 'list'; doc: string; item: TemplateSchema | 'text' };
export type TemplateSchema = Readonly<Record<string, FieldSpec>>;

export type TemplateValue =
  string | number | boolean | null | TemplateValue[] | { [key: string]: TemplateValue };

const NAME = /^(?:\.|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;
/** A file beside the template: no folders, no `..`. */
export const PARTIAL_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
const MAX_PARTIAL_DEPTH = 8;

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line += 1;
  return line;
}

export function parseTemplate(source: string, file: string): ParsedTemplate {
  const problems: TemplateProblem[] = [];
  const root: TemplateNode[] = [];
  const open: { name: string; line: number; children: TemplateNode[] }[] = [];
  let target = root;
  let pos = 0;
  const problem = (offset: number, message: string) =>
    problems.push({ file, line: lineAt(source, offset), message });

  while (pos < source.length) {
    const start = source.indexOf('{{', pos);
    if (start === -1) {
      target.push({ type: 'text', text: source.slice(pos) });
      break;
    }
    if (start > pos) target.push({ type: 'text', text: source.slice(pos, start) });
    const end = source.indexOf('}}', start + 2);
    if (end === -1) {
      problem(start, 'a tag opened with "{{" is never closed with "}}"');
      break;
    }
    pos = end + 2;
    const tag = source.slice(start + 2, end);
    const line = lineAt(source, start);
    const sigil = tag.trimStart()[0] ?? '';
    const body = '#^/>!'.includes(sigil) ? tag.trimStart().slice(1).trim() : tag.trim();

    if (sigil === '!') continue;
    if (sigil === '{' || sigil === '&') {
      problem(
        start,
        `{{${tag}}} would insert a value unescaped; this engine has no raw output, use {{name}}`,
      );
      continue;
    }
    if (sigil === '=') {
      problem(start, 'changing the tag delimiters ({{=…=}}) is not supported');
      continue;
    }
    if (sigil === '>') {
      if (!PARTIAL_NAME.test(body)) {
        problem(start, `{{>${tag.slice(tag.indexOf('>') + 1)}}} must name a file in the template folder`);
      } else target.push({ type: 'partial', name: body, line });
      continue;
    }
    if (!NAME.test(body)) {
      problem(start, `{{${tag}}} is not a placeholder name (letters, digits and "_", joined by dots)`);
      continue;
    }
    if (sigil === '#' || sigil === '^') {
      const section: TemplateNode = {
        type: 'section',
        name: body,
        inverted: sigil === '^',
        line,
        children: [],
      };
      target.push(section);
      open.push({ name: body, line, children: section.children });
      target = section.children;
    } else if (sigil === '/') {
      const last = open[open.length - 1];
      if (!last) {
        problem(start, `{{/${body}}} closes a section that was never opened`);
      } else if (last.name !== body) {
        problem(
          start,
          `{{/${body}}} closes a section, but the one open is {{#${last.name}}} from line ${last.line}`,
        );
      } else {
        open.pop();
        target = open[open.length - 1]?.children ?? root;
      }
    } else {
      target.push({ type: 'value', name: body, line });
    }
  }
  for (const s of open) problems.push({ file, line: s.line, message: `{{#${s.name}}} is never closed` });
  return { file, nodes: root, problems };
}

/** The partials a template includes directly, in order. */
export function partialsOf(nodes: readonly TemplateNode[]): string[] {
  const names: string[] = [];
  for (const node of nodes) {
    if (node.type === 'partial') names.push(node.name);
    else if (node.type === 'section') names.push(...partialsOf(node.children));
  }
  return names;
}

type Scope = { fields: TemplateSchema } | { item: 'text' };

function resolveSpec(scopes: readonly Scope[], name: string): FieldSpec | 'item' | undefined {
  if (name === '.') return 'item' in scopes[scopes.length - 1]! ? 'item' : undefined;
  const [head, ...rest] = name.split('.');
  for (let i = scopes.length - 1; i >= 0; i -= 1) {
    const scope = scopes[i]!;
    if (!('fields' in scope) || !Object.hasOwn(scope.fields, head!)) continue;
    let spec: FieldSpec | undefined = scope.fields[head!];
    for (const part of rest) {
      spec = spec?.kind === 'object' && Object.hasOwn(spec.fields, part) ? spec.fields[part] : undefined;
    }
    return spec;
  }
  return undefined;
}

/**
 * Every placeholder the template names that the schema does not have, every {{name}} that names a list or object,
 * and every problem of its partials (checked where they are included). Checking against the schema rather than the
 * data finds a misspelt name even inside a section whose list happens to be empty.
 */
export function checkTemplate(
  template: ParsedTemplate,
  schema: TemplateSchema,
  partials: ReadonlyMap<string, ParsedTemplate>,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [...template.problems];
  const reported = new Set<ParsedTemplate>([template]);

  const walk = (nodes: readonly TemplateNode[], scopes: Scope[], file: string, depth: number): void => {
    for (const node of nodes) {
      if (node.type === 'text') continue;
      if (node.type === 'partial') {
        const partial = partials.get(node.name);
        if (!partial) {
          problems.push({
            file,
            line: node.line,
            message: `{{> ${node.name}}}: no such file in the template folder`,
          });
        } else if (depth >= MAX_PARTIAL_DEPTH) {
          problems.push({
            file,
            line: node.line,
            message: `{{> ${node.name}}}: partials nest too deep (a loop?)`,
          });
        } else {
          if (!reported.has(partial)) problems.push(...partial.problems);
          reported.add(partial);
          walk(partial.nodes, scopes, partial.file, depth + 1);
        }
        continue;
      }
      const spec = resolveSpec(scopes, node.name);
      if (spec === undefined) {
        const message =
          node.name === '.'
            ? '{{.}} is only meaningful inside a section over a list of texts'
            : `unknown placeholder {{${node.name}}}`;
        problems.push({ file, line: node.line, message });
        continue;
      }
      if (node.type === 'value') {
        if (spec !== 'item' && (spec.kind === 'object' || spec.kind === 'list')) {
          problems.push({
            file,
            line: node.line,
            message: `{{${node.name}}} is ${spec.kind === 'object' ? 'an object' : 'a list'}: use {{#${node.name}}}…{{/${node.name}}} and name its fields`,
          });
        }
        continue;
      }
      let inner = scopes;
      if (!node.inverted && spec !== 'item') {
        if (spec.kind === 'object') inner = [...scopes, { fields: spec.fields }];
        else if (spec.kind === 'list')
          inner = [...scopes, spec.item === 'text' ? { item: 'text' } : { fields: spec.item }];
        else if (spec.kind === 'text') inner = [...scopes, { item: 'text' }];
      }
      walk(node.children, inner, file, depth);
    }
  };
  walk(template.nodes, [{ fields: schema }], template.file, 0);
  return problems;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function isRecord(v: TemplateValue | undefined): v is { [key: string]: TemplateValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lookup(stack: readonly TemplateValue[], name: string): TemplateValue | undefined {
  if (name === '.') return stack[stack.length - 1];
  const [head, ...rest] = name.split('.');
  for (let i = stack.length - 1; i >= 0; i -= 1) {
    const frame = stack[i];
    if (!isRecord(frame) || !Object.hasOwn(frame, head!)) continue;
    let value: TemplateValue | undefined = frame[head!];
    for (const part of rest) value = isRecord(value) && Object.hasOwn(value, part) ? value[part] : undefined;
    return value;
  }
  return undefined;
}

function isTruthy(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== false && value !== '' && value !== 0;
}

export interface RenderResult {
  output: string;
  /** Names that no value answered (checkTemplate finds these before rendering; this is the last guard). */
  unknown: string[];
}

export function renderTemplate(
  template: ParsedTemplate,
  view: TemplateValue,
  partials: ReadonlyMap<string, ParsedTemplate>,
): RenderResult {
  const out: string[] = [];
  const unknown = new Set<string>();

  const walk = (nodes: readonly TemplateNode[], stack: TemplateValue[], depth: number): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        out.push(node.text);
        continue;
      }
      if (node.type === 'partial') {
        const partial = partials.get(node.name);
        if (!partial || depth >= MAX_PARTIAL_DEPTH) unknown.add(`> ${node.name}`);
        else walk(partial.nodes, stack, depth + 1);
        continue;
      }
      const value = lookup(stack, node.name);
      if (value === undefined) {
        unknown.add(node.name);
        continue;
      }
      if (node.type === 'value') {
        if (value === null || typeof value === 'object') continue;
        out.push(escapeHtml(String(value)));
        continue;
      }
      if (node.inverted) {
        if (!isTruthy(value)) walk(node.children, stack, depth);
      } else if (Array.isArray(value)) {
        for (const item of value) walk(node.children, [...stack, item], depth);
      } else if (isTruthy(value)) {
        walk(node.children, typeof value === 'boolean' ? stack : [...stack, value], depth);
      }
    }
  };
  walk(template.nodes, [view], 0);
  return { output: out.join(''), unknown: [...unknown] };
}
