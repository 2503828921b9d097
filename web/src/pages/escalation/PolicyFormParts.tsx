// The repeated groups of the policy form: one contact, and one notification channel with the fields of its kind.
import { useTranslation } from 'react-i18next';
import { keepsSecret, type ChannelForm, type ContactForm } from './policy-form.js';
import { CHANNEL_KINDS, CHAT_FLAVORS } from './policy-model.js';

export function ContactFields({
  contact,
  n,
  invalidName,
  onChange,
  onRemove,
}: {
  contact: ContactForm;
  n: number;
  invalidName: true | undefined;
  onChange: (change: Partial<ContactForm>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = `contact-${contact.key}`;
  return (
    <fieldset className="sub-fieldset" data-testid="policy-contact">
      <legend>{t('escalation.form.contact', { n })}</legend>
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{t('escalation.form.contactName')}</label>
          <input
            id={`${id}-name`}
            value={contact.name}
            maxLength={200}
            aria-invalid={invalidName}
            onChange={(e) => onChange({ name: e.target.value })}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-email`}>{t('escalation.form.contactEmail')}</label>
          <input
            id={`${id}-email`}
            type="email"
            value={contact.email}
            onChange={(e) => onChange({ email: e.target.value })}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-phone`}>{t('escalation.form.contactPhone')}</label>
          <input
            id={`${id}-phone`}
            type="tel"
            maxLength={50}
            value={contact.phone}
            onChange={(e) => onChange({ phone: e.target.value })}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-note`}>{t('escalation.form.contactNote')}</label>
          <input
            id={`${id}-note`}
            maxLength={500}
            value={contact.note}
            onChange={(e) => onChange({ note: e.target.value })}
          />
        </div>
      </div>
      <button type="button" onClick={onRemove}>
        {t('escalation.form.removeContact', { n })}
      </button>
    </fieldset>
  );
}

export function ChannelFields({
  channel,
  n,
  invalidUrl,
  invalidSecret,
  onChange,
  onRemove,
}: {
  channel: ChannelForm;
  n: number;
  invalidUrl: true | undefined;
  invalidSecret: true | undefined;
  onChange: (change: Partial<ChannelForm>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = `channel-${channel.key}`;
  const keeping = channel.secretSet && channel.url.trim() === channel.savedUrl;
  return (
    <fieldset className="sub-fieldset" data-testid="policy-channel">
      <legend>{t('escalation.form.channel', { n })}</legend>
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor={`${id}-kind`}>{t('escalation.form.channelKind')}</label>
          <select
            id={`${id}-kind`}
            value={channel.kind}
            onChange={(e) => onChange({ kind: e.target.value as ChannelForm['kind'] })}
          >
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`escalation.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {channel.kind === 'email' ? (
          <div className="form-field wide">
            <label htmlFor={`${id}-to`}>{t('escalation.form.emailTo')}</label>
            <textarea
              id={`${id}-to`}
              rows={2}
              spellCheck={false}
              value={channel.to}
              aria-describedby={`${id}-to-hint`}
              onChange={(e) => onChange({ to: e.target.value })}
            />
            <p id={`${id}-to-hint`} className="hint">
              {t('escalation.form.emailToHint')}
            </p>
          </div>
        ) : (
          <div className="form-field wide">
            <label htmlFor={`${id}-url`}>{t('escalation.form.url')}</label>
            <input
              id={`${id}-url`}
              type="url"
              spellCheck={false}
              maxLength={2000}
              value={channel.url}
              aria-invalid={invalidUrl}
              onChange={(e) => onChange({ url: e.target.value })}
            />
          </div>
        )}
        {channel.kind === 'chat' && (
          <div className="form-field">
            <label htmlFor={`${id}-flavor`}>{t('escalation.form.flavor')}</label>
            <select
              id={`${id}-flavor`}
              value={channel.flavor}
              onChange={(e) => onChange({ flavor: e.target.value as ChannelForm['flavor'] })}
            >
              {CHAT_FLAVORS.map((f) => (
                <option key={f} value={f}>
                  {t(`escalation.flavor.${f}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {channel.kind === 'webhook' && (
          <div className="form-field wide">
            <label htmlFor={`${id}-secret`}>{t('escalation.form.secret')}</label>
            <input
              id={`${id}-secret`}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              maxLength={512}
              value={channel.secret}
              aria-invalid={invalidSecret}
              aria-describedby={`${id}-secret-hint`}
              data-keeps-secret={keepsSecret(channel)}
              onChange={(e) => onChange({ secret: e.target.value })}
            />
            <p id={`${id}-secret-hint`} className="hint">
              {keeping ? t('escalation.form.secretKeepHint') : t('escalation.form.secretHint')}
            </p>
          </div>
        )}
      </div>
      <button type="button" onClick={onRemove}>
        {t('escalation.form.removeChannel', { n })}
      </button>
    </fieldset>
  );
}
