// CSV import of assets: a file or pasted text, a dry run showing what would change and which lines are skipped, then the import.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError, type Tenant } from '../../api/client.js';
import { toApiError, useSession } from '../../shell/session.js';
import {
  ASSET_CSV_COLUMNS,
  ASSET_CSV_EXAMPLE,
  canImport,
  importKey,
  readImportReport,
  type ImportReportView,
} from './asset-import.js';

export function AssetImport({
  tenant: initialTenant,
  tenantChoices,
  onImported,
  onClose,
}: {
  tenant: string;
  tenantChoices: Tenant[] | undefined;
  onImported: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [tenant, setTenant] = useState(initialTenant);
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState<'dry' | 'real'>();
  const [error, setError] = useState<ApiError>();
  const [empty, setEmpty] = useState(false);
  const [result, setResult] = useState<{ key: string; report: ImportReportView }>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setContent(await file.text());
  };

  const run = async (dryRun: boolean) => {
    if (content.trim() === '') {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    setBusy(dryRun ? 'dry' : 'real');
    setError(undefined);
    try {
      const report = await unwrap(
        session.api.client.POST('/api/assets/import', { body: { tenant, content, dryRun } }),
      );
      setResult({ key: importKey(tenant, content), report: readImportReport(report) });
      if (!dryRun) onImported();
    } catch (err) {
      setResult(undefined);
      setError(toApiError(err));
    } finally {
      setBusy(undefined);
    }
  };

  const ready = canImport(result, tenant, content);
  const locale = i18n.language;
  return (
    <section className="panel asset-import" aria-labelledby="asset-import-title">
      <h2 id="asset-import-title" ref={heading} tabIndex={-1}>
        {t('assets.import.title')}
      </h2>
      <p className="hint" id="asset-import-columns">
        {t('assets.import.columns', { columns: ASSET_CSV_COLUMNS.join(', ') })}
      </p>
      <details className="csv-example">
        <summary>{t('assets.import.example')}</summary>
        <pre>{ASSET_CSV_EXAMPLE}</pre>
      </details>
      <div className="form-grid">
        {tenantChoices && (
          <div className="form-field">
            <label htmlFor="asset-import-tenant">{t('assets.import.tenant')}</label>
            <select id="asset-import-tenant" value={tenant} onChange={(e) => setTenant(e.target.value)}>
              {tenantChoices.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="form-field">
          <label htmlFor="asset-import-file">{t('assets.import.file')}</label>
          <input
            id="asset-import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void readFile(e)}
          />
        </div>
      </div>
      <div className="form-field">
        <label htmlFor="asset-import-text">{t('assets.import.text')}</label>
        <textarea
          id="asset-import-text"
          className="csv-text"
          rows={8}
          spellCheck={false}
          value={content}
          aria-invalid={empty ? true : undefined}
          aria-describedby="asset-import-text-hint asset-import-columns"
          onChange={(e) => setContent(e.target.value)}
        />
        <p id="asset-import-text-hint" className="hint">
          {t('assets.import.textHint')}
        </p>
      </div>
      {empty && (
        <p className="form-error" role="alert">
          {t('assets.import.empty')}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="asset-import-error">
          {t('assets.import.failed', { message: error.message })}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => void run(true)} disabled={busy !== undefined}>
          {busy === 'dry' ? t('assets.import.checking') : t('assets.import.dryRun')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void run(false)}
          disabled={!ready || busy !== undefined}
          aria-describedby={ready ? undefined : 'asset-import-must-check'}
        >
          {busy === 'real' ? t('assets.import.importing') : t('assets.import.run')}
        </button>
        <button type="button" onClick={onClose}>
          {t('assets.import.close')}
        </button>
      </div>
      {!ready && (
        <p id="asset-import-must-check" className="hint">
          {t('assets.import.mustCheckFirst')}
        </p>
      )}
      {result && <ImportReport report={result.report} locale={locale} />}
    </section>
  );
}

function ImportReport({ report, locale }: { report: ImportReportView; locale: string }) {
  const { t } = useTranslation();
  return (
    <div
      className="import-report"
      data-testid="asset-import-report"
      data-dry-run={report.dryRun}
      role="status"
    >
      <h3>{report.dryRun ? t('assets.import.reportTitleDry') : t('assets.import.reportTitleDone')}</h3>
      <dl className="facts">
        <dt>{t('assets.import.created')}</dt>
        <dd data-testid="import-created">{report.created.toLocaleString(locale)}</dd>
        <dt>{t('assets.import.updated')}</dt>
        <dd data-testid="import-updated">{report.updated.toLocaleString(locale)}</dd>
        <dt>{t('assets.import.skipped')}</dt>
        <dd data-testid="import-skipped">{report.skipped.toLocaleString(locale)}</dd>
      </dl>
      {report.nothingToDo && <p className="notice">{t('assets.import.nothingToDo')}</p>}
      {report.problems.length === 0 ? (
        <p className="hint">{t('assets.import.noProblems')}</p>
      ) : (
        <table className="data-table import-problems">
          <caption>{t('assets.import.problemsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assets.import.line')}</th>
              <th scope="col">{t('assets.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={`${p.line}-${i}`}>
                <td className="num">{p.line}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
