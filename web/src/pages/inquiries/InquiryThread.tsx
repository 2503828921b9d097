// The thread of an inquiry, customer and SOC side by side, and the reply box of the side the user writes on.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/client.js';
import { formatTime } from '../../lib/time.js';
import { toApiError, useSession } from '../../shell/session.js';
import {
  replyStatuses,
  type Inquiry,
  type InquiryMessage,
  type InquiryStatus,
  type Side,
} from './inquiry-model.js';

export function InquiryThread({
  inquiry: q,
  messages,
  side,
  onSent,
}: {
  inquiry: Inquiry;
  messages: InquiryMessage[];
  side: Side | undefined;
  onSent: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const zone = session.zoneOf(q.tenant);
  const original: InquiryMessage = {
    id: 'original',
    side: 'customer',
    author: q.submittedBy,
    body: q.body,
    at: q.createdAt,
    statusAfter: null,
  };
  return (
    <section className="panel" aria-labelledby="inquiry-thread">
      <h2 id="inquiry-thread">{t('inquiries.detail.thread')}</h2>
      <ol className="inquiry-thread" aria-label={t('inquiries.detail.threadLabel')}>
        {[original, ...messages].map((m) => (
          <li
            key={m.id}
            className={`inquiry-message from-${m.side}`}
            data-testid="inquiry-message"
            data-from={m.side}
            data-original={m.id === 'original' ? 'true' : undefined}
          >
            <div className="message-head">
              <span className="message-side">
                {m.side === 'soc' ? t('inquiries.detail.fromSoc') : t('inquiries.detail.fromCustomer')}
              </span>
              <span className="message-author">{m.author.name}</span>
              <time className="time-cell" dateTime={new Date(m.at).toISOString()}>
                {formatTime(m.at, zone, { ms: false, offset: true })}
              </time>
              {m.id === 'original' && <span className="badge">{t('inquiries.detail.original')}</span>}
            </div>
            <p className="message-body">{m.body}</p>
            {m.statusAfter && (
              <p className="message-status hint">
                {t('inquiries.detail.statusAfter', { status: t(`inquiries.status.${m.statusAfter}`) })}
              </p>
            )}
          </li>
        ))}
      </ol>
      {side && <ReplyBox inquiry={q} side={side} onSent={onSent} />}
    </section>
  );
}

function ReplyBox({
  inquiry: q,
  side,
  onSent,
}: {
  inquiry: Inquiry;
  side: Side;
  onSent: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const choices = replyStatuses(side, q.status);
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<InquiryStatus | ''>('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (choices.length === 0) return <p className="hint">{t('inquiries.reply.closed')}</p>;
  const chosen = status && choices.includes(status) ? status : choices[0]!;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError(t('inquiries.form.required'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await unwrap(
        session.api.client.POST('/api/inquiries/{id}/messages', {
          params: { path: { id: q.id } },
          body: { body: body.trim(), status: chosen },
        }),
      );
      setBody('');
      setStatus('');
      onSent(t('inquiries.reply.sent'));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const soc = side === 'soc';
  return (
    <form
      className="reply-box"
      aria-labelledby="inquiry-reply-title"
      onSubmit={(e) => void send(e)}
      noValidate
    >
      <h3 id="inquiry-reply-title">
        {soc ? t('inquiries.reply.socTitle') : t('inquiries.reply.customerTitle')}
      </h3>
      <div className="form-field">
        <label htmlFor="inquiry-reply-body">{t('inquiries.reply.body')}</label>
        <textarea
          id="inquiry-reply-body"
          rows={5}
          maxLength={50_000}
          value={body}
          aria-invalid={error && !body.trim() ? true : undefined}
          aria-describedby="inquiry-reply-hint"
          onChange={(e) => setBody(e.target.value)}
        />
        <p id="inquiry-reply-hint" className="hint">
          {soc ? t('inquiries.reply.socHint') : t('inquiries.reply.customerHint')}
        </p>
      </div>
      <div className="reply-actions">
        <div className="form-field">
          <label htmlFor="inquiry-reply-status">{t('inquiries.reply.statusAfter')}</label>
          <select
            id="inquiry-reply-status"
            value={chosen}
            onChange={(e) => setStatus(e.target.value as InquiryStatus)}
          >
            {choices.map((s) => (
              <option key={s} value={s}>
                {t(`inquiries.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {soc ? t('inquiries.reply.sendAnswer') : t('inquiries.reply.sendReply')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
