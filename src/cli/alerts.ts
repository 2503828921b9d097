// `yagura alerts list | show | transition`: read the alert queue and move alerts through the status machine, as the
// CLI actor, through the same service (permission checks, audit) the API uses.
import type { Command } from 'commander';
import { cliActor } from '../access/actor.js';
import { YaguraError } from '../core/errors.js';
import type { Alert, AlertHistoryEntry } from '../triage/alert-model.js';
import type { AlertDetail } from '../triage/alert-service.js';
import type { Entity } from '../triage/entity.js';
import { ALERT_STATUSES, isAlertStatus, type AlertStatus } from '../triage/status.js';
import { collect } from './context.js';
import { table } from './tenant.js';
import { flat, isoOrDash, positiveInt, withTriage } from './triage-context.js';

interface ListOptions {
  tenant?: string[];
  status?: string[];
  limit: string;
  json?: boolean;
}

const PAGE = 500;

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('read and triage alerts (grouped findings)');

  alerts
    .command('list')
    .description('list alerts, newest activity first')
    .option('-t, --tenant <id>', 'only alerts of this tenant (repeatable); default every tenant', collect)
    .option('-s, --status <status>', `only this status (repeatable): ${ALERT_STATUSES.join(', ')}`, collect)
    .option('-n, --limit <n>', 'most alerts to print', '50')
    .option('--json', 'one JSON object per line')
    .action(async (options: ListOptions, command: Command) => {
      const limit = positiveInt(options.limit, '--limit', 100_000);
      const status = (options.status ?? []).map(statusOption);
      await withTriage(command, async (triage) => {
        const found: Alert[] = [];
        let cursor: string | undefined;
        do {
          const page = await triage.alerts.list(cliActor(), {
            ...(options.tenant ? { tenants: options.tenant } : {}),
            ...(status.length ? { status } : {}),
            limit: Math.min(PAGE, limit - found.length),
            ...(cursor ? { cursor } : {}),
          });
          found.push(...page.alerts);
          cursor = page.next;
        } while (cursor && found.length < limit);
        if (options.json) {
          for (const a of found) process.stdout.write(JSON.stringify(a) + '\n');
          return;
        }
        const rows = found.map((a) => [
          a.id,
          a.tenant,
          a.status,
          `${a.severity.level} (${a.severity.score})`,
          flat(a.rule.title),
          flat(entityText(a.entity)),
          String(a.findings),
          isoOrDash(a.lastSeen),
          a.assignee ?? '-',
        ]);
        process.stdout.write(
          table(
            ['ID', 'TENANT', 'STATUS', 'SEVERITY', 'RULE', 'ENTITY', 'FINDINGS', 'LAST SEEN', 'ASSIGNEE'],
            rows,
          ),
        );
        process.stderr.write(
          `${found.length} alert${found.length === 1 ? '' : 's'}${cursor ? '; more match (raise --limit)' : ''}.\n`,
        );
      });
    });

  alerts
    .command('show')
    .description('show one alert with its history, findings, assets and response timing')
    .argument('<id>', 'alert id')
    .option('--json', 'the whole record as one JSON object')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withTriage(command, async (triage) => {
        const detail = await triage.alerts.get(cliActor(), id);
        process.stdout.write(options.json ? JSON.stringify(detail) + '\n' : describeAlert(detail));
      });
    });

  alerts
    .command('transition')
    .description('move an alert to another status, with a reason (kept in its history and the audit log)')
    .argument('<id>', 'alert id')
    .requiredOption('--to <status>', `the new status: ${ALERT_STATUSES.join(', ')}`)
    .requiredOption('--reason <text>', 'why, e.g. "admin script, confirmed with the owner"')
    .action(async (id: string, options: { to: string; reason: string }, command: Command) => {
      const to = statusOption(options.to);
      await withTriage(command, async (triage) => {
        const moved = await triage.alerts.transition(cliActor(), id, to, options.reason);
        process.stdout.write(`${moved.id} ${moved.status}\n`);
      });
    });
}

function statusOption(text: string): AlertStatus {
  if (!isAlertStatus(text)) {
    throw new YaguraError(
      'REQUEST_INVALID',
      `Unknown alert status "${text}" (one of ${ALERT_STATUSES.join(', ')})`,
    );
  }
  return text;
}

function entityText(entity: Entity): string {
  const parts = Object.entries(entity).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(' ') : '-';
}

function describeAlert(d: AlertDetail): string {
  const a = d.alert;
  const lines = [
    `Alert ${a.id} (tenant ${a.tenant})`,
    `  status      ${a.status}${a.resolution ? ` (${a.resolution})` : ''}`,
    `  rule        ${flat(a.rule.title)} [${a.rule.id}, ${a.rule.level}]`,
    `  kind        ${a.kind}`,
    `  severity    ${a.severity.level} (${a.severity.score}), criticality ${a.criticality}`,
    `  entity      ${flat(entityText(a.entity))}`,
    `  findings    ${a.findings} (${a.events} events, ${a.intelHits} intel hits)`,
    `  first seen  ${isoOrDash(a.firstSeen)}`,
    `  last seen   ${isoOrDash(a.lastSeen)}`,
    `  assignee    ${a.assignee ?? '-'}`,
    `  acknowledge ${timing(d.timing.acknowledgeMs, d.timing.acknowledgeOverdue)}`,
    `  escalate    ${timing(d.timing.escalateMs, d.timing.escalateOverdue)}`,
  ];
  if (d.assets.length) {
    lines.push('Assets:');
    for (const asset of d.assets) {
      lines.push(
        `  ${flat(asset.name)} (criticality ${asset.criticality ?? '-'}, owner ${asset.owner ?? '-'})`,
      );
    }
  }
  lines.push(`Findings (${d.findingIds.length} shown):`, ...d.findingIds.map((f) => `  ${f}`));
  lines.push('History:', ...(d.history.length ? d.history.map(historyLine) : ['  -']));
  return lines.join('\n') + '\n';
}

function timing(ms: number | null, overdue: boolean): string {
  if (ms === null) return overdue ? 'not yet (overdue)' : 'not yet';
  return `after ${Math.round(ms / 1000)} s${overdue ? ' (overdue)' : ''}`;
}

function historyLine(h: AlertHistoryEntry): string {
  const what =
    h.kind === 'status'
      ? `${h.from ?? '?'} -> ${h.to ?? '?'}`
      : h.kind === 'assign'
        ? `assigned to ${h.assignee ?? 'nobody'}`
        : 'comment';
  return `  ${isoOrDash(h.at)}  ${h.actor.name}  ${what}${h.text ? `: ${flat(h.text)}` : ''}`;
}
