// The directory table: each contact with its kind, person, channels (preferred first, as mailto:/tel: links),
// hours, language and escalation notes; shared contacts badged; edit and delete with a confirmation.
import { useTranslation } from 'react-i18next';
import {
  channelHref,
  channelsInOrder,
  isShared,
  type Contact,
  type ContactChannel,
} from './contact-model.js';

export function ContactTable({
  contacts,
  showTenant,
  tenantName,
  canManage,
  confirming,
  busyId,
  label,
  onEdit,
  onAskDelete,
  onDelete,
  onCancelDelete,
}: {
  contacts: Contact[];
  showTenant: boolean;
  tenantName: (id: string) => string;
  canManage: boolean;
  confirming: string | undefined;
  busyId: string | undefined;
  label: (c: Contact) => string;
  onEdit: (c: Contact) => void;
  onAskDelete: (c: Contact) => void;
  onDelete: (c: Contact) => void;
  onCancelDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table contact-table" data-testid="contact-table">
        <caption className="visually-hidden">{t('contacts.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contacts.list.organization')}</th>
            <th scope="col">{t('contacts.list.kind')}</th>
            <th scope="col">{t('contacts.list.person')}</th>
            <th scope="col">{t('contacts.list.channels')}</th>
            <th scope="col">{t('contacts.list.hours')}</th>
            <th scope="col">{t('contacts.list.language')}</th>
            <th scope="col">{t('contacts.list.notes')}</th>
            {showTenant && <th scope="col">{t('contacts.list.tenant')}</th>}
            {canManage && <th scope="col">{t('contacts.list.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr
              key={c.id}
              data-testid="contact-row"
              data-contact-id={c.id}
              data-kind={c.kind}
              data-shared={isShared(c) ? 'true' : 'false'}
            >
              <th scope="row">
                {c.organization}
                {isShared(c) && (
                  <span className="badge shared-badge" title={t('contacts.sharedHint')}>
                    {t('contacts.shared')}
                  </span>
                )}
              </th>
              <td>
                <span className={`badge kind-badge kind-${c.kind}`}>{t(`contacts.kind.${c.kind}`)}</span>
              </td>
              <td>
                {c.name && <div>{c.name}</div>}
                {c.title && <div className="hint">{c.title}</div>}
                {!c.name && !c.title && '—'}
              </td>
              <td>
                <Channels channels={c.channels} />
              </td>
              <td>{c.hours ?? '—'}</td>
              <td>{t(`contacts.language.${c.language}`)}</td>
              <td className="notes-cell">{c.escalationNotes ?? '—'}</td>
              {showTenant && <td>{c.tenant === null ? t('contacts.shared') : tenantName(c.tenant)}</td>}
              {canManage && (
                <td className="row-actions">
                  {confirming === c.id ? (
                    <div
                      className="confirm"
                      role="group"
                      aria-label={t('contacts.list.deleteLabel', { name: label(c) })}
                    >
                      <span>{t('contacts.list.confirmDelete', { name: label(c) })}</span>
                      <button
                        type="button"
                        className="danger"
                        disabled={busyId === c.id}
                        onClick={() => onDelete(c)}
                      >
                        {t('contacts.list.confirm')}
                      </button>
                      <button type="button" onClick={onCancelDelete}>
                        {t('contacts.list.cancel')}
                      </button>
                    </div>
                  ) : (
                    <>
                      <button
                        type="button"
                        aria-label={t('contacts.list.editLabel', { name: label(c) })}
                        onClick={() => onEdit(c)}
                      >
                        {t('contacts.list.edit')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('contacts.list.deleteLabel', { name: label(c) })}
                        onClick={() => onAskDelete(c)}
                      >
                        {t('contacts.list.delete')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Channels({ channels }: { channels: ContactChannel[] }) {
  const { t } = useTranslation();
  if (channels.length === 0) return <>—</>;
  return (
    <ul className="channel-list">
      {channelsInOrder(channels).map((ch, i) => {
        const href = channelHref(ch);
        return (
          <li
            key={`${ch.kind}-${i}`}
            className={ch.preferred ? 'preferred' : undefined}
            data-channel={ch.kind}
          >
            <span className="channel-kind">{t(`contacts.channel.${ch.kind}`)}</span>{' '}
            {href ? (
              <a
                href={href}
                {...(ch.kind === 'chat' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
              >
                {ch.value}
              </a>
            ) : (
              <span className="channel-value">{ch.value}</span>
            )}
            {ch.label && <span className="hint"> ({ch.label})</span>}
            {ch.preferred && <span className="badge preferred-badge">{t('contacts.preferred')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
