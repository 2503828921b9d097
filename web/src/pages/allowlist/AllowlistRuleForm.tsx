// The allow-list rule form for creating, editing and "suppress alerts like this"; saving needs a preview of the current inputs.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError } from '../../api/client.js';
import { Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { ALL_TENANTS, toApiError, useSession } from '../../shell/session.js';
import {
  PREVIEW_DAYS,
  changesOf,
  createBody,
  formFrom,
  formProblems,
  fromAlertBody,
  impactWarnings,
  previewBody,
  previewKey,
  subjectLine,
  today,
  type AllowlistCreate,
  type AllowlistImpact,
  type AllowlistRule,
  type FormProblem,
  type PreviewDays,
  type RuleForm,
} from './allowlist-model.js';

export interface AllowlistRuleFormProps {
  /** Values to start from (a draft from an alert, a copy of a rule); with `ruleId` they override the saved ones. */
  initial?: Partial<AllowlistCreate>;
  /** An existing rule to edit: it is loaded, and saving sends only what changed. */
  ruleId?: string;
  /** "Suppress alerts like this": the alert fixes tenant and detection rule, and the rule is linked to it. */
  fromAlertId?: string;
  onSaved(rule: AllowlistRule): void;
  onCancel(): void;
}

export function AllowlistRuleForm(props: AllowlistRuleFormProps) {
  const { t } = useTranslation();
  const session = useSession();
  const [loaded, setLoaded] = useState<{ rule?: AllowlistRule; error?: ApiError }>();

  useEffect(() => {
    if (!props.ruleId) return;
    const controller = new AbortController();
    setLoaded(undefined);
    unwrap(
      session.api.client.GET('/api/allowlist/{id}', {
        params: { path: { id: props.ruleId } },
        signal: controller.signal,
      }),
    ).then(
      (rule) => !controller.signal.aborted && setLoaded({ rule }),
      (e: unknown) => !controller.signal.aborted && setLoaded({ error: toApiError(e) }),
    );
    return () => controller.abort();
  }, [props.ruleId, session.api]);

  if (props.ruleId && !loaded) return <Loading />;
  if (loaded?.error) {
    return (
      <div className="form-error" role="alert">
        {t('allowlist.form.loadFailed')} {loaded.error.message}{' '}
        <code className="error-code">{loaded.error.code}</code>{' '}
        <button type="button" onClick={props.onCancel}>
          {t('allowlist.form.cancel')}
        </button>
      </div>
    );
  }
  const defaultTenant =
    session.tenant !== ALL_TENANTS
      ? session.tenant
      : session.tenants.length === 1
        ? session.tenants[0]!.id
        : '';
  const start = formFrom({ ...loaded?.rule, ...props.initial }, defaultTenant, session.zoneOf);
  return (
    <RuleFormFields
      key={props.ruleId ?? 'new'}
      start={start}
      rule={loaded?.rule}
      fromAlertId={props.fromAlertId}
      onSaved={props.onSaved}
      onCancel={props.onCancel}
    />
  );
}

interface FieldsProps {
  start: RuleForm;
  rule: AllowlistRule | undefined;
  fromAlertId: string | undefined;
  onSaved(rule: AllowlistRule): void;
  onCancel(): void;
}

function RuleFormFields({ start, rule, fromAlertId, onSaved, onCancel }: FieldsProps) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const id = useId();
  const [form, setForm] = useState<RuleForm>(start);
  const [days, setDays] = useState<PreviewDays>(30);
  const [preview, setPreview] = useState<{ key: string; impact: AllowlistImpact }>();
  const [previewError, setPreviewError] = useState<ApiError>();
  const [saveError, setSaveError] = useState<ApiError>();
  const [busy, setBusy] = useState<'preview' | 'save'>();
  const [showProblems, setShowProblems] = useState(false);
  const fieldRefs = useRef<Partial<Record<FormProblem, HTMLElement | null>>>({});

  const zone = form.tenant ? session.zoneOf(form.tenant) : session.zone;
  const now = Date.now();
  const problems = formProblems(form, zone, now);
  const key = previewKey(form);
  const previewed = preview?.key === key;
  const fixedScope = rule !== undefined || fromAlertId !== undefined;
  const title = rule
    ? t('allowlist.form.editTitle', { id: rule.id })
    : fromAlertId
      ? t('allowlist.form.fromAlertTitle')
      : t('allowlist.form.createTitle');
  const f = (name: string) => `${id}-${name}`;
  const set = (change: Partial<RuleForm>) => {
    setForm((old) => ({ ...old, ...change }));
    setSaveError(undefined);
    setPreviewError(undefined);
  };

  const runPreview = async () => {
    setBusy('preview');
    setPreviewError(undefined);
    const asked = key;
    try {
      const impact = await unwrap(
        session.api.client.POST('/api/allowlist/preview', { body: previewBody(form, days) }),
      );
      setPreview({ key: asked, impact });
    } catch (e) {
      setPreviewError(toApiError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!previewed || busy) return;
    if (problems.length > 0) {
      setShowProblems(true);
      fieldRefs.current[problems[0]!]?.focus();
      return;
    }
    setBusy('save');
    setSaveError(undefined);
    try {
      let saved: AllowlistRule;
      if (rule) {
        const changes = changesOf(form, rule, zone);
        saved =
          Object.keys(changes).length === 0
            ? rule
            : await unwrap(
                session.api.client.PATCH('/api/allowlist/{id}', {
                  params: { path: { id: rule.id } },
                  body: changes,
                }),
              );
      } else if (fromAlertId) {
        saved = await unwrap(
          session.api.client.POST('/api/alerts/{id}/allowlist', {
            params: { path: { id: fromAlertId } },
            body: fromAlertBody(form, zone),
          }),
        );
      } else {
        saved = await unwrap(session.api.client.POST('/api/allowlist', { body: createBody(form, zone) }));
      }
      onSaved(saved);
    } catch (err) {
      setSaveError(toApiError(err));
    } finally {
      setBusy(undefined);
    }
  };

  const problemOf = (name: FormProblem) =>
    showProblems && problems.includes(name) ? t(`allowlist.form.problem.${name}`) : undefined;
  const described = (name: string, hint: boolean, problem: string | undefined) =>
    [hint ? f(`${name}-hint`) : '', problem ? f(`${name}-problem`) : ''].filter(Boolean).join(' ') ||
    undefined;
  const saveHint = !previewed
    ? preview
      ? t('allowlist.form.previewStale')
      : t('allowlist.form.previewFirst')
    : '';
  const syntaxOffset =
    (saveError ?? previewError)?.code === 'QUERY_SYNTAX' ? (saveError ?? previewError)?.offset : undefined;
  const conditionsSent = form.conditions.trim();

  return (
    <form className="allowlist-form panel" aria-labelledby={f('title')} onSubmit={save} noValidate>
      <h2 id={f('title')}>{title}</h2>

      <div className="allowlist-form-grid">
        <div className="field">
          <label htmlFor={f('tenant')}>{t('allowlist.form.tenant')}</label>
          {fixedScope || session.tenants.length <= 1 ? (
            <input
              id={f('tenant')}
              value={form.tenant}
              readOnly
              aria-describedby={fixedScope ? f('scope-hint') : undefined}
            />
          ) : (
            <select
              id={f('tenant')}
              ref={(el) => {
                fieldRefs.current.tenant = el;
              }}
              value={form.tenant}
              aria-invalid={problemOf('tenant') ? true : undefined}
              aria-describedby={described('tenant', false, problemOf('tenant'))}
              onChange={(e) => set({ tenant: e.target.value })}
            >
              <option value="">{t('allowlist.form.chooseTenant')}</option>
              {session.tenants.map((tenant) => (
                <option key={tenant.id} value={tenant.id}>
                  {tenant.name && tenant.name !== tenant.id ? `${tenant.name} (${tenant.id})` : tenant.id}
                </option>
              ))}
            </select>
          )}
          <FieldProblem id={f('tenant-problem')} text={problemOf('tenant')} />
        </div>

        <div className="field">
          <label htmlFor={f('rule')}>{t('allowlist.form.ruleId')}</label>
          <input
            id={f('rule')}
            className="mono"
            value={form.ruleId}
            readOnly={fixedScope}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={fixedScope ? f('scope-hint') : f('rule-hint')}
            onChange={(e) => set({ ruleId: e.target.value })}
          />
          {!fixedScope && (
            <p id={f('rule-hint')} className="hint">
              {t('allowlist.form.ruleIdHint')}
            </p>
          )}
        </div>
        {fixedScope && (
          <p id={f('scope-hint')} className="hint field-wide">
            {fromAlertId ? t('allowlist.form.fromAlertFixedHint') : t('allowlist.form.fixedHint')}
          </p>
        )}

        <div className="field field-wide">
          <label htmlFor={f('conditions')}>{t('allowlist.form.conditions')}</label>
          <textarea
            id={f('conditions')}
            ref={(el) => {
              fieldRefs.current.conditions = el;
            }}
            className="mono"
            rows={3}
            spellCheck={false}
            autoComplete="off"
            value={form.conditions}
            aria-invalid={problemOf('conditions') || syntaxOffset !== undefined ? true : undefined}
            aria-describedby={described('conditions', true, problemOf('conditions'))}
            onChange={(e) => set({ conditions: e.target.value })}
          />
          <p id={f('conditions-hint')} className="hint">
            {t('allowlist.form.conditionsHint')}
          </p>
          <FieldProblem id={f('conditions-problem')} text={problemOf('conditions')} />
          {syntaxOffset !== undefined && (
            <pre className="query-pointer" aria-hidden="true">
              {conditionsSent.slice(0, syntaxOffset)}
              <mark>{conditionsSent.slice(syntaxOffset, syntaxOffset + 1) || ' '}</mark>
              {conditionsSent.slice(syntaxOffset + 1)}
            </pre>
          )}
        </div>

        <div className="field field-wide">
          <label htmlFor={f('justification')}>
            {t('allowlist.form.justification')}{' '}
            <span className="required">({t('allowlist.form.required')})</span>
          </label>
          <textarea
            id={f('justification')}
            ref={(el) => {
              fieldRefs.current.justification = el;
            }}
            rows={2}
            maxLength={2000}
            required
            aria-required="true"
            value={form.justification}
            aria-invalid={problemOf('justification') ? true : undefined}
            aria-describedby={described('justification', true, problemOf('justification'))}
            onChange={(e) => set({ justification: e.target.value })}
          />
          <p id={f('justification-hint')} className="hint">
            {t('allowlist.form.justificationHint')}
          </p>
          <FieldProblem id={f('justification-problem')} text={problemOf('justification')} />
        </div>

        <div className="field">
          <label htmlFor={f('owner')}>
            {t('allowlist.form.owner')} <span className="required">({t('allowlist.form.required')})</span>
          </label>
          <input
            id={f('owner')}
            ref={(el) => {
              fieldRefs.current.owner = el;
            }}
            maxLength={200}
            required
            aria-required="true"
            autoComplete="off"
            value={form.owner}
            aria-invalid={problemOf('owner') ? true : undefined}
            aria-describedby={described('owner', true, problemOf('owner'))}
            onChange={(e) => set({ owner: e.target.value })}
          />
          <p id={f('owner-hint')} className="hint">
            {t('allowlist.form.ownerHint')}
          </p>
          <FieldProblem id={f('owner-problem')} text={problemOf('owner')} />
        </div>

        <div className="field">
          <label htmlFor={f('expiry')}>{t('allowlist.form.expiry')}</label>
          <input
            id={f('expiry')}
            ref={(el) => {
              fieldRefs.current.expiry = el;
            }}
            type="date"
            min={today(now, zone)}
            value={form.expiryDate}
            aria-invalid={problemOf('expiry') ? true : undefined}
            aria-describedby={described('expiry', true, problemOf('expiry'))}
            onChange={(e) => set({ expiryDate: e.target.value })}
          />
          <p id={f('expiry-hint')} className="hint">
            {t('allowlist.form.expiryHint', { zone })}
          </p>
          <FieldProblem id={f('expiry-problem')} text={problemOf('expiry')} />
        </div>
      </div>

      <div className="allowlist-preview-controls">
        <label htmlFor={f('days')}>{t('allowlist.form.lookBack')}</label>
        <select id={f('days')} value={days} onChange={(e) => setDays(Number(e.target.value) as PreviewDays)}>
          {PREVIEW_DAYS.map((d) => (
            <option key={d} value={d}>
              {t('allowlist.form.lookBackDays', { count: d })}
            </option>
          ))}
        </select>
        <button type="button" onClick={runPreview} disabled={busy !== undefined}>
          {busy === 'preview' ? t('allowlist.form.previewing') : t('allowlist.form.preview')}
        </button>
      </div>
      {previewError && (
        <p className="form-error" role="alert">
          {t('allowlist.form.previewFailed')} {previewError.message}{' '}
          <code className="error-code">{previewError.code}</code>
        </p>
      )}
      {preview && (
        <ImpactView impact={preview.impact} stale={!previewed} zone={zone} locale={i18n.language} />
      )}

      {saveError && (
        <p className="form-error" role="alert" data-testid="allowlist-form-error">
          {t('allowlist.form.saveFailed')} {saveError.message}{' '}
          <code className="error-code">{saveError.code}</code>
        </p>
      )}
      <div className="allowlist-form-actions">
        <button
          type="submit"
          className="primary"
          disabled={!previewed || busy !== undefined}
          aria-describedby={saveHint ? f('save-hint') : undefined}
        >
          {busy === 'save' ? t('allowlist.form.saving') : t('allowlist.form.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('allowlist.form.cancel')}
        </button>
        {saveHint && (
          <span id={f('save-hint')} className="hint">
            {saveHint}
          </span>
        )}
      </div>
    </form>
  );
}

function FieldProblem({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="form-error">
      {text}
    </p>
  );
}

/** What the rule would have hidden: counts, warnings, and a few examples. */
export function ImpactView({
  impact,
  stale,
  zone,
  locale,
}: {
  impact: AllowlistImpact;
  stale: boolean;
  zone: string;
  locale: string;
}) {
  const { t } = useTranslation();
  const warnings = impactWarnings(impact);
  const n = (v: number) => v.toLocaleString(locale);
  const headingId = useId();
  return (
    <section
      className={`allowlist-impact${stale ? ' stale' : ''}`}
      aria-labelledby={headingId}
      aria-live="polite"
      data-testid="allowlist-preview"
      data-stale={stale ? 'true' : 'false'}
    >
      <h3 id={headingId}>
        {t('allowlist.impact.title', { days: impact.days })}{' '}
        <span className="hint">
          {t('allowlist.impact.period', {
            from: formatTime(impact.from, zone, { ms: false }).slice(0, 16),
            to: formatTime(impact.to, zone, { ms: false }).slice(0, 16),
          })}
        </span>
      </h3>
      {stale && <p className="notice">{t('allowlist.form.previewStale')}</p>}
      <dl className="allowlist-impact-counts">
        <div>
          <dt>{t('allowlist.impact.findings')}</dt>
          <dd data-testid="allowlist-preview-findings">{n(impact.findings)}</dd>
        </div>
        <div className={impact.wouldHide > 0 ? 'emphasis' : ''}>
          <dt>{t('allowlist.impact.wouldHide')}</dt>
          <dd data-testid="allowlist-preview-hidden">{n(impact.wouldHide)}</dd>
        </div>
        <div>
          <dt>{t('allowlist.impact.alreadySuppressed')}</dt>
          <dd>{n(impact.alreadySuppressed)}</dd>
        </div>
        <div>
          <dt>{t('allowlist.impact.alertsAvoided')}</dt>
          <dd data-testid="allowlist-preview-alerts">{n(impact.alertsAvoided)}</dd>
        </div>
      </dl>
      {warnings.map((w) => (
        <p
          key={w}
          className={`notice${w === 'hidesMost' ? ' danger' : ''}`}
          role={w === 'hidesMost' ? 'alert' : undefined}
        >
          {w === 'approximate'
            ? impact.notKept.length > 0
              ? t('allowlist.impact.approximate', { fields: impact.notKept.join(', ') })
              : t('allowlist.impact.approximateWords')
            : t(`allowlist.impact.${w}`)}
        </p>
      ))}
      {impact.samples.length === 0 ? (
        <p className="hint">{t('allowlist.impact.noSamples')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="allowlist-caption">{t('allowlist.impact.samples')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('allowlist.col.time')}</th>
                <th scope="col">{t('allowlist.col.rule')}</th>
                <th scope="col">{t('allowlist.col.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {impact.samples.map((s) => (
                <tr key={s.findingId}>
                  <td className="time-cell">{formatTime(s.time, zone, { ms: false })}</td>
                  <td className="mono">{s.ruleId}</td>
                  <td className="mono subject">{subjectLine(s.subject)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
