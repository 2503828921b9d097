// "Open incident" for alerts: one incident from the chosen alerts (POST /api/incidents/from-alerts), then its page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { navigate } from '../../shell/router.js';
import { toApiError, useSession } from '../../shell/session.js';
import { createdMemory } from './use-playbooks.js';

export function OpenIncidentButton({ alertIds }: { alertIds: readonly string[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!session.can('incidents:manage') || alertIds.length === 0) return null;
  const open = async () => {
    setBusy(true);
    setError('');
    try {
      const created = await unwrap(
        session.api.client.POST('/api/incidents/from-alerts', { body: { alertIds: [...alertIds] } }),
      );
      createdMemory.set(created.incident.id, { tasks: created.tasks.length });
      navigate(`/incidents/${encodeURIComponent(created.incident.id)}`);
    } catch (e) {
      setError(t('alerts.incident.failed', { message: toApiError(e).message }));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void open()} data-testid="open-incident">
        {t('alerts.incident.open')}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
