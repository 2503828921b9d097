// Every placeholder an incident report template may use, with what it holds; templates are checked against it.
import type { FieldSpec, TemplateSchema } from './template.js';

const text = (doc: string): FieldSpec => ({ kind: 'text', doc });
const count = (doc: string): FieldSpec => ({ kind: 'count', doc });
const flag = (doc: string): FieldSpec => ({ kind: 'flag', doc });

const TASK_ITEM: TemplateSchema = {
  title: text('What the task is.'),
  phase: text('Its response phase code (`containment`).'),
  phaseLabel: text('Its response phase in words (封じ込め / Containment).'),
  status: text('Its status code (`done`).'),
  statusLabel: text('Its status in words (完了 / Done).'),
  owner: text('Who carries it out; empty when unassigned.'),
  due: text('When it is due, in the tenant time zone; empty when it has no due time.'),
  done: flag('True when the task is done.'),
};

export const INCIDENT_REPORT_FIELDS: TemplateSchema = {
  lang: text('The report language: `ja` or `en` (for `<html lang>`).'),
  report: {
    kind: 'object',
    doc: 'The report itself.',
    fields: {
      kind: text('`flash` or `final`.'),
      sequence: text('Which flash report this is (`2`); empty when not numbered.'),
      sequenceLabel: text('第2報 / Update no. 2; empty when not numbered.'),
      generatedAt: text('When the report was made, in the tenant time zone.'),
      timeZone: text(
        'The time zone every time in the report is shown in, with its offset: `Asia/Tokyo (UTC+09:00)`.',
      ),
      recipient: text('Who the report is addressed to (宛先); empty when not given.'),
    },
  },
  tlp: {
    kind: 'object',
    doc: 'The Traffic Light Protocol marking of the incident.',
    fields: {
      label: text('`TLP:CLEAR`, `TLP:GREEN`, `TLP:AMBER`, `TLP:AMBER+STRICT` or `TLP:RED`.'),
      className: text(
        'A CSS class for it: `tlp-clear`, `tlp-green`, `tlp-amber`, `tlp-amber-strict`, `tlp-red` (colours and page headers in the CSS).',
      ),
      meaning: text('What the label allows, in one sentence of the report language.'),
    },
  },
  tenant: {
    kind: 'object',
    doc: 'The organization the incident belongs to.',
    fields: { name: text('Its name.'), timeZone: text('Its IANA time zone (`Asia/Tokyo`).') },
  },
  author: {
    kind: 'object',
    doc: 'Who writes the report (連絡先).',
    fields: {
      name: text('Their name.'),
      organization: text('Their organization or team.'),
      email: text('Their email address; empty when not given.'),
      phone: text('Their phone number; empty when not given.'),
    },
  },
  incident: {
    kind: 'object',
    doc: 'The incident.',
    fields: {
      number: text('Its number (`INC-2025-0042`).'),
      title: text('Its title (件名).'),
      category: text('Its category code (`phishing`).'),
      categoryLabel: text('Its category in words (フィッシング / Phishing).'),
      severity: text('Its severity code (`high`).'),
      severityLabel: text('Its severity in words (高 / High).'),
      priority: text('Its priority code.'),
      priorityLabel: text('Its priority in words where it is a level (`high` → 高 / High), else the code.'),
      phase: text('Its response phase code.'),
      phaseLabel: text('Its response phase in words.'),
      status: text('Its status code.'),
      statusLabel: text('Its status in words.'),
      createdAt: text('When the incident was opened.'),
      occurredAt: text(
        'When it began (発生日時); empty when not known (pair with `{{^incident.occurredAt}}`).',
      ),
      detectedAt: text(
        'When it was first detected or reported (検知日時); the creation time when not recorded.',
      ),
      closedAt: text('When it was closed; empty while open.'),
      description: text('Its description (keep line breaks with the `prose` CSS class).'),
      assigneesText: text('The assignees joined by 、 (ja) or , (en).'),
      affectedUsersText: text('The affected users joined by 、 (ja) or , (en).'),
      assignees: { kind: 'list', doc: 'The assignees; each is `{{.}}`.', item: 'text' },
      affectedUsers: { kind: 'list', doc: 'The affected users; each is `{{.}}`.', item: 'text' },
      affectedAssets: {
        kind: 'list',
        doc: 'The affected assets.',
        item: {
          name: text('The asset name.'),
          criticality: text('Its criticality code; empty when not known.'),
          criticalityLabel: text('Its criticality in words; empty when not known.'),
        },
      },
    },
  },
  sections: {
    kind: 'object',
    doc: 'Text the analyst wrote for the report; each is empty when not written (pair with `{{^sections.x}}`).',
    fields: {
      summary: text('Summary (概要).'),
      impact: text('Impact (影響範囲 / 影響).'),
      actionsTaken: text('Actions taken so far (対応状況).'),
      nextSteps: text('Next steps (今後の対応).'),
      cause: text('Cause (原因).'),
      response: text('The response as a whole (対応内容).'),
      recommendations: text('Recommendations to prevent a recurrence (再発防止策).'),
    },
  },
  timeline: {
    kind: 'list',
    doc: 'The timeline (経緯), oldest first, ordered by when things happened.',
    item: {
      time: text('When it happened (the event time, else when it was recorded).'),
      recordedAt: text('When it was recorded.'),
      kind: text('The entry kind code (`task`, `communication`, `manual`, ...).'),
      kindLabel: text('The entry kind in words.'),
      summary: text('What happened.'),
      actor: text('Who did or recorded it.'),
    },
  },
  tasks: { kind: 'list', doc: 'Every task, in the order given.', item: TASK_ITEM },
  tasksDone: { kind: 'list', doc: 'The tasks that are done.', item: TASK_ITEM },
  tasksOpen: {
    kind: 'list',
    doc: 'The tasks still to do (neither done, skipped nor cancelled).',
    item: TASK_ITEM,
  },
  observables: {
    kind: 'list',
    doc: 'The observables (IOCs).',
    item: {
      type: text('The type code (`ip`, `domain`, `url`, `sha256`, ...).'),
      typeLabel: text('The type in words.'),
      value: text('The value as recorded (live: a URL stays a URL).'),
      defanged: text(
        'The value defanged (`hxxps://evil[.]example/`) for IPs, domains, URLs and email addresses.',
      ),
      sightings: text('How often it was seen in events; empty when not counted.'),
    },
  },
  communications: {
    kind: 'list',
    doc: 'Communications with people outside the team, oldest first.',
    item: {
      at: text('When.'),
      direction: text('`inbound` or `outbound`.'),
      directionLabel: text('受信 / 送信, Received / Sent.'),
      counterpart: text('With whom.'),
      subject: text('The subject.'),
      summary: text('What was said.'),
    },
  },
  evidence: {
    kind: 'list',
    doc: 'Evidence files, oldest first.',
    item: {
      name: text('The file name.'),
      sha256: text('Its SHA-256.'),
      size: text('Its size (`1.5 MiB`).'),
      sizeBytes: text('Its size in bytes.'),
      receivedAt: text('When it was received.'),
    },
  },
  counts: {
    kind: 'object',
    doc: 'How many of each list there are; 0 counts as empty, so `{{#counts.timeline}}<table>…{{/counts.timeline}}` shows a table only when there are rows.',
    fields: {
      timeline: count('Timeline entries.'),
      tasks: count('Tasks.'),
      tasksDone: count('Tasks done.'),
      tasksOpen: count('Tasks still to do.'),
      observables: count('Observables.'),
      communications: count('Communications.'),
      evidence: count('Evidence files.'),
      assignees: count('Assignees.'),
      affectedAssets: count('Affected assets.'),
      affectedUsers: count('Affected users.'),
    },
  },
};

/** Every placeholder path (`incident.title`, `timeline.summary`), for the docs and their drift test. */
export function placeholderPaths(schema: TemplateSchema = INCIDENT_REPORT_FIELDS, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const path = prefix + name;
    paths.push(path);
    if (spec.kind === 'object') paths.push(...placeholderPaths(spec.fields, `${path}.`));
    if (spec.kind === 'list' && spec.item !== 'text') paths.push(...placeholderPaths(spec.item, `${path}.`));
  }
  return paths;
}
