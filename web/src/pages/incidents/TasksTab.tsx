// The Tasks tab: the incident's tasks grouped by response phase in phase order, and a form to add one by hand.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { parseZonedTime } from '../../lib/time.js';
import { toApiError, useSession } from '../../shell/session.js';
import { groupTasks, isOpenTask, PHASES, TASK_ROLES, type Phase, type TaskRole } from './incident-model.js';
import { TaskItem } from './TaskItem.js';
import type { IncidentTabProps } from './tabs/tab-props.js';
import { usePeople } from './use-people.js';
import { ChoiceField } from '../../components/ChoiceField.js';

export function TasksTab({ detail, onChanged }: IncidentTabProps) {
  const { t } = useTranslation();
  const session = useSession();
  const i = detail.incident;
  const people = usePeople([i.tenant], [i.createdBy]);
  const [adding, setAdding] = useState(false);
  const groups = groupTasks(detail.tasks);
  const canManage = session.can('incidents:manage');
  return (
    <div className="tasks-tab">
      {canManage && (
        <div className="button-row">
          {!adding && (
            <button type="button" onClick={() => setAdding(true)} data-testid="add-task">
              {t('incidents.tasks.add')}
            </button>
          )}
        </div>
      )}
      {adding && (
        <AddTaskForm
          incidentId={i.id}
          tenant={i.tenant}
          phase={i.phase}
          people={people}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {groups.length === 0 && <p className="hint">{t('incidents.tasks.empty')}</p>}
      {groups.map((g) => {
        const open = g.tasks.filter((x) => isOpenTask(x.status)).length;
        return (
          <section
            key={g.phase}
            className="panel task-group"
            aria-labelledby={`tasks-${g.phase}`}
            data-phase={g.phase}
          >
            <h2 id={`tasks-${g.phase}`}>
              {t(`incidents.phase.${g.phase}`)}{' '}
              <span className="hint">{t('incidents.tasks.open', { count: open })}</span>
            </h2>
            <ul className="task-list">
              {g.tasks.map((task) => (
                <TaskItem key={task.id} task={task} people={people} onChanged={onChanged} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function AddTaskForm({
  incidentId,
  tenant,
  phase: initialPhase,
  people,
  onDone,
  onCancel,
}: {
  incidentId: string;
  tenant: string;
  phase: Phase;
  people: ReturnType<typeof usePeople>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(tenant);
  const [title, setTitle] = useState('');
  const [phase, setPhase] = useState<Phase>(initialPhase);
  const [role, setRole] = useState<TaskRole | ''>('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [description, setDescription] = useState('');
  const [checklist, setChecklist] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!title.trim()) return setError(t('incidents.tasks.titleRequired'));
    const dueAt = due.trim() ? parseZonedTime(due, zone) : undefined;
    if (due.trim() && dueAt === undefined) return setError(t('incidents.tasks.badTime'));
    const steps = checklist
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    setBusy(true);
    setError('');
    try {
      await unwrap(
        session.api.client.POST('/api/incidents/{id}/tasks', {
          params: { path: { id: incidentId } },
          body: {
            title: title.trim(),
            phase,
            ...(role ? { role } : {}),
            ...(owner.trim() ? { owner: owner.trim() } : {}),
            ...(dueAt !== undefined ? { dueAt } : {}),
            ...(description.trim() ? { description: description.trim() } : {}),
            ...(steps.length > 0 ? { checklist: steps } : {}),
          },
        }),
      );
      onDone();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };

  return (
    <form
      className="panel incident-form"
      aria-labelledby="add-task-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="add-task-title">{t('incidents.tasks.addTitle')}</h2>
      <div className="form-grid">
        <label className="wide">
          {t('incidents.tasks.titleField')}
          <input
            type="text"
            value={title}
            required
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <ChoiceField
          label={t('incidents.tasks.phase')}
          value={phase}
          choices={PHASES}
          word={(p) => t(`incidents.phase.${p}`)}
          onChange={setPhase}
        />
        <ChoiceField
          label={t('incidents.tasks.role')}
          value={role}
          choices={TASK_ROLES}
          word={(r) => t(`incidents.role.${r}`)}
          onChange={setRole}
          none="—"
        />
        <label>
          {t('incidents.tasks.owner')}
          <input
            type="text"
            list="add-task-owners"
            value={owner}
            aria-describedby="add-task-owner-hint"
            onChange={(e) => setOwner(e.target.value)}
          />
          <datalist id="add-task-owners">
            {people.options.map((o) => (
              <option key={o.id} value={o.username}>
                {people.names.get(o.id)}
              </option>
            ))}
          </datalist>
          <span id="add-task-owner-hint" className="hint">
            {t('incidents.tasks.otherOwnerName')}
          </span>
        </label>
        <label>
          {t('incidents.tasks.dueField', { zone })}
          <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
        <label className="wide">
          {t('incidents.tasks.description')}
          <textarea
            rows={2}
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <label className="wide">
          {t('incidents.tasks.checklistField')}
          <textarea
            rows={3}
            value={checklist}
            aria-describedby="add-task-checklist-hint"
            onChange={(e) => setChecklist(e.target.value)}
          />
          <span id="add-task-checklist-hint" className="hint">
            {t('incidents.tasks.checklistHint')}
          </span>
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('incidents.tasks.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('incidents.tasks.cancel')}
        </button>
      </div>
    </form>
  );
}
