// The chain-of-custody ledger of one evidence item: every entry, the chain's verification, and a form to record
// handling done outside Yagura (collected, transferred, analysed, accessed).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../../api/client.js';
import { ErrorState, Loading } from '../../../components/states.js';
import { formatTime } from '../../../lib/time.js';
import { useRequest } from '../../../lib/use-request.js';
import { toApiError, useSession } from '../../../shell/session.js';
import {
  ledgerFindings,
  MANUAL_CUSTODY_ACTIONS,
  type Evidence,
  type ManualCustodyAction,
} from './evidence-format.js';
import { FindingList } from './FindingList.js';
import { ResultLine } from './tab-parts.js';

export function CustodyLedger({
  evidence,
  canManage,
  onChanged,
}: {
  evidence: Evidence;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(evidence.tenant);
  const ledger = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/evidence/{id}/custody', {
          params: { path: { id: evidence.id } },
          signal,
        }),
      ),
    [evidence.id],
  );
  if (ledger.status === 'error') return <ErrorState error={ledger.error} onRetry={ledger.reload} />;
  if (!ledger.data) return <Loading />;
  const { entries, verification } = ledger.data;
  const hash = (h: string | undefined) =>
    h ? (
      <code className="itab-mono itab-hash" title={h}>
        {h.slice(0, 12)}…
      </code>
    ) : (
      t('incidentTabs.none')
    );
  return (
    <div className="itab-ledger">
      <div
        className={verification.ok ? 'itab-ok' : 'itab-bad'}
        role={verification.ok ? 'status' : 'alert'}
        data-testid="custody-verification"
        data-ok={String(verification.ok)}
      >
        {verification.ok ? (
          t('incidentTabs.evidence.ledger.chainOk', { count: entries.length })
        ) : (
          <>
            <strong>{t('incidentTabs.evidence.ledger.chainBroken')}</strong>
            <FindingList findings={ledgerFindings(verification)} />
          </>
        )}
      </div>
      <div className="table-scroll">
        <table
          className="data-table itab-table"
          aria-label={t('incidentTabs.evidence.ledger.tableLabel', { name: evidence.name })}
        >
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('incidentTabs.evidence.ledger.seq')}
              </th>
              <th scope="col">{t('incidentTabs.evidence.ledger.at')}</th>
              <th scope="col">{t('incidentTabs.evidence.ledger.actor')}</th>
              <th scope="col">{t('incidentTabs.evidence.ledger.action')}</th>
              <th scope="col">{t('incidentTabs.evidence.ledger.from')}</th>
              <th scope="col">{t('incidentTabs.evidence.ledger.reason')}</th>
              <th scope="col">{t('incidentTabs.evidence.ledger.hashBefore')}</th>
              <th scope="col">{t('incidentTabs.evidence.ledger.hashAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr
                key={entry.seq}
                data-testid="custody-entry"
                data-action={entry.action}
                className={
                  verification.problems.some((p) => p.seq === entry.seq) ? 'itab-bad-row' : undefined
                }
              >
                <td className="num">{entry.seq}</td>
                <td className="time-cell">{formatTime(entry.at, zone, { ms: false })}</td>
                <td>{entry.actor.name}</td>
                <td>{t(`incidentTabs.evidence.actionsNames.${entry.action}`)}</td>
                <td>{entry.from}</td>
                <td>
                  {entry.reason}
                  {entry.note && <div className="hint">{entry.note}</div>}
                </td>
                <td>{hash(entry.hashBefore)}</td>
                <td>{hash(entry.hashAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage && (
        <AddCustodyEntry
          evidence={evidence}
          onAdded={() => {
            ledger.reload();
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function AddCustodyEntry({ evidence, onAdded }: { evidence: Evidence; onAdded: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const [action, setAction] = useState<ManualCustodyAction>('accessed');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [from, setFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      await unwrap(
        session.api.client.POST('/api/evidence/{id}/custody', {
          params: { path: { id: evidence.id } },
          body: {
            action,
            reason: reason.trim(),
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(from.trim() ? { from: from.trim() } : {}),
          },
        }),
      );
      setReason('');
      setNote('');
      setFrom('');
      onAdded();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="itab-form itab-inline"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4 id={`${id}-h`}>{t('incidentTabs.evidence.addEntry.heading')}</h4>
      <label>
        {t('incidentTabs.evidence.addEntry.action')}
        <select value={action} onChange={(e) => setAction(e.target.value as ManualCustodyAction)}>
          {MANUAL_CUSTODY_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`incidentTabs.evidence.actionsNames.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('incidentTabs.evidence.addEntry.reason')}
        <input required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        {t('incidentTabs.evidence.addEntry.from')}
        <input maxLength={500} value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {t('incidentTabs.evidence.addEntry.note')}
        <input maxLength={10_000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div>
        <button type="submit" className="primary" disabled={busy || !reason.trim()}>
          {t('incidentTabs.evidence.addEntry.submit')}
        </button>
      </div>
      <ResultLine error={error} />
    </form>
  );
}
