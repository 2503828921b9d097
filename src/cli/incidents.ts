// `yagura incidents list | show | timeline`: read incidents for CSIRT scripts, as the CLI actor, through the same
// services (permission checks, audit) the API uses.
import type { Command } from 'commander';
import { cliActor } from '../access/actor.js';
import type { IncidentDetail } from '../cases/incident-service.js';
import {
  INCIDENT_STATUSES,
  type Incident,
  type IncidentTask,
  type TimelineEntry,
} from '../cases/incident-model.js';
import { RESPONSE_PHASES, type Language } from '../cases/playbooks/playbook.js';
import { YaguraError } from '../core/errors.js';
import { collect } from './context.js';
import { checkTenants, findIncident, withCases } from './cases-context.js';
import { table } from './tenant.js';
import { flat, isoOrDash, positiveInt } from './triage-context.js';

interface ListOptions {
  tenant?: string[];
  status?: string[];
  phase?: string[];
  limit: string;
  format: string;
}

const PAGE = 500;

export function registerIncidents(program: Command): void {
  const incidents = program
    .command('incidents')
    .description('read incidents: list, one in full, its timeline');

  incidents
    .command('list')
    .description('list incidents, newest first')
    .option('-t, --tenant <id>', 'only incidents of this tenant (repeatable); default every tenant', collect)
    .option(
      '-s, --status <status>',
      `only this status (repeatable): ${INCIDENT_STATUSES.join(', ')}`,
      collect,
    )
    .option('-p, --phase <phase>', `only this phase (repeatable): ${RESPONSE_PHASES.join(', ')}`, collect)
    .option('-n, --limit <n>', 'most incidents to print', '100')
    .option('-f, --format <format>', 'table, or jsonl (one JSON object per line)', 'table')
    .action(async (options: ListOptions, command: Command) => {
      const format = formatOption(options.format, ['table', 'jsonl']);
      const limit = positiveInt(options.limit, '--limit', 100_000);
      const status = (options.status ?? []).map((s) => oneOf(INCIDENT_STATUSES, s, 'incident status'));
      const phase = (options.phase ?? []).map((p) => oneOf(RESPONSE_PHASES, p, 'phase'));
      await withCases(command, async (services) => {
        checkTenants(services, options.tenant);
        const found: Incident[] = [];
        let cursor: string | undefined;
        do {
          const page = await services.cases.incidents.list(cliActor(), {
            ...(options.tenant ? { tenants: options.tenant } : {}),
            ...(status.length ? { status } : {}),
            ...(phase.length ? { phase } : {}),
            limit: Math.min(PAGE, limit - found.length),
            ...(cursor ? { cursor } : {}),
          });
          found.push(...page.incidents);
          cursor = page.next;
        } while (cursor && found.length < limit);
        if (format === 'jsonl') {
          for (const i of found) process.stdout.write(JSON.stringify(i) + '\n');
          return;
        }
        const rows = found.map((i) => [
          i.ref,
          i.tenant,
          i.status,
          i.phase,
          i.severity,
          i.priority,
          i.category,
          flat(i.title),
          isoOrDash(i.createdAt),
          i.id,
        ]);
        process.stdout.write(
          table(
            [
              'REF',
              'TENANT',
              'STATUS',
              'PHASE',
              'SEVERITY',
              'PRIORITY',
              'CATEGORY',
              'TITLE',
              'CREATED',
              'ID',
            ],
            rows,
          ),
        );
        process.stderr.write(
          `${found.length} incident${found.length === 1 ? '' : 's'}${cursor ? '; more match (raise --limit)' : ''}.\n`,
        );
      });
    });

  incidents
    .command('show')
    .description('show one incident with its tasks, alerts, observables and links')
    .argument('<incident>', 'incident id or reference (INC-2026-0001)')
    .option('-t, --tenant <id>', 'the tenant, when the reference exists in several')
    .option('-f, --format <format>', 'table, or json (the whole record as one JSON object)', 'table')
    .action(async (incident: string, options: { tenant?: string; format: string }, command: Command) => {
      const format = formatOption(options.format, ['table', 'json']);
      await withCases(command, async (services) => {
        const detail = await findIncident(services, incident, options.tenant);
        process.stdout.write(format === 'json' ? JSON.stringify(detail) + '\n' : describeIncident(detail));
      });
    });

  incidents
    .command('timeline')
    .description('print the timeline of one incident, oldest first')
    .argument('<incident>', 'incident id or reference (INC-2026-0001)')
    .option('-t, --tenant <id>', 'the tenant, when the reference exists in several')
    .option('--csv', 'the CSV export the API gives (UTF-8 with byte order mark, CRLF)')
    .action(async (incident: string, options: { tenant?: string; csv?: boolean }, command: Command) => {
      await withCases(command, async (services) => {
        const { incident: found } = await findIncident(services, incident, options.tenant);
        if (options.csv) {
          const { text } = await services.cases.timeline.csv(cliActor(), found.id);
          process.stdout.write(text);
          return;
        }
        const entries = await services.cases.timeline.list(cliActor(), found.id);
        process.stdout.write(table(['TIME', 'KIND', 'ACTOR', 'SUMMARY'], entries.map(timelineRow)));
        process.stderr.write(`${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}.\n`);
      });
    });
}

function oneOf<T extends string>(allowed: readonly T[], text: string, what: string): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new YaguraError('REQUEST_INVALID', `Unknown ${what} "${text}" (one of ${allowed.join(', ')})`);
  }
  return text as T;
}

function formatOption<T extends string>(text: string, allowed: readonly T[]): T {
  return oneOf(allowed, text, 'format');
}

function timelineRow(e: TimelineEntry): string[] {
  return [isoOrDash(e.eventTime ?? e.recordedAt), e.kind, flat(e.actor.name), flat(e.summary)];
}

function describeIncident(d: IncidentDetail): string {
  const i = d.incident;
  const lang = i.language;
  const lines = [
    `Incident ${i.ref} (tenant ${i.tenant}, id ${i.id})`,
    `  title       ${flat(i.title)}`,
    `  status      ${i.status}${i.closeReason ? ` (${flat(i.closeReason)})` : ''}`,
    `  phase       ${i.phase}`,
    `  category    ${i.category}`,
    `  severity    ${i.severity}, priority ${i.priority}, TLP ${i.tlp.toUpperCase()}`,
    `  source      ${i.source}${i.sourceRef ? ` (${flat(i.sourceRef)})` : ''}`,
    `  assignees   ${i.assignees.length ? i.assignees.join(', ') : '-'}`,
    `  created     ${isoOrDash(i.createdAt)} by ${flat(i.createdBy.name)}`,
    `  due         ${isoOrDash(i.dueAt)}`,
  ];
  if (i.description.trim()) lines.push(`  description ${flat(i.description)}`);
  lines.push(`Tasks (${d.counts.tasksOpen} open of ${d.counts.tasks}):`);
  if (!d.tasks.length) lines.push('  -');
  for (const phase of RESPONSE_PHASES) {
    const tasks = d.tasks.filter((t) => t.phase === phase);
    if (!tasks.length) continue;
    lines.push(`  ${phase}`);
    for (const t of tasks) lines.push(taskLine(t, lang));
  }
  lines.push(
    `Alerts (${d.alertIds.length}):`,
    ...(d.alertIds.length ? d.alertIds.map((a) => `  ${a}`) : ['  -']),
  );
  lines.push(`Observables (${d.observables.length}):`);
  lines.push(...(d.observables.length ? d.observables.map((o) => `  ${o.type}  ${flat(o.value)}`) : ['  -']));
  lines.push(`Links (${d.links.length}):`);
  lines.push(
    ...(d.links.length
      ? d.links.map((l) => `  ${l.relation}  ${l.ref}  ${l.status}  ${flat(l.title)}`)
      : ['  -']),
  );
  return lines.join('\n') + '\n';
}

function taskLine(t: IncidentTask, lang: Language): string {
  const owner = t.owner ? `, owner ${t.owner}` : '';
  const due = t.dueAt !== null ? `, due ${isoOrDash(t.dueAt)}` : '';
  return `    [${t.status}] ${flat(t.title[lang])}${owner}${due}`;
}
