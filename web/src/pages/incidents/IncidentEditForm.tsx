// Editing an incident's fields (PATCH) and its assignees (PUT), for users who manage incidents.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { formatMinute, parseZonedTime } from '../../lib/time.js';
import { toApiError, useSession } from '../../shell/session.js';
import {
  CATEGORIES,
  LEVELS,
  personName,
  PRIORITIES,
  splitList,
  TLPS,
  type Category,
  type Incident,
  type Level,
  type Priority,
  type Tlp,
} from './incident-model.js';
import { usePeople } from './use-people.js';
import { ChoiceField } from '../../components/ChoiceField.js';

type Patch = {
  title?: string;
  category?: Category;
  severity?: Level;
  priority?: Priority;
  tlp?: Tlp;
  description?: string;
  dueAt?: number | null;
  affectedUsers?: string[];
  affectedAssets?: string[];
};

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function IncidentEditForm({
  incident: i,
  assetNames,
  onDone,
  onCancel,
}: {
  incident: Incident;
  assetNames: ReadonlyMap<string, string>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(i.tenant);
  const { options, names } = usePeople([i.tenant]);
  const [title, setTitle] = useState(i.title);
  const [category, setCategory] = useState<Category>(i.category);
  const [severity, setSeverity] = useState<Level>(i.severity);
  const [priority, setPriority] = useState<Priority>(i.priority);
  const [tlp, setTlp] = useState<Tlp>(i.tlp);
  const [description, setDescription] = useState(i.description);
  const [due, setDue] = useState(i.dueAt === null ? '' : formatMinute(i.dueAt, zone).replace(' ', 'T'));
  const [users, setUsers] = useState(i.affectedUsers.join('\n'));
  const [assets, setAssets] = useState(i.affectedAssets.map((a) => assetNames.get(a) ?? a).join('\n'));
  const [assignees, setAssignees] = useState<ReadonlySet<string>>(new Set(i.assignees));
  const [others, setOthers] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  /** Asset lines are names (or ids); each must name one asset of the incident's tenant. */
  const resolveAssets = async (): Promise<string[]> => {
    const byName = new Map([...assetNames].map(([id, name]) => [name, id]));
    const ids: string[] = [];
    for (const line of splitList(assets)) {
      if (i.affectedAssets.includes(line)) ids.push(line);
      else if (byName.has(line)) ids.push(byName.get(line)!);
      else {
        const found = await unwrap(
          session.api.client.GET('/api/assets', {
            params: { query: { search: line, tenant: [i.tenant], limit: 50 } },
          }),
        );
        const hit = found.assets.find((a) => a.name.toLowerCase() === line.toLowerCase() || a.id === line);
        if (!hit) throw new Error(t('incidents.overview.assetNotFound', { name: line }));
        ids.push(hit.id);
      }
    }
    return [...new Set(ids)];
  };

  const submit = async () => {
    const patch: Patch = {};
    if (title.trim() !== i.title) patch.title = title.trim();
    if (category !== i.category) patch.category = category;
    if (severity !== i.severity) patch.severity = severity;
    if (priority !== i.priority) patch.priority = priority;
    if (tlp !== i.tlp) patch.tlp = tlp;
    if (description !== i.description) patch.description = description;
    const dueAt = due.trim() ? parseZonedTime(due, zone) : null;
    if (dueAt === undefined) return setError(t('incidents.tasks.badTime'));
    if (dueAt !== i.dueAt) patch.dueAt = dueAt;
    const userList = splitList(users);
    if (!sameList(userList, i.affectedUsers)) patch.affectedUsers = userList;
    setBusy(true);
    setError('');
    try {
      const assetIds = await resolveAssets();
      if (!sameList(assetIds, i.affectedAssets)) patch.affectedAssets = assetIds;
      if (Object.keys(patch).length > 0) {
        await unwrap(
          session.api.client.PATCH('/api/incidents/{id}', { params: { path: { id: i.id } }, body: patch }),
        );
      }
      const people = [...new Set([...assignees, ...splitList(others)])];
      if (!sameList([...people].sort(), [...i.assignees].sort())) {
        await unwrap(
          session.api.client.PUT('/api/incidents/{id}/assignees', {
            params: { path: { id: i.id } },
            body: { assignees: people },
          }),
        );
      }
      onDone();
    } catch (e) {
      setError(e instanceof Error && !('status' in e) ? e.message : toApiError(e).message);
      setBusy(false);
    }
  };

  const pickable = [
    ...options.map((o) => o.id),
    ...i.assignees.filter((a) => !options.some((o) => o.id === a)),
  ];
  return (
    <form
      className="panel incident-form"
      aria-labelledby="edit-incident-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="edit-incident-title">{t('incidents.overview.editTitle')}</h2>
      <div className="form-grid">
        <label className="wide">
          {t('incidents.overview.titleField')}
          <input
            type="text"
            value={title}
            required
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <ChoiceField
          label={t('incidents.overview.category')}
          value={category}
          choices={CATEGORIES}
          word={(c) => t(`incidents.category.${c}`)}
          onChange={setCategory}
        />
        <ChoiceField
          label={t('incidents.overview.severity')}
          value={severity}
          choices={LEVELS}
          word={(l) => t(`alerts.level.${l}`)}
          onChange={setSeverity}
        />
        <ChoiceField
          label={t('incidents.overview.priority')}
          value={priority}
          choices={PRIORITIES}
          word={(p) => t(`incidents.priority.${p}`)}
          onChange={setPriority}
        />
        <ChoiceField
          label={t('incidents.overview.tlp')}
          value={tlp}
          choices={TLPS}
          word={(x) => t(`incidents.tlp.${x}`)}
          onChange={setTlp}
        />
        <label>
          {t('incidents.overview.dueField', { zone })}
          <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
        <label className="wide">
          {t('incidents.overview.description')}
          <textarea
            rows={5}
            maxLength={20000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <label>
          {t('incidents.overview.users')}
          <textarea
            rows={3}
            value={users}
            aria-describedby="edit-users-hint"
            onChange={(e) => setUsers(e.target.value)}
          />
          <span id="edit-users-hint" className="hint">
            {t('incidents.create.listHint')}
          </span>
        </label>
        <label>
          {t('incidents.overview.assetsField')}
          <textarea
            rows={3}
            value={assets}
            aria-describedby="edit-assets-hint"
            onChange={(e) => setAssets(e.target.value)}
          />
          <span id="edit-assets-hint" className="hint">
            {t('incidents.overview.assetsHint')}
          </span>
        </label>
        <fieldset className="wide assignee-picker">
          <legend>{t('incidents.overview.assign')}</legend>
          {pickable.map((id) => (
            <label key={id} className="check">
              <input
                type="checkbox"
                checked={assignees.has(id)}
                onChange={(e) =>
                  setAssignees((s) => {
                    const n = new Set(s);
                    if (e.target.checked) n.add(id);
                    else n.delete(id);
                    return n;
                  })
                }
              />
              {personName(id, names)}
            </label>
          ))}
          <label className="block-label">
            {t('incidents.tasks.otherOwnerName')}
            <input
              type="text"
              value={others}
              aria-describedby="edit-assignees-hint"
              onChange={(e) => setOthers(e.target.value)}
            />
            <span id="edit-assignees-hint" className="hint">
              {t('incidents.overview.assigneesHint')}
            </span>
          </label>
        </fieldset>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="primary"
          disabled={busy || !title.trim()}
          data-testid="save-incident"
        >
          {t('incidents.overview.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('incidents.overview.cancel')}
        </button>
      </div>
    </form>
  );
}
