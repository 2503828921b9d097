// Words for the incident service's codes (category, severity, phase, status, ...) in Japanese and English.
import type { ReportLanguage, TlpLevel } from './incident-report-data.js';

type Words = Readonly<Record<string, { ja: string; en: string }>>;

const LEVELS: Words = {
  informational: { ja: '情報', en: 'Informational' },
  low: { ja: '低', en: 'Low' },
  medium: { ja: '中', en: 'Medium' },
  high: { ja: '高', en: 'High' },
  critical: { ja: '重大', en: 'Critical' },
  urgent: { ja: '緊急', en: 'Urgent' },
};

export const LABELS = {
  category: {
    malware: { ja: 'マルウェア感染', en: 'Malware' },
    phishing: { ja: 'フィッシング', en: 'Phishing' },
    unauthorized_access: { ja: '不正アクセス', en: 'Unauthorized access' },
    dos: { ja: 'サービス妨害 (DoS)', en: 'Denial of service' },
    data_leak: { ja: '情報漏えい', en: 'Data leak' },
    web_defacement: { ja: 'Web サイト改ざん', en: 'Web defacement' },
    insider: { ja: '内部不正', en: 'Insider misuse' },
    vulnerability: { ja: '脆弱性', en: 'Vulnerability' },
    other: { ja: 'その他', en: 'Other' },
  },
  level: LEVELS,
  phase: {
    preparation: { ja: '準備', en: 'Preparation' },
    detection_analysis: { ja: '検知・分析', en: 'Detection and analysis' },
    containment: { ja: '封じ込め', en: 'Containment' },
    eradication: { ja: '根絶', en: 'Eradication' },
    recovery: { ja: '復旧', en: 'Recovery' },
    post_incident: { ja: '事後対応', en: 'Post-incident activity' },
  },
  incidentStatus: {
    new: { ja: '新規', en: 'New' },
    open: { ja: '対応中', en: 'Open' },
    in_progress: { ja: '対応中', en: 'In progress' },
    on_hold: { ja: '保留', en: 'On hold' },
    resolved: { ja: '解決', en: 'Resolved' },
    closed: { ja: '完了', en: 'Closed' },
  },
  taskStatus: {
    open: { ja: '未着手', en: 'Open' },
    todo: { ja: '未着手', en: 'To do' },
    in_progress: { ja: '実施中', en: 'In progress' },
    blocked: { ja: '保留', en: 'Blocked' },
    done: { ja: '完了', en: 'Done' },
    completed: { ja: '完了', en: 'Done' },
    skipped: { ja: '省略', en: 'Skipped' },
    cancelled: { ja: '中止', en: 'Cancelled' },
  },
  timelineKind: {
    created: { ja: '起票', en: 'Created' },
    status: { ja: '状態変更', en: 'Status' },
    phase: { ja: 'フェーズ変更', en: 'Phase' },
    assignment: { ja: '担当者', en: 'Assignment' },
    alert: { ja: 'アラート', en: 'Alert' },
    task: { ja: 'タスク', en: 'Task' },
    observable: { ja: 'IOC', en: 'Observable' },
    evidence: { ja: '証拠', en: 'Evidence' },
    communication: { ja: '連絡', en: 'Communication' },
    inquiry: { ja: '問い合わせ', en: 'Inquiry' },
    report: { ja: '報告', en: 'Report' },
    comment: { ja: 'コメント', en: 'Comment' },
    manual: { ja: '記録', en: 'Note' },
  },
  observableType: {
    ip: { ja: 'IP アドレス', en: 'IP address' },
    domain: { ja: 'ドメイン', en: 'Domain' },
    url: { ja: 'URL', en: 'URL' },
    md5: { ja: 'MD5', en: 'MD5' },
    sha1: { ja: 'SHA-1', en: 'SHA-1' },
    sha256: { ja: 'SHA-256', en: 'SHA-256' },
    email: { ja: 'メールアドレス', en: 'Email address' },
    user: { ja: 'ユーザー', en: 'User' },
    host: { ja: 'ホスト', en: 'Host' },
    file_path: { ja: 'ファイルパス', en: 'File path' },
    registry_key: { ja: 'レジストリキー', en: 'Registry key' },
  },
  direction: {
    inbound: { ja: '受信', en: 'Received' },
    outbound: { ja: '送信', en: 'Sent' },
  },
} as const satisfies Record<string, Words>;

/** The word for a code, or the code itself when it is not a known one (so nothing the service adds goes missing). */
export function label(group: keyof typeof LABELS, code: string, language: ReportLanguage): string {
  const words: Words = LABELS[group];
  return Object.hasOwn(words, code) ? words[code]![language] : code;
}

/** Task statuses that count as done, and those that will not be done; the rest are still to do. */
export const DONE_TASK_STATUSES: ReadonlySet<string> = new Set(['done', 'completed']);
export const DROPPED_TASK_STATUSES: ReadonlySet<string> = new Set(['skipped', 'cancelled']);

const TLP_MEANING: Record<TlpLevel, { ja: string; en: string }> = {
  clear: { ja: '公開可能。共有に制限はありません。', en: 'Disclosure is not limited.' },
  green: {
    ja: 'コミュニティ内で共有可能。公開はできません。',
    en: 'Limited disclosure: recipients may share it within their community, not publicly.',
  },
  amber: {
    ja: '受領者の組織内および顧客の中で、知る必要のある者に限り共有可能。',
    en: 'Limited disclosure: recipients may share it on a need-to-know basis within their organization and its clients.',
  },
  'amber+strict': {
    ja: '受領者の組織内で、知る必要のある者に限り共有可能。',
    en: 'Limited disclosure: recipients may share it on a need-to-know basis within their organization only.',
  },
  red: {
    ja: '受領者個人限り。他者との共有はできません。',
    en: 'For the eyes and ears of individual recipients only; no further disclosure.',
  },
};

export function tlpMeaning(level: TlpLevel, language: ReportLanguage): string {
  return TLP_MEANING[level][language];
}
