// Renders an incident report (flash or final, ja or en) to one standalone HTML document from editable templates.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YaguraError } from '../core/errors.js';
import {
  REPORT_KINDS,
  REPORT_LANGUAGES,
  type IncidentReportData,
  type IncidentReportKind,
  type ReportLanguage,
} from './incident-report-data.js';
import { INCIDENT_REPORT_FIELDS } from './incident-report-fields.js';
import { assertReportOptions, buildIncidentReportView } from './incident-report-view.js';
import { htmlToPdf, type PdfOptions } from './pdf.js';
import {
  checkTemplate,
  parseTemplate,
  partialsOf,
  renderTemplate,
  type ParsedTemplate,
  type TemplateProblem,
} from './template.js';

export interface IncidentReportOptions {
  kind: IncidentReportKind;
  language: ReportLanguage;
  /** A folder of the user's templates; each file in it replaces the built-in file of the same name. */
  templateDir?: string;
}

/**
 * Keeps the document from loading anything (scripts, remote styles, fonts or images): it must look the same
 * offline and in the PDF, and a template cannot make the server that prints it fetch a URL.
 */
const CONTENT_SECURITY_POLICY =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; font-src data:">';

/** The templates shipped with Yagura (content/report-templates/ in the package, from src/ or dist/). */
export function builtInReportTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'content', 'report-templates');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new YaguraError(
        'REPORT_TEMPLATE_INVALID',
        'The built-in report templates (content/report-templates/) are missing',
      );
    }
    dir = parent;
  }
}

export function incidentTemplateName(kind: IncidentReportKind, language: ReportLanguage): string {
  return `incident-${kind}.${language}.html`;
}

async function readTemplate(name: string, dirs: readonly string[]): Promise<ParsedTemplate | undefined> {
  for (const dir of dirs) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const source = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    return parseTemplate(source, path);
  }
  return undefined;
}

interface LoadedTemplate {
  template: ParsedTemplate;
  partials: Map<string, ParsedTemplate>;
  problems: TemplateProblem[];
}

/** Loads a template and every partial it includes (the user's folder first), and checks them all. */
async function loadTemplate(name: string, templateDir: string | undefined): Promise<LoadedTemplate> {
  const dirs = [builtInReportTemplatesDir()];
  if (templateDir !== undefined) {
    const userDir = resolve(templateDir);
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) {
      throw new YaguraError(
        'REPORT_TEMPLATE_INVALID',
        `The report template folder ${userDir} does not exist`,
        {
          location: { path: userDir },
        },
      );
    }
    dirs.unshift(userDir);
  }
  const template = await readTemplate(name, dirs);
  if (!template) {
    throw new YaguraError('REPORT_TEMPLATE_INVALID', `No report template ${name} in ${dirs.join(' or ')}`);
  }
  const partials = new Map<string, ParsedTemplate>();
  const pending = partialsOf(template.nodes);
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    if (partials.has(next)) continue;
    const partial = await readTemplate(next, dirs);
    if (!partial) continue; // checkTemplate reports it where it is included
    partials.set(next, partial);
    pending.push(...partialsOf(partial.nodes));
  }
  const problems = checkTemplate(template, INCIDENT_REPORT_FIELDS, partials);
  if (!/<head(\s[^>]*)?>/i.test(template.nodes.map((n) => (n.type === 'text' ? n.text : '')).join(''))) {
    problems.push({ file: template.file, line: 1, message: 'the template has no <head> element' });
  }
  return { template, partials, problems };
}

export function problemText(p: TemplateProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

function templateError(problems: readonly TemplateProblem[]): YaguraError {
  const first = problems[0]!;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new YaguraError('REPORT_TEMPLATE_INVALID', `Report template problem: ${problemText(first)}${more}`, {
    location: { path: first.file, line: first.line },
    problems: problems.map(problemText),
  });
}

/** Every problem of the four incident report templates as a folder would render them; empty when all are usable. */
export async function checkIncidentReportTemplates(templateDir?: string): Promise<TemplateProblem[]> {
  const problems: TemplateProblem[] = [];
  for (const kind of REPORT_KINDS) {
    for (const language of REPORT_LANGUAGES) {
      problems.push(...(await loadTemplate(incidentTemplateName(kind, language), templateDir)).problems);
    }
  }
  return problems;
}

/**
 * The report as one HTML document with its CSS inside and nothing to fetch, ready to show, save or print.
 * Throws REPORT_TEMPLATE_INVALID listing every unknown placeholder or syntax problem, with file and line.
 */
export async function renderIncidentReportHtml(
  data: IncidentReportData,
  options: IncidentReportOptions,
): Promise<string> {
  assertReportOptions(options.kind, options.language);
  const view = buildIncidentReportView(data, options.kind, options.language);
  const loaded = await loadTemplate(
    incidentTemplateName(options.kind, options.language),
    options.templateDir,
  );
  if (loaded.problems.length > 0) throw templateError(loaded.problems);
  const { output, unknown } = renderTemplate(loaded.template, view, loaded.partials);
  if (unknown.length > 0) {
    throw templateError(
      unknown.map((name) => ({
        file: loaded.template.file,
        line: 1,
        message: `unknown placeholder {{${name}}}`,
      })),
    );
  }
  return output.replace(/<head(\s[^>]*)?>/i, (head) => `${head}\n${CONTENT_SECURITY_POLICY}`);
}

/** The same report as a PDF, printed by headless Chromium (see pdf.ts for what it needs). */
export async function renderIncidentReportPdf(
  data: IncidentReportData,
  options: IncidentReportOptions & Omit<PdfOptions, 'language'>,
): Promise<Buffer> {
  const html = await renderIncidentReportHtml(data, options);
  return htmlToPdf(html, { ...options, language: options.language });
}
