// The inquiry list: filters in the URL, SLA due times with overdue marks, cursor paging, and the new-inquiry form.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../components/states.js';
import { formatMinute } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { useSearchParams } from '../../shell/router.js';
import { ALL_TENANTS, useSession } from '../../shell/session.js';
import { useAssignees } from '../alerts/use-assignees.js';
import {
  currentCursor,
  FIRST_PAGE,
  hasFilters,
  listQuery,
  nextPage,
  previousPage,
  readFilters,
  writeFilters,
  type PageStack,
} from './inquiry-filters.js';
import { asInquiry, inquiryRef, type Inquiry } from './inquiry-model.js';
import { InquiryFiltersForm } from './InquiryFiltersForm.js';
import { ConsoleLink } from './links.js';
import { NewInquiryForm } from './NewInquiryForm.js';
import { firstResponseClock, isOverdue, resolutionClock } from './sla-text.js';
import { SlaCell } from './SlaText.js';

/** Where "back to the inquiries" returns: the list as last filtered in this tab. */
export const listMemory = { search: '' };

export function InquiryList() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.state.status === 'signed-in' ? session.state.me : undefined;
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const filterKey = writeFilters(filters).toString();
  const tenants = session.tenantFilter;
  const tenantKey = tenants?.join(',') ?? ALL_TENANTS;
  const names = useAssignees(tenants);
  const canSubmit = session.can('inquiries:submit');
  const [pages, setPages] = useState<PageStack>(FIRST_PAGE);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    listMemory.search = params.toString();
    setPages(FIRST_PAGE);
  }, [filterKey, tenantKey]);

  const cursor = currentCursor(pages);
  const list = useRequest(
    (signal) =>
      unwrap(
        session.api.client.GET('/api/inquiries', {
          params: { query: listQuery(filters, me?.id ?? '', tenants, cursor) },
          signal,
        }),
      ),
    [filterKey, tenantKey, cursor],
  );

  const now = Date.now();
  const inquiries = (list.data?.inquiries ?? []).map(asInquiry);
  const next = list.data?.next;
  const showTenant = session.tenant === ALL_TENANTS && session.tenants.length > 1;
  const tenantName = (id: string) => session.tenants.find((x) => x.id === id)?.name ?? id;

  return (
    <div className="inquiries-page">
      <div className="page-head">
        <h1 className="page-title">{t('inquiries.title')}</h1>
        {canSubmit && (
          <button
            type="button"
            className="primary"
            aria-expanded={adding}
            onClick={() => {
              setMessage(undefined);
              setAdding(true);
            }}
          >
            {t('inquiries.newInquiry')}
          </button>
        )}
        <button type="button" onClick={list.reload}>
          {t('inquiries.refresh')}
        </button>
      </div>
      <p className="hint">{t('inquiries.intro')}</p>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {canSubmit && adding && (
        <NewInquiryForm
          onSubmitted={(created: Inquiry) => {
            setAdding(false);
            setMessage(t('inquiries.form.submitted', { ref: inquiryRef(created) }));
            list.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <InquiryFiltersForm filters={filters} onChange={(f) => setParams(writeFilters(f))} />
      {list.status === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : inquiries.length === 0 && pages.length === 1 && !next ? (
        <EmptyState title={t('inquiries.list.emptyTitle')}>
          {hasFilters(filters) ? t('inquiries.list.emptyFilteredHint') : t('inquiries.list.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table inquiry-table" data-testid="inquiry-table">
              <caption className="visually-hidden">{t('inquiries.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inquiries.list.subject')}</th>
                  <th scope="col">{t('inquiries.list.type')}</th>
                  {showTenant && <th scope="col">{t('inquiries.list.tenant')}</th>}
                  <th scope="col">{t('inquiries.list.priority')}</th>
                  <th scope="col">{t('inquiries.list.status')}</th>
                  <th scope="col">{t('inquiries.list.submitted')}</th>
                  <th scope="col">{t('inquiries.list.firstResponseDue')}</th>
                  <th scope="col">{t('inquiries.list.resolutionDue')}</th>
                  <th scope="col">{t('inquiries.list.assignee')}</th>
                </tr>
              </thead>
              <tbody>
                {inquiries.map((q) => {
                  const zone = session.zoneOf(q.tenant);
                  return (
                    <tr
                      key={q.id}
                      data-testid="inquiry-row"
                      data-inquiry-id={q.id}
                      data-status={q.status}
                      data-overdue={isOverdue(q) ? 'true' : 'false'}
                      className={isOverdue(q) ? 'overdue' : undefined}
                    >
                      <td>
                        <span className="inquiry-number">{inquiryRef(q)}</span>{' '}
                        <ConsoleLink path={`/inquiries/${q.id}`}>{q.subject}</ConsoleLink>
                        {q.incidentId && (
                          <span className="badge incident-badge">{t('inquiries.list.incident')}</span>
                        )}
                      </td>
                      <td>{t(`inquiries.type.${q.type}`)}</td>
                      {showTenant && <td>{tenantName(q.tenant)}</td>}
                      <td>
                        <span className={`badge priority-badge priority-${q.priority}`}>
                          {t(`inquiries.priority.${q.priority}`)}
                        </span>
                      </td>
                      <td>
                        <span className={`badge status-badge inquiry-status-${q.status}`}>
                          {t(`inquiries.status.${q.status}`)}
                        </span>
                      </td>
                      <td>
                        <div>{q.submittedBy.name}</div>
                        <div className="time-cell">{formatMinute(q.createdAt, zone)}</div>
                      </td>
                      <td>
                        <SlaCell clock={firstResponseClock(q, now)} zone={zone} kind="first" />
                      </td>
                      <td>
                        <SlaCell clock={resolutionClock(q, now)} zone={zone} kind="resolution" />
                      </td>
                      <td>
                        {q.assignee ? (names.get(q.assignee) ?? q.assignee) : t('inquiries.list.unassigned')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('inquiries.list.pagination')}>
            <span className="hint" data-testid="inquiry-count">
              {t('inquiries.list.page', { page: pages.length })} ·{' '}
              {t('inquiries.list.shown', { count: inquiries.length })}
            </span>
            <button type="button" disabled={pages.length === 1} onClick={() => setPages(FIRST_PAGE)}>
              {t('inquiries.list.firstPage')}
            </button>
            <button type="button" disabled={pages.length === 1} onClick={() => setPages(previousPage)}>
              {t('inquiries.list.previousPage')}
            </button>
            <button type="button" disabled={!next} onClick={() => next && setPages((p) => nextPage(p, next))}>
              {t('inquiries.list.nextPage')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
