// The problems of an evidence check or a custody chain, one per line, in the user's language.
import { useTranslation } from 'react-i18next';
import type { CheckFinding } from './evidence-format.js';

export function FindingList({ findings }: { findings: CheckFinding[] }) {
  const { t } = useTranslation();
  return (
    <ul className="itab-findings">
      {findings.map((f, i) => (
        <li key={i}>{t(`incidentTabs.evidence.problem.${f.key}`, f.values)}</li>
      ))}
    </ul>
  );
}
