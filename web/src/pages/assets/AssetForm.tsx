// The add and edit form of an asset: every field labelled, the server's refusal shown beside the fields it names.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError, type Tenant } from '../../api/client.js';
import { toApiError, useSession } from '../../shell/session.js';
import {
  assetFieldsInError,
  assetToForm,
  checkAssetForm,
  createAssetBody,
  emptyAssetForm,
  updateAssetBody,
  type Asset,
  type AssetField,
  type AssetFormState,
} from './asset-form.js';
import { CRITICALITIES } from './criticality.js';

export function AssetForm({
  asset,
  tenant,
  tenantChoices,
  onSaved,
  onCancel,
}: {
  /** The asset to edit; absent to add one. */
  asset: Asset | undefined;
  /** The tenant a new asset goes to, unless tenantChoices lets the user pick. */
  tenant: string;
  tenantChoices: Tenant[] | undefined;
  onSaved: (asset: Asset) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [form, setForm] = useState<AssetFormState>(() =>
    asset ? assetToForm(asset) : emptyAssetForm(tenant),
  );
  const [error, setError] = useState<ApiError>();
  const [missing, setMissing] = useState<Partial<Record<AssetField, 'required'>>>({});
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (field: AssetField) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  const blamed = new Set<AssetField>(error ? assetFieldsInError(error) : []);
  const invalid = (field: AssetField) => (blamed.has(field) || missing[field] ? true : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkAssetForm(form);
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const saved = asset
        ? await unwrap(
            session.api.client.PATCH('/api/assets/{id}', {
              params: { path: { id: asset.id } },
              body: updateAssetBody(asset, form),
            }),
          )
        : await unwrap(session.api.client.POST('/api/assets', { body: createAssetBody(form) }));
      onSaved(saved);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const title = asset ? t('assets.form.editTitle', { name: asset.name }) : t('assets.form.addTitle');
  return (
    <section className="panel asset-form" aria-labelledby="asset-form-title">
      <h2 id="asset-form-title">{title}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          {!asset && tenantChoices && (
            <div className="form-field">
              <label htmlFor="asset-tenant">{t('assets.form.tenant')}</label>
              <select id="asset-tenant" value={form.tenant} onChange={set('tenant')}>
                {tenantChoices.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="form-field">
            <label htmlFor="asset-name">{t('assets.form.name')}</label>
            <input
              id="asset-name"
              ref={first}
              value={form.name}
              required
              maxLength={200}
              autoComplete="off"
              aria-invalid={invalid('name')}
              aria-describedby={missing.name ? 'asset-name-missing' : 'asset-name-hint'}
              onChange={set('name')}
            />
            {missing.name ? (
              <p id="asset-name-missing" className="form-error">
                {t('assets.form.nameRequired')}
              </p>
            ) : (
              <p id="asset-name-hint" className="hint">
                {t('assets.form.nameHint')}
              </p>
            )}
          </div>
          <div className="form-field">
            <label htmlFor="asset-owner">{t('assets.form.owner')}</label>
            <input
              id="asset-owner"
              value={form.owner}
              maxLength={200}
              aria-invalid={invalid('owner')}
              aria-describedby="asset-owner-hint"
              onChange={set('owner')}
            />
            <p id="asset-owner-hint" className="hint">
              {t('assets.form.ownerHint')}
            </p>
          </div>
          <div className="form-field">
            <label htmlFor="asset-criticality">{t('assets.form.criticality')}</label>
            <select
              id="asset-criticality"
              value={form.criticality}
              aria-invalid={invalid('criticality')}
              onChange={set('criticality')}
            >
              <option value="">{t('assets.criticality.unrated')}</option>
              {CRITICALITIES.map((c) => (
                <option key={c} value={String(c)}>
                  {c} – {t(`assets.criticality.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <ListField id="asset-hostnames" field="hostnames" form={form} set={set} invalid={invalid} />
          <ListField id="asset-addresses" field="addresses" form={form} set={set} invalid={invalid} />
          <ListField id="asset-users" field="users" form={form} set={set} invalid={invalid} />
          <ListField id="asset-tags" field="tags" form={form} set={set} invalid={invalid} />
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="asset-form-error">
            {t('assets.form.invalid', { message: error.message })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('assets.form.saving') : t('assets.form.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('assets.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ListField({
  id,
  field,
  form,
  set,
  invalid,
}: {
  id: string;
  field: 'hostnames' | 'addresses' | 'users' | 'tags';
  form: AssetFormState;
  set: (field: AssetField) => (e: { target: { value: string } }) => void;
  invalid: (field: AssetField) => true | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-field">
      <label htmlFor={id}>{t(`assets.form.${field}`)}</label>
      <textarea
        id={id}
        rows={3}
        spellCheck={false}
        value={form[field]}
        aria-invalid={invalid(field)}
        aria-describedby={`${id}-hint`}
        onChange={set(field)}
      />
      <p id={`${id}-hint`} className="hint">
        {t(`assets.form.${field}Hint`)}
      </p>
    </div>
  );
}
