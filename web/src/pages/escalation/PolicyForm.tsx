// The create and edit form of an escalation policy: conditions, contacts, channels (added and removed), language.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError, type Tenant } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { toApiError, useSession } from '../../shell/session.js';
import {
  checkPolicyForm,
  emptyPolicyForm,
  MAX_CHANNELS,
  newChannel,
  newContact,
  policyBody,
  policyChanges,
  policyToForm,
  serverProblems,
  type ChannelForm,
  type ContactForm,
  type PolicyFormState,
  type PolicyProblem,
} from './policy-form.js';
import { ChannelFields, ContactFields } from './PolicyFormParts.js';
import {
  POLICY_LANGUAGES,
  readPolicy,
  SEVERITY_LEVELS,
  type Policy,
  type PolicyLanguage,
} from './policy-model.js';

// The generated types mark a webhook's secret as required; the API keeps the stored secret when it is left out.
type CreateBody = paths['/api/escalation-policies']['post']['requestBody']['content']['application/json'];
type UpdateBody =
  paths['/api/escalation-policies/{id}']['patch']['requestBody']['content']['application/json'];

export function PolicyForm({
  policy,
  tenant,
  tenantChoices,
  language,
  onSaved,
  onCancel,
}: {
  policy: Policy | undefined;
  tenant: string;
  tenantChoices: Tenant[] | undefined;
  language: PolicyLanguage;
  onSaved: (policy: Policy) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [form, setForm] = useState<PolicyFormState>(() =>
    policy ? policyToForm(policy) : emptyPolicyForm(tenant, language),
  );
  const [problems, setProblems] = useState<PolicyProblem[]>([]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const patch = (change: Partial<PolicyFormState>) => setForm((f) => ({ ...f, ...change }));
  const setContact = (key: number, change: Partial<ContactForm>) =>
    setForm((f) => ({ ...f, contacts: f.contacts.map((c) => (c.key === key ? { ...c, ...change } : c)) }));
  const setChannel = (key: number, change: Partial<ChannelForm>) =>
    setForm((f) => ({ ...f, channels: f.channels.map((c) => (c.key === key ? { ...c, ...change } : c)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkPolicyForm(form);
    setProblems(found);
    setError(undefined);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = policy
        ? await unwrap(
            session.api.client.PATCH('/api/escalation-policies/{id}', {
              params: { path: { id: policy.id } },
              body: policyChanges(policy, form) as UpdateBody,
            }),
          )
        : await unwrap(
            session.api.client.POST('/api/escalation-policies', {
              body: { tenant: form.tenant, policy: policyBody(form) as CreateBody['policy'] },
            }),
          );
      onSaved(readPolicy(saved));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const has = (name: PolicyProblem['problem'], n?: number) =>
    problems.some((p) => p.problem === name && (n === undefined || ('n' in p && p.n === n)))
      ? true
      : undefined;
  const title = policy
    ? t('escalation.form.editTitle', { name: policy.name })
    : t('escalation.form.addTitle');

  return (
    <section className="panel policy-form" aria-labelledby="policy-form-title">
      <h2 id="policy-form-title">{title}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('escalation.form.general')}</legend>
          <div className="form-grid">
            {!policy && tenantChoices && (
              <div className="form-field">
                <label htmlFor="policy-tenant">{t('escalation.form.tenant')}</label>
                <select
                  id="policy-tenant"
                  value={form.tenant}
                  onChange={(e) => patch({ tenant: e.target.value })}
                >
                  {tenantChoices.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="form-field">
              <label htmlFor="policy-name">{t('escalation.form.name')}</label>
              <input
                id="policy-name"
                ref={first}
                value={form.name}
                maxLength={200}
                required
                autoComplete="off"
                aria-invalid={has('nameRequired')}
                onChange={(e) => patch({ name: e.target.value })}
              />
            </div>
            <div className="form-field">
              <label htmlFor="policy-min-severity">{t('escalation.form.minSeverity')}</label>
              <select
                id="policy-min-severity"
                value={form.minSeverity}
                aria-describedby="policy-min-severity-hint"
                onChange={(e) => patch({ minSeverity: e.target.value as PolicyFormState['minSeverity'] })}
              >
                {SEVERITY_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`alerts.level.${level}`)}
                  </option>
                ))}
              </select>
              <p id="policy-min-severity-hint" className="hint">
                {t('escalation.form.minSeverityHint')}
              </p>
            </div>
            <div className="form-field">
              <label htmlFor="policy-language">{t('escalation.form.language')}</label>
              <select
                id="policy-language"
                value={form.language}
                onChange={(e) => patch({ language: e.target.value as PolicyLanguage })}
              >
                {POLICY_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`escalation.languages.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor="policy-response-target">{t('escalation.form.responseTarget')}</label>
              <input
                id="policy-response-target"
                inputMode="numeric"
                value={form.responseTarget}
                aria-invalid={has('responseTarget')}
                aria-describedby="policy-response-target-hint"
                onChange={(e) => patch({ responseTarget: e.target.value })}
              />
              <p id="policy-response-target-hint" className="hint">
                {t('escalation.form.responseTargetHint')}
              </p>
            </div>
            <div className="form-field">
              <label htmlFor="policy-priority">{t('escalation.form.priority')}</label>
              <input
                id="policy-priority"
                inputMode="numeric"
                value={form.priority}
                aria-invalid={has('priority')}
                aria-describedby="policy-priority-hint"
                onChange={(e) => patch({ priority: e.target.value })}
              />
              <p id="policy-priority-hint" className="hint">
                {t('escalation.form.priorityHint')}
              </p>
            </div>
          </div>
          <div className="form-field">
            <label htmlFor="policy-categories">{t('escalation.form.categories')}</label>
            <textarea
              id="policy-categories"
              rows={2}
              spellCheck={false}
              value={form.categories}
              aria-describedby="policy-categories-hint"
              onChange={(e) => patch({ categories: e.target.value })}
            />
            <p id="policy-categories-hint" className="hint">
              {t('escalation.form.categoriesHint')}
            </p>
          </div>
          <div className="check-field">
            <input
              id="policy-enabled"
              type="checkbox"
              checked={form.enabled}
              onChange={(e) => patch({ enabled: e.target.checked })}
            />
            <label htmlFor="policy-enabled">{t('escalation.form.enabled')}</label>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('escalation.form.contacts')}</legend>
          <p className="hint">{t('escalation.form.contactsHint')}</p>
          {form.contacts.length === 0 && <p className="hint">{t('escalation.form.noContacts')}</p>}
          {form.contacts.map((c, i) => (
            <ContactFields
              key={c.key}
              contact={c}
              n={i + 1}
              invalidName={has('contactName', i + 1)}
              onChange={(change) => setContact(c.key, change)}
              onRemove={() => patch({ contacts: form.contacts.filter((x) => x.key !== c.key) })}
            />
          ))}
          <button type="button" onClick={() => patch({ contacts: [...form.contacts, newContact()] })}>
            {t('escalation.form.addContact')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('escalation.form.channels')}</legend>
          <p className="hint">{t('escalation.form.channelsHint')}</p>
          {form.channels.map((c, i) => (
            <ChannelFields
              key={c.key}
              channel={c}
              n={i + 1}
              invalidUrl={has('urlRequired', i + 1)}
              invalidSecret={has('secretRequired', i + 1)}
              onChange={(change) => setChannel(c.key, change)}
              onRemove={() => patch({ channels: form.channels.filter((x) => x.key !== c.key) })}
            />
          ))}
          <button
            type="button"
            disabled={form.channels.length >= MAX_CHANNELS}
            onClick={() => patch({ channels: [...form.channels, newChannel('email')] })}
          >
            {t('escalation.form.addChannel')}
          </button>
        </fieldset>

        {problems.length > 0 && (
          <ul className="form-error problem-list" role="alert" data-testid="policy-form-problems">
            {problems.map((p) => (
              <li key={`${p.problem}-${'n' in p ? p.n : ''}`}>
                {t(`escalation.form.problem.${p.problem}`, 'n' in p ? { n: p.n } : {})}
              </li>
            ))}
          </ul>
        )}
        {error && (
          <div className="form-error" role="alert" data-testid="policy-form-error">
            <p>{t('escalation.form.notSaved')}</p>
            <ul className="problem-list">
              {serverProblems(error).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('escalation.form.saving') : t('escalation.form.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('escalation.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
