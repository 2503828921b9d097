// Escalating an alert to the customer: the analyst's assessment and recommended actions, sent by the tenant's policy.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type Schemas } from '../../api/client.js';
import { useRequest } from '../../lib/use-request.js';
import { toApiError, useSession } from '../../shell/session.js';
import { actionLines } from './alert-format.js';

export function EscalatePanel({ alert, onEscalated }: { alert: Schemas['Alert']; onEscalated: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const policies = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/escalation-policies', {
          params: { query: { tenant: alert.tenant } },
          signal,
        }),
      ),
    [alert.tenant],
  );
  const [assessment, setAssessment] = useState('');
  const [actions, setActions] = useState('');
  const [policyId, setPolicyId] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const list = (policies.data?.policies ?? []) as { id?: unknown; name?: unknown }[];

  const send = async () => {
    setBusy(true);
    setError('');
    try {
      const result = await unwrap(
        session.api.client.POST('/api/alerts/{id}/escalate', {
          params: { path: { id: alert.id } },
          body: {
            assessment: assessment.trim(),
            recommendedActions: actionLines(actions),
            ...(policyId ? { policyId } : {}),
          },
        }),
      );
      const status = String(result.escalation.status ?? '');
      setDone(
        t('alerts.detail.sent', {
          status: t(`alerts.detail.sendStatus.${status}`, { defaultValue: status }),
        }),
      );
      onEscalated();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel escalate-panel" aria-labelledby="alert-escalate">
      <h2 id="alert-escalate">{t('alerts.detail.escalate')}</h2>
      <p className="hint">{t('alerts.detail.escalateHint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label className="block-label">
          {t('alerts.detail.assessment')}
          <textarea
            id="escalate-assessment"
            rows={4}
            required
            maxLength={10_000}
            value={assessment}
            placeholder={t('alerts.detail.assessmentPlaceholder')}
            onChange={(e) => setAssessment(e.target.value)}
          />
        </label>
        <label className="block-label">
          {t('alerts.detail.recommended')}
          <textarea
            id="escalate-actions"
            rows={3}
            value={actions}
            onChange={(e) => setActions(e.target.value)}
          />
        </label>
        <label className="block-label">
          {t('alerts.detail.policy')}
          <select value={policyId} onChange={(e) => setPolicyId(e.target.value)}>
            <option value="">{t('alerts.detail.firstMatching')}</option>
            {list.map((p) => (
              <option key={String(p.id)} value={String(p.id)}>
                {String(p.name ?? p.id)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy || !assessment.trim()}>
          {t('alerts.detail.send')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="notice" role="status" data-testid="escalation-result">
          {done}
        </p>
      )}
    </section>
  );
}
