// The new-incident form: tenant, title, category, severity, priority, TLP, description, source and affected users.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { navigate } from '../../shell/router.js';
import { ALL_TENANTS, toApiError, useSession } from '../../shell/session.js';
import {
  CATEGORIES,
  defaultPriority,
  LEVELS,
  PRIORITIES,
  splitList,
  TLPS,
  type Category,
  type Level,
  type Priority,
  type Tlp,
} from './incident-model.js';
import { createdMemory } from './use-playbooks.js';
import { ChoiceField } from '../../components/ChoiceField.js';

export function NewIncidentForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [tenant, setTenant] = useState(session.tenant !== ALL_TENANTS ? session.tenant : '');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<Category>('malware');
  const [severity, setSeverity] = useState<Level>('medium');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [tlp, setTlp] = useState<Tlp>('amber');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState<'manual' | 'customer_report'>('manual');
  const [users, setUsers] = useState('');
  const [withPlaybook, setWithPlaybook] = useState(true);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const chooseTenant = session.tenants.length > 1;
  const tenantId = chooseTenant ? tenant : (session.tenants[0]?.id ?? tenant);

  const submit = async () => {
    if (!tenantId) return setError(t('incidents.create.tenantRequired'));
    if (!title.trim()) return setError(t('incidents.create.titleRequired'));
    setBusy(true);
    setError('');
    try {
      const created = await unwrap(
        session.api.client.POST('/api/incidents', {
          body: {
            tenant: tenantId,
            title: title.trim(),
            category,
            severity,
            ...(priority ? { priority } : {}),
            tlp,
            source,
            withPlaybook,
            ...(description.trim() ? { description: description.trim() } : {}),
            ...(splitList(users).length > 0 ? { affectedUsers: splitList(users) } : {}),
          },
        }),
      );
      createdMemory.set(created.incident.id, { tasks: created.tasks.length });
      navigate(`/incidents/${encodeURIComponent(created.incident.id)}`);
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };

  return (
    <form
      className="panel incident-form"
      aria-labelledby="new-incident-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="new-incident-title">{t('incidents.create.title')}</h2>
      <div className="form-grid">
        {chooseTenant && (
          <label>
            {t('incidents.create.tenant')}
            <select value={tenant} required onChange={(e) => setTenant(e.target.value)}>
              <option value="">{t('incidents.create.chooseTenant')}</option>
              {session.tenants.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="wide">
          {t('incidents.create.titleField')}
          <input
            type="text"
            value={title}
            required
            maxLength={300}
            aria-invalid={error && !title.trim() ? true : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <ChoiceField
          label={t('incidents.create.category')}
          value={category}
          choices={CATEGORIES}
          word={(c) => t(`incidents.category.${c}`)}
          onChange={setCategory}
        />
        <ChoiceField
          label={t('incidents.create.severity')}
          value={severity}
          choices={LEVELS}
          word={(l) => t(`alerts.level.${l}`)}
          onChange={setSeverity}
        />
        <ChoiceField
          label={t('incidents.create.priority')}
          value={priority}
          choices={PRIORITIES}
          word={(p) => t(`incidents.priority.${p}`)}
          onChange={setPriority}
          none={t('incidents.create.priorityDefault', { priority: defaultPriority(severity) })}
        />
        <ChoiceField
          label={t('incidents.create.tlp')}
          value={tlp}
          choices={TLPS}
          word={(x) => t(`incidents.tlp.${x}`)}
          onChange={setTlp}
        />
        <label>
          {t('incidents.create.source')}
          <select value={source} onChange={(e) => setSource(e.target.value as 'manual' | 'customer_report')}>
            <option value="manual">{t('incidents.source.manual')}</option>
            <option value="customer_report">{t('incidents.source.customer_report')}</option>
          </select>
        </label>
        <label className="wide">
          {t('incidents.create.description')}
          <textarea
            rows={4}
            maxLength={20000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <label className="wide">
          {t('incidents.create.affectedUsers')}
          <textarea
            rows={2}
            value={users}
            aria-describedby="new-incident-users-hint"
            onChange={(e) => setUsers(e.target.value)}
          />
          <span id="new-incident-users-hint" className="hint">
            {t('incidents.create.listHint')}
          </span>
        </label>
        <label className="check wide">
          <input type="checkbox" checked={withPlaybook} onChange={(e) => setWithPlaybook(e.target.checked)} />
          {t('incidents.create.withPlaybook')}
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('incidents.create.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('incidents.create.cancel')}
        </button>
      </div>
    </form>
  );
}
