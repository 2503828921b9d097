// The escalation message in Japanese and English: subject, plain text and facts for people, JSON for machines.
import { zonedParts } from '../core/zoned-time.js';
import type { Notification } from './channel.js';

export type Language = 'ja' | 'en';
export const LANGUAGES: readonly Language[] = ['ja', 'en'];

export interface EscalationFacts {
  escalationId: string;
  alertId: string;
  rule: { id: string; title: string; level: string };
  severity: { score: number; level: string };
  tenant: { id: string; name: string; timeZone: string };
  /** Host, user and addresses; absent ones are left out. */
  entity: {
    host?: string | null;
    user?: string | null;
    sourceIp?: string | null;
    destinationIp?: string | null;
  };
  firstSeen: number;
  lastSeen: number;
  findings: number;
  events: number;
  assessment: string;
  recommendedActions: readonly string[];
  analyst: string;
  /** The time within which the customer is asked to respond, in minutes. */
  responseTargetMinutes: number | null;
  /** Link to the alert in the console, when the server's public address is known. */
  link?: string;
}

interface Words {
  subject: (f: EscalationFacts, level: string) => string;
  rule: string;
  severity: string;
  tenant: string;
  entity: string;
  firstSeen: string;
  lastSeen: string;
  counts: string;
  countsValue: (findings: number, events: number) => string;
  assessment: string;
  actions: string;
  noActions: string;
  analyst: string;
  responseTarget: string;
  minutes: (n: number) => string;
  alert: string;
  levels: Record<string, string>;
  intro: string;
}

const WORDS: Record<Language, Words> = {
  ja: {
    subject: (f, level) => `【エスカレーション】重大度: ${level} - ${f.rule.title} (${f.tenant.name})`,
    rule: '検知ルール',
    severity: '重大度',
    tenant: 'テナント',
    entity: '対象',
    firstSeen: '初回検知',
    lastSeen: '最終検知',
    counts: '件数',
    countsValue: (findings, events) => `検知 ${findings} 件 / イベント ${events} 件`,
    assessment: '分析者の評価',
    actions: '推奨対応',
    noActions: '(なし)',
    analyst: '担当アナリスト',
    responseTarget: 'ご対応のお願い',
    minutes: (n) => `${n} 分以内にご確認ください`,
    alert: 'アラート ID',
    levels: { informational: '情報', low: '低', medium: '中', high: '高', critical: '重大' },
    intro: 'SOC の分析により、以下のアラートを真陽性と判断しましたのでご連絡いたします。',
  },
  en: {
    subject: (f, level) => `[Escalation] ${level} severity - ${f.rule.title} (${f.tenant.name})`,
    rule: 'Rule',
    severity: 'Severity',
    tenant: 'Tenant',
    entity: 'Entity',
    firstSeen: 'First seen',
    lastSeen: 'Last seen',
    counts: 'Counts',
    countsValue: (findings, events) => `${findings} findings / ${events} events`,
    assessment: "Analyst's assessment",
    actions: 'Recommended actions',
    noActions: '(none)',
    analyst: 'Analyst',
    responseTarget: 'Response requested',
    minutes: (n) => `please respond within ${n} minutes`,
    alert: 'Alert ID',
    levels: {
      informational: 'Informational',
      low: 'Low',
      medium: 'Medium',
      high: 'High',
      critical: 'Critical',
    },
    intro: 'Our SOC analysts have confirmed the following alert as a true positive.',
  },
};

/** `2025-04-01 09:00:00 (Asia/Tokyo)`: the time as the tenant reads it, with the zone named. */
export function formatInZone(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone, { second: '2-digit' });
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} (${timeZone})`;
}

function entityText(entity: EscalationFacts['entity']): string {
  const parts = [
    entity.host ? `host=${entity.host}` : '',
    entity.user ? `user=${entity.user}` : '',
    entity.sourceIp ? `source=${entity.sourceIp}` : '',
    entity.destinationIp ? `destination=${entity.destinationIp}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : '-';
}

export function escalationMessage(facts: EscalationFacts, language: Language): Notification {
  const w = WORDS[language];
  const level = w.levels[facts.severity.level] ?? facts.severity.level;
  const zone = facts.tenant.timeZone;
  const table: [string, string][] = [
    [w.rule, facts.rule.title],
    [w.severity, `${level} (${facts.severity.score}/100)`],
    [w.tenant, `${facts.tenant.name} (${facts.tenant.id})`],
    [w.entity, entityText(facts.entity)],
    [w.firstSeen, formatInZone(facts.firstSeen, zone)],
    [w.lastSeen, formatInZone(facts.lastSeen, zone)],
    [w.counts, w.countsValue(facts.findings, facts.events)],
    [w.analyst, facts.analyst],
    [w.alert, facts.alertId],
  ];
  if (facts.responseTargetMinutes !== null) {
    table.push([w.responseTarget, w.minutes(facts.responseTargetMinutes)]);
  }
  const actions = facts.recommendedActions.length
    ? facts.recommendedActions.map((a, i) => `${i + 1}. ${a}`).join('\n')
    : w.noActions;
  const text = [
    w.intro,
    '',
    ...table.map(([label, value]) => `${label}: ${value}`),
    '',
    `■ ${w.assessment}`,
    facts.assessment,
    '',
    `■ ${w.actions}`,
    actions,
    ...(facts.link ? ['', facts.link] : []),
  ].join('\n');
  return {
    subject: w.subject(facts, level),
    text,
    facts: table,
    data: {
      type: 'yagura.escalation',
      version: 1,
      language,
      escalationId: facts.escalationId,
      alert: {
        id: facts.alertId,
        rule: facts.rule,
        severity: facts.severity,
        entity: facts.entity,
        firstSeen: new Date(facts.firstSeen).toISOString(),
        lastSeen: new Date(facts.lastSeen).toISOString(),
        findings: facts.findings,
        events: facts.events,
        ...(facts.link ? { link: facts.link } : {}),
      },
      tenant: facts.tenant,
      assessment: facts.assessment,
      recommendedActions: facts.recommendedActions,
      analyst: facts.analyst,
      responseTargetMinutes: facts.responseTargetMinutes,
      subject: w.subject(facts, level),
    },
  };
}
