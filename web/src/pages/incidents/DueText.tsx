// A due time in words ("overdue by 2 h", "due in 3 d"), marked when overdue; nothing when not due.
import { useTranslation } from 'react-i18next';
import { dueState, roughDuration } from './incident-model.js';

export function DueText({ dueAt, open }: { dueAt: number | null; open: boolean }) {
  const { t } = useTranslation();
  const state = dueState(dueAt, Date.now(), open);
  if (state.kind === 'none') return null;
  const { value, unit } = roughDuration(state.ms);
  const duration = t(`incidents.units.${unit}`, { value });
  return (
    <span className={`due due-${state.kind}`} data-due={state.kind}>
      {t(`incidents.due.${state.kind}`, { duration })}
    </span>
  );
}
