// Small labels of an incident: its TLP in the official TLP 2.0 colours on black, its status and its phase.
import { useTranslation } from 'react-i18next';
import type { Incident, Tlp } from './incident-model.js';

export function TlpBadge({ tlp }: { tlp: Tlp }) {
  const { t } = useTranslation();
  return (
    <span className={`badge tlp-badge tlp-${tlp.replace('+', '-')}`} data-tlp={tlp}>
      {t(`incidents.tlp.${tlp}`)}
    </span>
  );
}

/** `linked`: another incident's status, shown without the page's test id. */
export function IncidentStatusBadge({
  status,
  linked = false,
}: {
  status: Incident['status'];
  linked?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge incident-status incident-status-${status}`}
      data-testid={linked ? undefined : 'incident-status'}
      data-status={status}
    >
      {t(`incidents.status.${status}`)}
    </span>
  );
}

export function PhaseBadge({ phase }: { phase: Incident['phase'] }) {
  const { t } = useTranslation();
  return (
    <span className="badge phase-badge" data-testid="incident-phase" data-phase={phase}>
      {t(`incidents.phase.${phase}`)}
    </span>
  );
}
