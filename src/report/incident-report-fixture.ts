// A phishing incident snapshot for the report tests: Japanese text, every list filled, times in Asia/Tokyo.
import type { IncidentReportData } from './incident-report-data.js';

const at = (iso: string): number => Date.parse(iso);

export function sampleIncidentReportData(overrides: Partial<IncidentReportData> = {}): IncidentReportData {
  return {
    incident: {
      number: 'INC-2025-0042',
      title: '経理部宛て不審メールによる認証情報の窃取',
      category: 'phishing',
      severity: 'high',
      priority: 'high',
      tlp: 'amber',
      phase: 'containment',
      status: 'in_progress',
      createdAt: at('2025-04-01T01:10:00Z'),
      occurredAt: at('2025-04-01T00:30:00Z'),
      detectedAt: at('2025-04-01T01:00:00Z'),
      description:
        '経理部の社員 2 名が偽のログインページに認証情報を入力しました。\n不正ログインの有無を調査中です。',
      assignees: ['山田 太郎', '佐藤 花子'],
      affectedAssets: [{ name: 'Microsoft 365 テナント', criticality: 'critical' }, { name: 'PC-ACC-017' }],
      affectedUsers: ['suzuki@example.co.jp', 'tanaka@example.co.jp'],
    },
    tenant: { name: '株式会社サンプル', timeZone: 'Asia/Tokyo' },
    timeline: [
      {
        recordedAt: at('2025-04-01T01:10:00Z'),
        kind: 'created',
        summary: 'インシデントを起票',
        actor: '山田 太郎',
      },
      {
        eventTime: at('2025-04-01T00:30:00Z'),
        recordedAt: at('2025-04-01T02:00:00Z'),
        kind: 'manual',
        summary: '不審メールを受信（件名「請求書送付のお知らせ」）',
        actor: '山田 太郎',
      },
    ],
    tasks: [
      {
        phase: 'detection_analysis',
        title: '報告されたメールの原本入手',
        status: 'done',
        owner: '佐藤 花子',
      },
      {
        phase: 'containment',
        title: '該当アカウントのパスワード再設定',
        status: 'in_progress',
        owner: '山田 太郎',
        due: at('2025-04-01T06:00:00Z'),
      },
      { phase: 'containment', title: '送信元ドメインのブロック', status: 'skipped' },
    ],
    observables: [
      { type: 'url', value: 'https://login.evil.example/m365', sightings: 3 },
      { type: 'sha256', value: 'a'.repeat(64) },
    ],
    communications: [
      {
        at: at('2025-04-01T03:00:00Z'),
        direction: 'outbound',
        counterpart: '情報システム部',
        subject: '第1報',
        summary: '速報を送付',
      },
    ],
    evidence: [
      { name: 'original.eml', sha256: 'b'.repeat(64), size: 48_213, receivedAt: at('2025-04-01T01:30:00Z') },
    ],
    sections: {
      summary: '経理部宛てのフィッシングメールにより、社員 2 名の認証情報が窃取されたおそれがあります。',
      impact: '対象 2 アカウントのメールボックスが閲覧された可能性があります。',
      actionsTaken: '対象アカウントのセッションを無効化しました。',
      nextSteps: 'サインインログを調査し、不正ログインの有無を確認します。',
      cause: '多要素認証が未設定のアカウントが残っていました。',
      response: 'パスワード再設定と多要素認証の有効化を実施しました。',
      recommendations: '全社員の多要素認証を必須とします。',
    },
    author: {
      name: '山田 太郎',
      organization: 'サンプル CSIRT',
      email: 'csirt@example.co.jp',
      phone: '03-0000-0000',
    },
    recipient: '株式会社サンプル 情報システム部 御中',
    sequence: 1,
    generatedAt: at('2025-04-01T04:00:00Z'),
    ...overrides,
  };
}
