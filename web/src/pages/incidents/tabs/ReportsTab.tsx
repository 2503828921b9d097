// Incident reports: a flash report (速報) or final report (最終報告書) in Japanese or English from the analyst's
// text, previewed in a sandboxed frame, downloaded as PDF or HTML (each download recorded as 第N報), and the list
// of reports generated earlier.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../../components/states.js';
import { formatTime } from '../../../lib/time.js';
import { useRequest } from '../../../lib/use-request.js';
import { toApiError, useSession } from '../../../shell/session.js';
import { fileNameOf } from './evidence-format.js';
import {
  nextSequence,
  prefillSections,
  readReportRecords,
  REPORT_KINDS,
  REPORT_LANGUAGES,
  reportFileName,
  reportRequest,
  SECTIONS_BY_KIND,
  type ReportFormat,
  type ReportKind,
  type ReportLanguage,
  type ReportRecord,
  type ReportSections,
} from './report-sections.js';
import { saveBlob } from '../../../lib/download.js';
import { ResultLine } from './tab-parts.js';
import type { IncidentTabProps } from './tab-props.js';
import './tabs.css';

export function ReportsTab({ detail, onChanged }: IncidentTabProps) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const incident = detail.incident;
  const zone = session.zoneOf(incident.tenant);
  const canManage = session.can('incidents:manage');
  const api = session.api.client;
  const path = { path: { id: incident.id } };
  const history = useRequest(
    (signal) =>
      unwrap(api.GET('/api/incidents/{id}/reports', { params: path, signal })).then(readReportRecords),
    [incident.id],
  );
  const [kind, setKind] = useState<ReportKind>(incident.status === 'closed' ? 'final' : 'flash');
  const [language, setLanguage] = useState<ReportLanguage>(incident.language);
  const [recipient, setRecipient] = useState('');
  const [texts, setTexts] = useState<Record<ReportKind, ReportSections> | undefined>();
  const [preview, setPreview] = useState<string | undefined>();
  const [busy, setBusy] = useState<'preview' | ReportFormat | undefined>();
  const [result, setResult] = useState<{ error?: string; notice?: string }>({});
  const reports = history.data ?? [];

  // Start from the latest report of each kind, once the list is known (a failed list starts empty).
  useEffect(() => {
    if (texts || history.status === 'loading') return;
    const list = history.data ?? [];
    setTexts({ flash: prefillSections(list, 'flash'), final: prefillSections(list, 'final') });
    const latest = list.find((r) => r.recipient);
    if (latest?.recipient) setRecipient(latest.recipient);
  }, [history.status, history.data, texts]);

  const current = texts?.[kind] ?? {};
  const request = (format: ReportFormat) => reportRequest(kind, language, format, current, recipient);
  const kindName = (k: ReportKind) => t(`incidentTabs.reports.kinds.${k}`);

  const showPreview = async () => {
    setBusy('preview');
    setResult({});
    try {
      const html = await unwrap(
        api.POST('/api/incidents/{id}/reports/preview', {
          params: path,
          body: request('html'),
          parseAs: 'text',
        }),
      );
      setPreview(String(html));
    } catch (e) {
      setResult({ error: toApiError(e).message });
    } finally {
      setBusy(undefined);
    }
  };

  const generate = async (format: ReportFormat) => {
    setBusy(format);
    setResult({});
    try {
      const body = request(format);
      const answer = await api.POST('/api/incidents/{id}/reports', { params: path, body, parseAs: 'blob' });
      const blob = (await unwrap(Promise.resolve(answer))) as Blob;
      const header = Number(answer.response.headers.get('x-report-sequence'));
      const sequence = Number.isInteger(header) && header > 0 ? header : undefined;
      const file = fileNameOf(
        answer.response.headers.get('content-disposition'),
        reportFileName(incident.ref, body, sequence),
      );
      saveBlob(blob, file);
      setResult({
        notice: t('incidentTabs.reports.generated', {
          kind: kindName(kind),
          sequence: sequence ?? nextSequence(reports, kind),
          file,
        }),
      });
      history.reload();
      onChanged();
    } catch (e) {
      setResult({ error: toApiError(e).message });
    } finally {
      setBusy(undefined);
    }
  };

  const adoptTexts = (r: ReportRecord) => {
    setKind(r.kind);
    setLanguage(r.language);
    if (r.recipient) setRecipient(r.recipient);
    setTexts((all) => ({
      ...(all ?? { flash: {}, final: {} }),
      [r.kind]: Object.fromEntries(SECTIONS_BY_KIND[r.kind].map((k) => [k, r.sections[k] ?? ''])),
    }));
  };

  return (
    <div className="itab">
      <section className="panel" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t('incidentTabs.reports.heading')}</h2>
        {!texts ? (
          <Loading />
        ) : (
          <form
            className="itab-form"
            onSubmit={(e) => {
              e.preventDefault();
              void showPreview();
            }}
          >
            <div className="itab-choices">
              <fieldset>
                <legend>{t('incidentTabs.reports.kind')}</legend>
                {REPORT_KINDS.map((k) => (
                  <label key={k} className="itab-check">
                    <input
                      type="radio"
                      name={`${id}-kind`}
                      value={k}
                      checked={kind === k}
                      onChange={() => {
                        setKind(k);
                        setPreview(undefined);
                      }}
                    />
                    {kindName(k)}
                  </label>
                ))}
                <p className="hint">{t(`incidentTabs.reports.kindHints.${kind}`)}</p>
              </fieldset>
              <fieldset>
                <legend>{t('incidentTabs.reports.language')}</legend>
                {REPORT_LANGUAGES.map((l) => (
                  <label key={l} className="itab-check">
                    <input
                      type="radio"
                      name={`${id}-lang`}
                      value={l}
                      checked={language === l}
                      onChange={() => setLanguage(l)}
                    />
                    {t(`incidentTabs.reports.languages.${l}`)}
                  </label>
                ))}
              </fieldset>
              <label>
                {t('incidentTabs.reports.recipient')}
                <input
                  maxLength={300}
                  value={recipient}
                  aria-describedby={`${id}-rcpt`}
                  onChange={(e) => setRecipient(e.target.value)}
                />
                <span className="hint" id={`${id}-rcpt`}>
                  {t('incidentTabs.reports.recipientHint')}
                </span>
              </label>
            </div>
            <fieldset className="itab-sections">
              <legend>{t('incidentTabs.reports.sectionsHeading')}</legend>
              <p className="hint">{t('incidentTabs.reports.sectionsHint')}</p>
              {SECTIONS_BY_KIND[kind].map((key) => (
                <label key={`${kind}-${key}`}>
                  {t(`incidentTabs.reports.sections.${key}`)}
                  <textarea
                    rows={4}
                    maxLength={20_000}
                    value={current[key] ?? ''}
                    onChange={(e) =>
                      setTexts((all) => ({
                        ...(all ?? { flash: {}, final: {} }),
                        [kind]: { ...(all?.[kind] ?? {}), [key]: e.target.value },
                      }))
                    }
                  />
                </label>
              ))}
            </fieldset>
            <p className="hint">
              {t('incidentTabs.reports.next', {
                kind: kindName(kind),
                sequence: nextSequence(reports, kind),
              })}
            </p>
            <div className="itab-buttons">
              <button type="submit" disabled={busy !== undefined}>
                {busy === 'preview'
                  ? t('incidentTabs.reports.generating')
                  : t('incidentTabs.reports.preview')}
              </button>
              {canManage && (
                <>
                  <button
                    type="button"
                    className="primary"
                    disabled={busy !== undefined}
                    onClick={() => void generate('pdf')}
                  >
                    {busy === 'pdf'
                      ? t('incidentTabs.reports.generating')
                      : t('incidentTabs.reports.downloadPdf')}
                  </button>
                  <button type="button" disabled={busy !== undefined} onClick={() => void generate('html')}>
                    {busy === 'html'
                      ? t('incidentTabs.reports.generating')
                      : t('incidentTabs.reports.downloadHtml')}
                  </button>
                </>
              )}
            </div>
          </form>
        )}
        <ResultLine {...result} />
      </section>
      {preview !== undefined && (
        <section className="panel" aria-labelledby={`${id}-ph`}>
          <div className="itab-head">
            <h2 id={`${id}-ph`}>{t('incidentTabs.reports.previewHeading')}</h2>
            <div className="itab-buttons">
              <button
                type="button"
                onClick={() =>
                  saveBlob(
                    new Blob([preview], { type: 'text/html' }),
                    reportFileName(incident.ref, request('html'), undefined),
                  )
                }
              >
                {t('incidentTabs.reports.openPreview')}
              </button>
              <button type="button" onClick={() => setPreview(undefined)}>
                {t('incidentTabs.reports.closePreview')}
              </button>
            </div>
          </div>
          {/* sandbox="": no scripts, no same-origin access, no forms; the report carries its own restrictive CSP too. */}
          <iframe
            className="itab-preview"
            data-testid="report-preview"
            title={t('incidentTabs.reports.previewTitle')}
            sandbox=""
            srcDoc={preview}
          />
        </section>
      )}
      <section className="panel" aria-labelledby={`${id}-hh`}>
        <h2 id={`${id}-hh`}>{t('incidentTabs.reports.history')}</h2>
        {history.status === 'error' && <ErrorState error={history.error} onRetry={history.reload} />}
        {history.status === 'loading' && !history.data && <Loading />}
        {history.data && reports.length === 0 && (
          <EmptyState title={t('incidentTabs.reports.historyEmpty')} />
        )}
        {reports.length > 0 && (
          <div className="table-scroll">
            <table
              className="data-table itab-table"
              data-testid="report-history"
              aria-label={t('incidentTabs.reports.historyLabel')}
            >
              <thead>
                <tr>
                  <th scope="col">{t('incidentTabs.reports.number')}</th>
                  <th scope="col">{t('incidentTabs.reports.generatedAt')}</th>
                  <th scope="col">{t('incidentTabs.reports.author')}</th>
                  <th scope="col">{t('incidentTabs.reports.historyLanguage')}</th>
                  <th scope="col">{t('incidentTabs.reports.historyRecipient')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('incidentTabs.reports.useTexts')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => {
                  const label = { kind: kindName(r.kind), sequence: r.sequence };
                  return (
                    <tr key={r.id} data-kind={r.kind} data-sequence={r.sequence}>
                      <td>{t('incidentTabs.reports.numberValue', label)}</td>
                      <td className="time-cell">{formatTime(r.generatedAt, zone, { ms: false })}</td>
                      <td>{r.generatedBy.name}</td>
                      <td>{t(`incidentTabs.reports.languages.${r.language}`)}</td>
                      <td>{r.recipient ?? ''}</td>
                      <td>
                        <button
                          type="button"
                          aria-label={t('incidentTabs.reports.useTextsOf', label)}
                          onClick={() => adoptTexts(r)}
                        >
                          {t('incidentTabs.reports.useTexts')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
