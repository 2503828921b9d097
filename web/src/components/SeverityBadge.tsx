// A severity level as a coloured badge with its word (never colour alone), optionally with the 0-100 score.
import { useTranslation } from 'react-i18next';

export type Level = 'informational' | 'low' | 'medium' | 'high' | 'critical';

export function SeverityBadge({ level, score }: { level: Level; score?: number }) {
  const { t } = useTranslation();
  return (
    <span className={`badge severity-${level}`} data-level={level}>
      {t(`alerts.level.${level}`)}
      {score !== undefined && <span className="badge-score">{score}</span>}
    </span>
  );
}
