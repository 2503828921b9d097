// The evidence locker of an incident: upload with progress, the list with hashes and legal hold, and per item
// download (with a reason), verification, the chain of custody, legal hold and disposal.
import { Fragment, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../../components/states.js';
import { formatTime } from '../../../lib/time.js';
import { useRequest } from '../../../lib/use-request.js';
import { toApiError, useSession } from '../../../shell/session.js';
import { CustodyLedger } from './CustodyLedger.js';
import {
  checkFindings,
  downloadMode,
  downloadUrl,
  exactBytes,
  fileNameOf,
  formatBytes,
  isDisposed,
  uploadProblems,
  uploadQuery,
  type Evidence,
  type EvidenceCheck,
} from './evidence-format.js';
import { FindingList } from './FindingList.js';
import { saveBlob } from '../../../lib/download.js';
import { uploadWithProgress } from './tab-api.js';
import { CopyButton, ReasonPrompt, ResultLine } from './tab-parts.js';
import type { IncidentTabProps } from './tab-props.js';
import './tabs.css';

export function EvidenceTab({ detail, onChanged }: IncidentTabProps) {
  const { t } = useTranslation();
  const session = useSession();
  const incidentId = detail.incident.id;
  const canManage = session.can('incidents:manage');
  const list = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/incidents/{id}/evidence', {
          params: { path: { id: incidentId } },
          signal,
        }),
      ),
    [incidentId],
  );
  const changed = () => {
    list.reload();
    onChanged();
  };
  const items = list.data?.evidence ?? [];
  return (
    <div className="itab">
      {canManage && <UploadEvidence incidentId={incidentId} onUploaded={changed} />}
      <section className="panel" aria-labelledby="itab-ev-heading">
        <h2 id="itab-ev-heading">{t('incidentTabs.evidence.heading')}</h2>
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
        {list.status === 'loading' && !list.data && <Loading />}
        {list.data && items.length === 0 && <EmptyState title={t('incidentTabs.evidence.empty')} />}
        {items.length > 0 && (
          <div className="table-scroll">
            <table className="data-table itab-table" aria-label={t('incidentTabs.evidence.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('incidentTabs.evidence.name')}</th>
                  <th scope="col" className="num">
                    {t('incidentTabs.evidence.size')}
                  </th>
                  <th scope="col">{t('incidentTabs.evidence.sha256')}</th>
                  <th scope="col">{t('incidentTabs.evidence.received')}</th>
                  <th scope="col">{t('incidentTabs.evidence.status')}</th>
                  <th scope="col">{t('incidentTabs.evidence.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <EvidenceRow key={e.id} evidence={e} canManage={canManage} onChanged={changed} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

type Open = 'download' | 'verify' | 'custody' | 'hold' | 'release' | 'dispose' | undefined;

function EvidenceRow({
  evidence: e,
  canManage,
  onChanged,
}: {
  evidence: Evidence;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(e.tenant);
  const [open, setOpen] = useState<Open>();
  const [check, setCheck] = useState<EvidenceCheck | undefined>();
  const [result, setResult] = useState<{ error?: string; notice?: string }>({});
  const [busy, setBusy] = useState(false);
  const disposed = isDisposed(e);
  const time = (ms: number) => formatTime(ms, zone, { ms: false });
  const toggle = (what: Open) => {
    setResult({});
    setOpen((o) => (o === what ? undefined : what));
  };
  const path = { params: { path: { id: e.id } } };

  const verify = async () => {
    setBusy(true);
    setResult({});
    setOpen('verify');
    setCheck(undefined);
    try {
      setCheck(await unwrap(session.api.client.POST('/api/evidence/{id}/verify', { ...path, body: {} })));
    } catch (err) {
      setResult({ error: toApiError(err).message });
    } finally {
      setBusy(false);
    }
  };

  const download = async (reason: string) => {
    if (downloadMode(e.size) === 'link') {
      // Large files: the browser streams them to disk; a refusal shows as a failed download.
      window.location.assign(downloadUrl(e.id, reason));
      setOpen(undefined);
      return;
    }
    const answer = await session.api.client.GET('/api/evidence/{id}/download', {
      params: { path: { id: e.id }, query: { reason } },
      parseAs: 'blob',
    });
    const blob = await unwrap(Promise.resolve(answer));
    saveBlob(blob as Blob, fileNameOf(answer.response.headers.get('content-disposition'), e.name));
    setOpen(undefined);
    onChanged();
  };

  const handle = async (kind: 'hold' | 'release' | 'dispose', reason: string) => {
    if (kind === 'dispose') {
      await unwrap(
        session.api.client.DELETE('/api/evidence/{id}', {
          params: { path: { id: e.id }, query: { reason } },
        }),
      );
      setResult({ notice: t('incidentTabs.evidence.disposeDone', { name: e.name }) });
    } else if (kind === 'hold') {
      await unwrap(session.api.client.POST('/api/evidence/{id}/hold', { ...path, body: { reason } }));
    } else {
      await unwrap(session.api.client.POST('/api/evidence/{id}/release', { ...path, body: { reason } }));
    }
    setOpen(undefined);
    onChanged();
  };

  return (
    <Fragment>
      <tr
        data-testid="evidence-row"
        data-evidence-id={e.id}
        className={disposed ? 'itab-disposed' : undefined}
      >
        <td>
          <strong>{e.name}</strong>
          {e.description && <div className="hint">{e.description}</div>}
          {e.source && <div className="hint">{e.source}</div>}
        </td>
        <td className="num" title={exactBytes(e.size)}>
          {formatBytes(e.size)}
        </td>
        <td>
          <span className="itab-value">
            <code className="itab-mono itab-hash">{e.sha256}</code>
            <CopyButton text={e.sha256} label={t('incidentTabs.evidence.copySha', { name: e.name })} />
          </span>
        </td>
        <td className="time-cell">
          {t('incidentTabs.evidence.receivedBy', { at: time(e.receivedAt), name: e.receivedBy.name })}
        </td>
        <td>
          {e.legalHold && (
            <span
              className="badge itab-hold"
              title={t('incidentTabs.evidence.heldTitle', {
                at: time(e.legalHold.at),
                name: e.legalHold.by.name,
                reason: e.legalHold.reason,
              })}
            >
              {t('incidentTabs.evidence.held')}
            </span>
          )}{' '}
          {e.disposed ? (
            <span
              className="badge status-badge"
              title={t('incidentTabs.evidence.disposedTitle', {
                at: time(e.disposed.at),
                name: e.disposed.by.name,
                reason: e.disposed.reason,
              })}
            >
              {t('incidentTabs.evidence.disposed')}
            </span>
          ) : (
            !e.legalHold && <span className="badge status-badge">{t('incidentTabs.evidence.active')}</span>
          )}
        </td>
        <td>
          <div className="itab-buttons">
            {canManage && !disposed && (
              <button
                type="button"
                aria-label={t('incidentTabs.evidence.downloadOf', { name: e.name })}
                aria-expanded={open === 'download'}
                onClick={() => toggle('download')}
              >
                {t('incidentTabs.evidence.download')}
              </button>
            )}
            {canManage && !disposed && (
              <button
                type="button"
                disabled={busy}
                aria-label={t('incidentTabs.evidence.verifyOf', { name: e.name })}
                onClick={() => void verify()}
              >
                {busy ? t('incidentTabs.working') : t('incidentTabs.evidence.verify')}
              </button>
            )}
            <button
              type="button"
              aria-label={t('incidentTabs.evidence.custodyOf', { name: e.name })}
              aria-expanded={open === 'custody'}
              onClick={() => toggle('custody')}
            >
              {t('incidentTabs.evidence.custody')}
            </button>
            {canManage && !disposed && !e.legalHold && (
              <button
                type="button"
                aria-label={t('incidentTabs.evidence.holdOf', { name: e.name })}
                aria-expanded={open === 'hold'}
                onClick={() => toggle('hold')}
              >
                {t('incidentTabs.evidence.hold')}
              </button>
            )}
            {canManage && !disposed && e.legalHold && (
              <button
                type="button"
                aria-label={t('incidentTabs.evidence.releaseOf', { name: e.name })}
                aria-expanded={open === 'release'}
                onClick={() => toggle('release')}
              >
                {t('incidentTabs.evidence.release')}
              </button>
            )}
            {canManage && !disposed && (
              <button
                type="button"
                className="itab-danger-outline"
                aria-label={t('incidentTabs.evidence.disposeOf', { name: e.name })}
                aria-expanded={open === 'dispose'}
                onClick={() => toggle('dispose')}
              >
                {t('incidentTabs.evidence.dispose')}
              </button>
            )}
          </div>
        </td>
      </tr>
      {(open !== undefined || result.error || result.notice) && (
        <tr className="itab-detail-row">
          <td colSpan={6}>
            <ResultLine {...result} />
            {open === 'download' && (
              <ReasonPrompt
                label={t('incidentTabs.evidence.downloadReason', { name: e.name })}
                submitLabel={t('incidentTabs.evidence.downloadStart')}
                onSubmit={download}
                onCancel={() => setOpen(undefined)}
              >
                {downloadMode(e.size) === 'link' && (
                  <p className="hint">{t('incidentTabs.evidence.downloadLarge')}</p>
                )}
              </ReasonPrompt>
            )}
            {open === 'verify' && check && <VerifyResult check={check} />}
            {open === 'custody' && (
              <CustodyLedger evidence={e} canManage={canManage && !disposed} onChanged={onChanged} />
            )}
            {open === 'hold' && (
              <ReasonPrompt
                label={t('incidentTabs.evidence.holdReason', { name: e.name })}
                submitLabel={t('incidentTabs.evidence.holdSubmit')}
                onSubmit={(reason) => handle('hold', reason)}
                onCancel={() => setOpen(undefined)}
              />
            )}
            {open === 'release' && (
              <ReasonPrompt
                label={t('incidentTabs.evidence.releaseReason', { name: e.name })}
                submitLabel={t('incidentTabs.evidence.releaseSubmit')}
                onSubmit={(reason) => handle('release', reason)}
                onCancel={() => setOpen(undefined)}
              />
            )}
            {open === 'dispose' && (
              <ReasonPrompt
                label={t('incidentTabs.evidence.disposeReason', { name: e.name })}
                submitLabel={t('incidentTabs.evidence.disposeSubmit')}
                danger
                onSubmit={(reason) => handle('dispose', reason)}
                onCancel={() => setOpen(undefined)}
              >
                {e.legalHold && <p className="itab-warning">{t('incidentTabs.evidence.disposeHeld')}</p>}
              </ReasonPrompt>
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** The verification in words: intact with the hash, or each problem in red (an altered file with both hashes). */
function VerifyResult({ check }: { check: EvidenceCheck }) {
  const { t } = useTranslation();
  return (
    <div
      className={check.ok ? 'itab-ok' : 'itab-bad'}
      role={check.ok ? 'status' : 'alert'}
      data-testid="evidence-verify-result"
      data-ok={String(check.ok)}
    >
      {check.ok ? (
        <p>{t('incidentTabs.evidence.verifyOk', { sha256: check.sha256 })}</p>
      ) : (
        <>
          <strong>{t('incidentTabs.evidence.verifyFailed')}</strong>
          <FindingList findings={checkFindings(check)} />
        </>
      )}
    </div>
  );
}

function UploadEvidence({ incidentId, onUploaded }: { incidentId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [fields, setFields] = useState({ name: '', reason: '', description: '', source: '' });
  const [progress, setProgress] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<{ error?: string; notice?: string }>({});
  const problems = uploadProblems(file, fields);
  const set = (key: keyof typeof fields) => (ev: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: ev.target.value }));

  const submit = async () => {
    setTried(true);
    if (problems.length > 0 || !file) return;
    setBusy(true);
    setProgress(0);
    setResult({});
    try {
      const created = await unwrap(
        session.api.client.POST('/api/incidents/{id}/evidence', {
          params: { path: { id: incidentId }, query: uploadQuery(fields) },
          // The File is the body as it is: no JSON, no multipart.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': file.type || 'application/octet-stream' },
          fetch: uploadWithProgress(file, (loaded, total) => setProgress(Math.floor((loaded / total) * 100))),
        }),
      );
      setResult({
        notice: t('incidentTabs.evidence.upload.done', { name: created.name, sha256: created.sha256 }),
      });
      setFile(undefined);
      setFields({ name: '', reason: '', description: '', source: '' });
      setTried(false);
      if (fileInput.current) fileInput.current.value = '';
      onUploaded();
    } catch (e) {
      setResult({ error: toApiError(e).message });
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const invalid = (p: 'noName' | 'noReason' | 'noFile') => tried && problems.includes(p);
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('incidentTabs.evidence.upload.heading')}</h2>
      <form
        className="itab-form itab-grid"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('incidentTabs.evidence.upload.file')}
          <input
            ref={fileInput}
            type="file"
            aria-invalid={invalid('noFile')}
            onChange={(ev) => {
              const chosen = ev.target.files?.[0];
              setFile(chosen);
              if (chosen) setFields((f) => ({ ...f, name: chosen.name }));
            }}
          />
        </label>
        <label>
          {t('incidentTabs.evidence.upload.name')}
          <input
            required
            maxLength={255}
            value={fields.name}
            aria-invalid={invalid('noName')}
            aria-describedby={`${id}-name`}
            onChange={set('name')}
          />
          <span className="hint" id={`${id}-name`}>
            {t('incidentTabs.evidence.upload.nameHint')}
          </span>
        </label>
        <label>
          {t('incidentTabs.evidence.upload.source')}
          <input maxLength={2000} value={fields.source} onChange={set('source')} />
        </label>
        <label>
          {t('incidentTabs.evidence.upload.reason')}
          <input
            required
            maxLength={2000}
            value={fields.reason}
            aria-invalid={invalid('noReason')}
            onChange={set('reason')}
          />
        </label>
        <label className="itab-wide">
          {t('incidentTabs.evidence.upload.description')}
          <textarea rows={2} maxLength={10_000} value={fields.description} onChange={set('description')} />
        </label>
        <div className="itab-wide itab-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('incidentTabs.evidence.upload.submit')}
          </button>
          {busy && (
            <span role="status" className="itab-progress">
              {progress !== undefined && progress > 0 ? (
                <>
                  <progress max={100} value={progress} aria-hidden="true" />
                  {t('incidentTabs.evidence.upload.progress', { percent: progress })}
                </>
              ) : (
                t('incidentTabs.evidence.upload.sending')
              )}
            </span>
          )}
        </div>
      </form>
      <p className="hint">{t('incidentTabs.evidence.upload.limitHint')}</p>
      {tried && problems.length > 0 && (
        <ul className="form-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{t(`incidentTabs.evidence.upload.problems.${p}`)}</li>
          ))}
        </ul>
      )}
      <ResultLine {...result} />
    </section>
  );
}
