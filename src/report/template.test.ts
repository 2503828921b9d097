import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  escapeHtml,
  parseTemplate,
  renderTemplate,
  type ParsedTemplate,
  type TemplateSchema,
  type TemplateValue,
} from './template.js';

const SCHEMA: TemplateSchema = {
  title: { kind: 'text', doc: '' },
  note: { kind: 'text', doc: '' },
  urgent: { kind: 'flag', doc: '' },
  owner: { kind: 'object', doc: '', fields: { name: { kind: 'text', doc: '' } } },
  tags: { kind: 'list', doc: '', item: 'text' },
  rows: { kind: 'list', doc: '', item: { label: { kind: 'text', doc: '' } } },
  n: { kind: 'count', doc: '' },
};

function render(source: string, view: TemplateValue, partials: Record<string, string> = {}): string {
  const parsedPartials = new Map<string, ParsedTemplate>(
    Object.entries(partials).map(([name, text]) => [name, parseTemplate(text, name)]),
  );
  const template = parseTemplate(source, 'main.html');
  expect(checkTemplate(template, SCHEMA, parsedPartials)).toEqual([]);
  const result = renderTemplate(template, view, parsedPartials);
  expect(result.unknown).toEqual([]);
  return result.output;
}

function problems(source: string, partials: Record<string, string> = {}): string[] {
  const parsedPartials = new Map(
    Object.entries(partials).map(([name, text]) => [name, parseTemplate(text, name)]),
  );
  return checkTemplate(parseTemplate(source, 'main.html'), SCHEMA, parsedPartials).map(
    (p) => `${p.file}:${p.line}: ${p.message}`,
  );
}

describe('template rendering', () => {
  it('escapes every value, so markup in data stays text', () => {
    expect(render('<h1>{{title}}</h1>', { title: `<script>alert("x")</script> & 'y'` })).toBe(
      '<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</h1>',
    );
    expect(escapeHtml('`')).toBe('&#96;');
  });

  it('reads dotted names and shows null as nothing', () => {
    expect(render('{{owner.name}}|{{note}}|', { owner: { name: '山田' }, note: null })).toBe('山田||');
  });

  it('repeats a section once per list item and shows inverted sections for empty lists', () => {
    const source = '{{#rows}}[{{label}}]{{/rows}}{{^rows}}none{{/rows}}';
    expect(render(source, { rows: [{ label: 'a' }, { label: 'b' }] })).toBe('[a][b]');
    expect(render(source, { rows: [] })).toBe('none');
  });

  it('prints each text of a list with {{.}} and still sees outer names inside a section', () => {
    expect(render('{{#tags}}{{.}}/{{title}} {{/tags}}', { tags: ['x', 'y'], title: 't' })).toBe('x/t y/t ');
  });

  it('treats 0, false, empty text and null as false', () => {
    const source = '{{#n}}some{{/n}}{{^n}}zero{{/n}}{{#urgent}}!{{/urgent}}{{#note}}({{note}}){{/note}}';
    expect(render(source, { n: 0, urgent: false, note: '' })).toBe('zero');
    expect(render(source, { n: 2, urgent: true, note: 'x' })).toBe('some!(x)');
  });

  it('includes partials with the current values and drops comments', () => {
    expect(
      render(
        '{{! a comment }}<style>{{>style.css}}</style>',
        { title: 'T' },
        { 'style.css': 'h1{}/*{{title}}*/' },
      ),
    ).toBe('<style>h1{}/*T*/</style>');
  });
});

describe('template checking', () => {
  it('reports an unknown placeholder with its file and line, even inside an empty list section', () => {
    expect(problems('<p>{{title}}</p>\n{{#rows}}{{lable}}{{/rows}}\n{{nope.deep}}')).toEqual([
      'main.html:2: unknown placeholder {{lable}}',
      'main.html:3: unknown placeholder {{nope.deep}}',
    ]);
  });

  it('refuses raw output and delimiter changes', () => {
    expect(problems('{{{title}}}')[0]).toMatch(/unescaped/);
    expect(problems('{{&title}}')[0]).toMatch(/unescaped/);
    expect(problems('{{=<% %>=}}')[0]).toMatch(/delimiters/);
  });

  it('reports sections that are not closed or closed in the wrong order', () => {
    expect(problems('{{#rows}}\n{{#owner}}{{/rows}}')).toEqual(
      expect.arrayContaining([
        'main.html:2: {{/rows}} closes a section, but the one open is {{#owner}} from line 2',
      ]),
    );
    expect(problems('{{#rows}}x')).toEqual(['main.html:1: {{#rows}} is never closed']);
    expect(problems('{{/rows}}')).toEqual(['main.html:1: {{/rows}} closes a section that was never opened']);
    expect(problems('{{title')).toEqual(['main.html:1: a tag opened with "{{" is never closed with "}}"']);
  });

  it('says when a list or object is printed as a value, and when {{.}} is outside a text list', () => {
    expect(problems('{{rows}}')[0]).toMatch(/is a list/);
    expect(problems('{{owner}}')[0]).toMatch(/is an object/);
    expect(problems('{{.}}')[0]).toMatch(/only meaningful inside/);
    expect(problems('{{#rows}}{{.}}{{/rows}}')[0]).toMatch(/only meaningful inside/);
  });

  it('reports missing partials, partials that include themselves, and names with folders in them', () => {
    expect(problems('{{>missing.css}}')).toEqual([
      'main.html:1: {{> missing.css}}: no such file in the template folder',
    ]);
    expect(problems('{{>loop.html}}', { 'loop.html': '{{>loop.html}}' })[0]).toMatch(/nest too deep/);
    expect(problems('{{>../secret}}')[0]).toMatch(/must name a file/);
    expect(problems('{{>a/b.css}}')[0]).toMatch(/must name a file/);
  });

  it('checks the placeholders of a partial where it is included', () => {
    expect(problems('{{#rows}}{{>row.html}}{{/rows}}', { 'row.html': '{{label}}{{bad}}' })).toEqual([
      'row.html:1: unknown placeholder {{bad}}',
    ]);
  });

  it('still reports names the values lack when rendering without a check', () => {
    const result = renderTemplate(parseTemplate('{{missing}}', 'x'), {}, new Map());
    expect(result.unknown).toEqual(['missing']);
  });
});
