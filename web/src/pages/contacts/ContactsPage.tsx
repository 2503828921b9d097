// The contacts directory: the tenants' contacts and the installation-wide ones, a kind filter and search in the URL,
// and add, edit and delete for users who manage contacts (the API decides about shared ones and says why not).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type ApiError } from '../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { useRequest } from '../../lib/use-request.js';
import { useSearchParams } from '../../shell/router.js';
import { ALL_TENANTS, toApiError, useSession } from '../../shell/session.js';
import {
  asContact,
  CONTACT_KINDS,
  contactListQuery,
  NO_CONTACT_FILTERS,
  readContactFilters,
  sortContacts,
  writeContactFilters,
  type Contact,
  type ContactFilters,
  type ContactKind,
} from './contact-model.js';
import { ContactForm } from './ContactForm.js';
import { ContactTable } from './ContactTable.js';
import './contacts.css';

type Panel = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; contact: Contact };

export default function ContactsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.can('contacts:manage');
  const tenants = session.tenantFilter;
  const tenantKey = tenants?.join(',') ?? ALL_TENANTS;
  const [params, setParams] = useSearchParams();
  const filters = readContactFilters(params);
  const filterKey = writeContactFilters(filters).toString();
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [message, setMessage] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [deleting, setDeleting] = useState<string>();
  const [deleteError, setDeleteError] = useState<ApiError>();

  useEffect(() => setPanel({ kind: 'none' }), [tenantKey]);

  const list = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/contacts', {
          params: { query: contactListQuery(filters, tenants) },
          signal,
        }),
      ),
    [filterKey, tenantKey],
  );
  const contacts = sortContacts((list.data?.contacts ?? []).map(asContact));
  const defaultTenant = session.tenant !== ALL_TENANTS ? session.tenant : (session.tenants[0]?.id ?? '');
  const tenantName = (id: string) => session.tenants.find((x) => x.id === id)?.name ?? id;
  const label = (c: Contact) => (c.name ? `${c.organization} ${c.name}` : c.organization);

  const remove = async (contact: Contact) => {
    setDeleting(contact.id);
    setDeleteError(undefined);
    try {
      await unwrap(session.api.client.DELETE('/api/contacts/{id}', { params: { path: { id: contact.id } } }));
      setConfirming(undefined);
      setMessage(t('contacts.list.deleted', { name: label(contact) }));
      if (panel.kind === 'edit' && panel.contact.id === contact.id) setPanel({ kind: 'none' });
      list.reload();
    } catch (err) {
      setDeleteError(toApiError(err));
    } finally {
      setDeleting(undefined);
    }
  };

  return (
    <div className="contacts-page">
      <div className="page-head">
        <h1 className="page-title">{t('contacts.title')}</h1>
        {canManage && (
          <button
            type="button"
            className="primary"
            aria-expanded={panel.kind === 'add'}
            onClick={() => {
              setMessage(undefined);
              setPanel({ kind: 'add' });
            }}
          >
            {t('contacts.add')}
          </button>
        )}
        <button type="button" onClick={list.reload}>
          {t('contacts.refresh')}
        </button>
      </div>
      <p className="hint">{t('contacts.intro')}</p>
      {message && (
        <p className="notice" role="status" data-testid="contact-notice">
          {message}
        </p>
      )}
      {canManage && panel.kind !== 'none' && (
        <ContactForm
          key={panel.kind === 'edit' ? panel.contact.id : 'new'}
          contact={panel.kind === 'edit' ? panel.contact : undefined}
          tenant={defaultTenant}
          onSaved={(saved) => {
            setPanel({ kind: 'none' });
            setMessage(t('contacts.form.saved', { name: label(saved) }));
            list.reload();
          }}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}
      <FilterBar filters={filters} onApply={(f) => setParams(writeContactFilters(f))} />
      {deleteError && <ErrorState error={deleteError} />}
      {list.status === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : contacts.length === 0 ? (
        <EmptyState title={t('contacts.list.emptyTitle')}>
          {filterKey ? t('contacts.list.emptyFilteredHint') : t('contacts.list.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <ContactTable
            contacts={contacts}
            showTenant={session.tenant === ALL_TENANTS && session.tenants.length > 1}
            tenantName={tenantName}
            canManage={canManage}
            confirming={confirming}
            busyId={deleting}
            label={label}
            onEdit={(contact) => {
              setMessage(undefined);
              setDeleteError(undefined);
              setPanel({ kind: 'edit', contact });
              window.scrollTo({ top: 0 });
            }}
            onAskDelete={(contact) => {
              setDeleteError(undefined);
              setConfirming(contact.id);
            }}
            onDelete={(contact) => void remove(contact)}
            onCancelDelete={() => setConfirming(undefined)}
          />
          <p className="hint" data-testid="contact-count">
            {t('contacts.list.count', { count: contacts.length })}
          </p>
        </>
      )}
    </div>
  );
}

function FilterBar({ filters, onApply }: { filters: ContactFilters; onApply: (f: ContactFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const key = JSON.stringify(filters);
  useEffect(() => setDraft(filters), [key]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form
      className="contact-filters"
      role="search"
      aria-label={t('contacts.filters.title')}
      onSubmit={submit}
    >
      <div className="form-field">
        <label htmlFor="contact-filter-kind">{t('contacts.filters.kind')}</label>
        <select
          id="contact-filter-kind"
          value={draft.kind}
          onChange={(e) => {
            const next = { ...draft, kind: e.target.value as ContactKind | '' };
            setDraft(next);
            onApply(next);
          }}
        >
          <option value="">{t('contacts.filters.anyKind')}</option>
          {CONTACT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`contacts.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field grow">
        <label htmlFor="contact-filter-text">{t('contacts.filters.text')}</label>
        <input
          id="contact-filter-text"
          type="search"
          value={draft.text}
          maxLength={200}
          placeholder={t('contacts.filters.textPlaceholder')}
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        />
      </div>
      <div className="filter-actions">
        <button type="submit" className="primary">
          {t('contacts.filters.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_CONTACT_FILTERS);
            onApply(NO_CONTACT_FILTERS);
          }}
        >
          {t('contacts.filters.clear')}
        </button>
      </div>
    </form>
  );
}
