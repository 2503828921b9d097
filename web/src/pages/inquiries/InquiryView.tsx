// One inquiry: its facts, the thread with the reply box, status and assignee, SLA facts, and conversion to an incident.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/states.js';
import { formatTime } from '../../lib/time.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';
import { useAssignees } from '../alerts/use-assignees.js';
import { ConvertPanel } from './ConvertPanel.js';
import { HandlingPanel } from './HandlingPanel.js';
import { asDetail, inquiryRef, sideOf, type Inquiry } from './inquiry-model.js';
import { InquiryThread } from './InquiryThread.js';
import { listMemory } from './InquiryList.js';
import { ConsoleLink } from './links.js';
import { SlaPanel } from './SlaPanel.js';

export function InquiryView({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [notice, setNotice] = useState<string>();
  const detail = useRequest(
    async (signal) =>
      asDetail(
        await unwrap(session.api.client.GET('/api/inquiries/{id}', { params: { path: { id } }, signal })),
      ),
    [id],
  );

  const back = (
    <ConsoleLink path="/inquiries" params={new URLSearchParams(listMemory.search)} className="back-link">
      ← {t('inquiries.detail.back')}
    </ConsoleLink>
  );

  if (detail.status === 'error' && !detail.data) {
    return (
      <div className="inquiries-page inquiry-detail">
        {back}
        {detail.error.status === 404 || detail.error.status === 403 ? (
          <p className="state state-error" role="alert">
            {t('inquiries.detail.notFound')}
          </p>
        ) : (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        )}
      </div>
    );
  }
  if (!detail.data) return <Loading />;
  const { inquiry: q, messages } = detail.data;
  const side = sideOf(session.can);
  const changed = (text: string) => {
    setNotice(text);
    detail.reload();
  };

  return (
    <div className="inquiries-page inquiry-detail">
      {back}
      <div className="page-head">
        <h1 className="page-title">
          <span className="inquiry-number">{inquiryRef(q)}</span> {q.subject}
        </h1>
        <span className={`badge priority-badge priority-${q.priority}`}>
          {t(`inquiries.priority.${q.priority}`)}
        </span>
        <span className={`badge status-badge inquiry-status-${q.status}`} data-testid="inquiry-status">
          {t(`inquiries.status.${q.status}`)}
        </span>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="inquiry-notice">
          {notice}
        </p>
      )}
      {detail.status === 'error' && <ErrorState error={detail.error} onRetry={detail.reload} />}
      <div className="inquiry-grid">
        <div className="inquiry-main">
          <InquiryThread inquiry={q} messages={messages} side={side} onSent={changed} />
        </div>
        <aside className="inquiry-side">
          <Facts inquiry={q} />
          <SlaPanel inquiry={q} />
          {side && <HandlingPanel inquiry={q} side={side} onChanged={changed} />}
          <ConvertPanel inquiry={q} onConverted={changed} />
        </aside>
      </div>
    </div>
  );
}

function Facts({ inquiry: q }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const session = useSession();
  const names = useAssignees([q.tenant]);
  const zone = session.zoneOf(q.tenant);
  return (
    <section className="panel" aria-labelledby="inquiry-facts">
      <h2 id="inquiry-facts">{t('inquiries.detail.facts')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('inquiries.detail.number')}</dt>
          <dd>{inquiryRef(q)}</dd>
        </div>
        <div>
          <dt>{t('inquiries.detail.type')}</dt>
          <dd>{t(`inquiries.type.${q.type}`)}</dd>
        </div>
        <div>
          <dt>{t('inquiries.detail.priority')}</dt>
          <dd>{t(`inquiries.priority.${q.priority}`)}</dd>
        </div>
        <div>
          <dt>{t('inquiries.detail.tenant')}</dt>
          <dd>{session.tenants.find((x) => x.id === q.tenant)?.name ?? q.tenant}</dd>
        </div>
        <div>
          <dt>{t('inquiries.detail.submittedBy')}</dt>
          <dd>{q.submittedBy.name}</dd>
        </div>
        <div>
          <dt>{t('inquiries.detail.submittedAt')}</dt>
          <dd className="time-cell">{formatTime(q.createdAt, zone, { ms: false, offset: true })}</dd>
        </div>
        <div>
          <dt>{t('inquiries.detail.assignee')}</dt>
          <dd data-testid="inquiry-assignee">
            {q.assignee ? (names.get(q.assignee) ?? q.assignee) : t('inquiries.list.unassigned')}
          </dd>
        </div>
        {q.incidentId && (
          <div>
            <dt>{t('inquiries.detail.incident')}</dt>
            <dd>
              <ConsoleLink path={`/incidents/${encodeURIComponent(q.incidentId)}`}>
                {t('inquiries.detail.openIncident')}
              </ConsoleLink>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
