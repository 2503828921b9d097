// One incident task: title, role, owner, due time, status, checklist, notes and the playbook's template texts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { copyText } from '../../lib/clipboard.js';
import { formatMinute, formatTime, parseZonedTime } from '../../lib/time.js';
import { toApiError, useSession } from '../../shell/session.js';
import { DueText } from './DueText.js';
import {
  isOpenTask,
  localized,
  personName,
  TASK_STATUSES,
  taskAccess,
  type IncidentTask,
  type TaskStatus,
} from './incident-model.js';
import { rememberName, type People } from './use-people.js';

type TaskChange = {
  status?: TaskStatus;
  notes?: string | null;
  owner?: string | null;
  dueAt?: number | null;
  checklist?: { index: number; done: boolean }[];
};

const OTHER = '__other__';

export function TaskItem({
  task,
  people,
  onChanged,
}: {
  task: IncidentTask;
  people: People;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const me = session.state.status === 'signed-in' ? session.state.me.id : undefined;
  const access = taskAccess(task, me, session.can('incidents:manage'), session.can('incidents:comment'));
  const zone = session.zoneOf(task.tenant);
  const [notes, setNotes] = useState(task.notes ?? '');
  const [ownerChoice, setOwnerChoice] = useState(task.owner ?? '');
  const [otherOwner, setOtherOwner] = useState('');
  const [due, setDue] = useState(task.dueAt === null ? '' : formatMinute(task.dueAt, zone).replace(' ', 'T'));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Shown at once, until the reloaded task (a newer updatedAt) or a failure replaces them.
  const [pending, setPending] = useState<{ status?: TaskStatus; marks: ReadonlyMap<number, boolean> }>({
    marks: new Map(),
  });
  useEffect(() => setPending({ marks: new Map() }), [task.updatedAt]);
  useEffect(() => {
    setOwnerChoice(task.owner ?? '');
    setOtherOwner('');
  }, [task.owner]);
  const status = pending.status ?? task.status;
  const title = localized(task.title, i18n.language);
  const description = localized(task.description, i18n.language);
  const open = isOpenTask(task.status);
  const overdue = open && task.dueAt !== null && task.dueAt < Date.now();
  const ids = `task-${task.id}`;

  const change = async (body: TaskChange) => {
    setBusy(true);
    setError('');
    try {
      const changed = await unwrap(
        session.api.client.PATCH('/api/incidents/{id}/tasks/{taskId}', {
          params: { path: { id: task.incidentId, taskId: task.id } },
          body,
        }),
      );
      if (changed.owner && typeof body.owner === 'string') rememberName(changed.owner, body.owner);
      onChanged();
    } catch (e) {
      setPending({ marks: new Map() });
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const ownerOptions = [
    ...people.options.map((o) => o.id),
    ...(task.owner && !people.options.some((o) => o.id === task.owner) ? [task.owner] : []),
  ];

  return (
    <li
      className={`task-row task-${task.status}${overdue ? ' task-overdue' : ''}`}
      data-testid="task-row"
      data-task-id={task.id}
      data-status={task.status}
      aria-labelledby={`${ids}-title`}
    >
      <div className="task-head">
        <h3 id={`${ids}-title`} className="task-title">
          {title}
        </h3>
        {task.role && <span className="badge role-badge">{t(`incidents.role.${task.role}`)}</span>}
        <span className={`badge task-status task-status-${task.status}`}>
          {t(`incidents.taskStatus.${task.status}`)}
        </span>
        <span className="hint">
          {task.playbook ? t('incidents.tasks.fromPlaybook') : t('incidents.tasks.byHand')}
        </span>
      </div>
      {description && <p className="pre-wrap task-description">{description}</p>}
      <div className="task-fields">
        <label>
          {t('incidents.tasks.status')}
          {access === 'none' ? (
            <span>{t(`incidents.taskStatus.${task.status}`)}</span>
          ) : (
            <select
              value={status}
              disabled={busy}
              data-testid="task-status"
              onChange={(e) => {
                const next = e.target.value as TaskStatus;
                setPending((p) => ({ ...p, status: next }));
                void change({ status: next });
              }}
            >
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`incidents.taskStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </label>
        {access === 'all' ? (
          <form
            className="task-inline"
            onSubmit={(e) => {
              e.preventDefault();
              const owner = ownerChoice === OTHER ? otherOwner.trim() : ownerChoice;
              if (ownerChoice === OTHER && !owner) return;
              void change({ owner: owner || null });
            }}
          >
            <label>
              {t('incidents.tasks.owner')}
              <select
                value={ownerChoice}
                onChange={(e) => setOwnerChoice(e.target.value)}
                data-testid="task-owner"
              >
                <option value="">{t('incidents.tasks.noOwner')}</option>
                {ownerOptions.map((id) => (
                  <option key={id} value={id}>
                    {personName(id, people.names)}
                  </option>
                ))}
                <option value={OTHER}>{t('incidents.tasks.otherOwner')}</option>
              </select>
            </label>
            {ownerChoice === OTHER && (
              <label>
                {t('incidents.tasks.otherOwnerName')}
                <input type="text" value={otherOwner} onChange={(e) => setOtherOwner(e.target.value)} />
              </label>
            )}
            <button
              type="submit"
              disabled={busy || (ownerChoice !== OTHER && ownerChoice === (task.owner ?? ''))}
            >
              {t('incidents.tasks.assign')}
            </button>
          </form>
        ) : (
          <div className="task-fact">
            <span className="label">{t('incidents.tasks.owner')}</span>
            <span>{task.owner ? personName(task.owner, people.names) : t('incidents.tasks.noOwner')}</span>
          </div>
        )}
        {access === 'all' ? (
          <form
            className="task-inline"
            onSubmit={(e) => {
              e.preventDefault();
              const dueAt = due.trim() ? parseZonedTime(due, zone) : null;
              if (dueAt === undefined) return setError(t('incidents.tasks.badTime'));
              void change({ dueAt });
            }}
          >
            <label>
              {t('incidents.tasks.dueField', { zone })}
              <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
            </label>
            <button type="submit" disabled={busy}>
              {t('incidents.tasks.setDue')}
            </button>
            <DueText dueAt={task.dueAt} open={open} />
          </form>
        ) : (
          <div className="task-fact">
            <span className="label">{t('incidents.tasks.due')}</span>
            <span>
              {task.dueAt === null
                ? t('incidents.due.none')
                : formatTime(task.dueAt, zone, { ms: false, offset: true })}{' '}
              <DueText dueAt={task.dueAt} open={open} />
            </span>
          </div>
        )}
      </div>
      {task.checklist.length > 0 && (
        <fieldset className="task-checklist">
          <legend>{t('incidents.tasks.checklist')}</legend>
          <ul className="plain-list">
            {task.checklist.map((step, index) => (
              <li key={index}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={pending.marks.get(index) ?? step.done}
                    disabled={access === 'none'}
                    data-testid="checklist-item"
                    onChange={(e) => {
                      const done = e.target.checked;
                      setPending((p) => ({ ...p, marks: new Map(p.marks).set(index, done) }));
                      void change({ checklist: [{ index, done }] });
                    }}
                  />
                  {localized(step.text, i18n.language)}
                </label>
                {step.done && step.doneAt !== undefined && (
                  <span className="hint">
                    {' '}
                    {formatTime(step.doneAt, zone, { ms: false })}
                    {step.doneBy ? ` · ${personName(step.doneBy, people.names)}` : ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {access === 'none' ? (
        task.notes && (
          <div className="task-fact">
            <span className="label">{t('incidents.tasks.notes')}</span>
            <p className="pre-wrap">{task.notes}</p>
          </div>
        )
      ) : (
        <form
          className="task-notes"
          onSubmit={(e) => {
            e.preventDefault();
            void change({ notes: notes.trim() ? notes : null });
          }}
        >
          <label className="block-label">
            {t('incidents.tasks.notes')}
            <textarea rows={2} maxLength={10000} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || notes === (task.notes ?? '')}>
            {t('incidents.tasks.saveNotes')}
          </button>
        </form>
      )}
      {task.templates.length > 0 && <Templates templates={task.templates} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function Templates({ templates }: { templates: IncidentTask['templates'] }) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<{ id: string; ok: boolean } | undefined>();
  return (
    <details className="task-templates">
      <summary>{t('incidents.tasks.templates', { count: templates.length })}</summary>
      {templates.map((tpl) => {
        const title = localized(tpl.title, i18n.language);
        const body = localized(tpl.body, i18n.language);
        return (
          <div key={tpl.id} className="template">
            <div className="template-head">
              <strong>{title}</strong>
              <button
                type="button"
                onClick={() => void copyText(body).then((ok) => setCopied({ id: tpl.id, ok }))}
              >
                {t('incidents.tasks.copy', { title })}
              </button>
              {copied?.id === tpl.id && (
                <span className={copied.ok ? 'hint' : 'form-error'} role="status">
                  {copied.ok ? t('incidents.tasks.copied') : t('incidents.tasks.copyFailed')}
                </span>
              )}
            </div>
            <pre className="template-body">{body}</pre>
          </div>
        );
      })}
    </details>
  );
}
