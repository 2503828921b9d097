// One event in full: every field with filter and column actions, the raw text, the JSON; each copyable.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YaguraEvent } from '../../api/client.js';
import { copyText } from '../../lib/clipboard.js';
import { formatTime } from '../../lib/time.js';
import type { FilterActions } from './FieldSidebar.js';
import { BUILTIN_FIELDS, displayValue, fieldValue, type Value } from './search-state.js';
import { PlusIcon, MinusIcon, ColumnIcon, CopyIcon, CheckIcon, CloseIcon } from '../../components/icons.js';

type Tab = 'fields' | 'raw' | 'json';

export function EventDrawer({
  event,
  zone,
  actions,
  onClose,
}: {
  event: YaguraEvent;
  zone: string;
  actions: FilterActions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('fields');
  const [copied, setCopied] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [event.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const copy = async (what: string, text: string) => {
    if (await copyText(text)) {
      setCopied(what);
      setTimeout(() => setCopied(undefined), 1500);
    }
  };
  const rows: [string, Value | Value[] | undefined][] = [
    ...BUILTIN_FIELDS.map((name) => [name, fieldValue(event, name)] as [string, Value | Value[] | undefined]),
    ...Object.keys(event.fields)
      .sort()
      .map((name) => [name, event.fields[name]] as [string, Value | Value[] | undefined]),
  ].filter(([, v]) => v !== undefined);
  const json = JSON.stringify(event, null, 2);

  return (
    <aside
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="drawer-title"
      data-testid="event-drawer"
    >
      <header className="drawer-head">
        <h2 id="drawer-title" ref={heading} tabIndex={-1}>
          {formatTime(event.time, zone, { offset: true })}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('action.close')}>
          <CloseIcon />
        </button>
      </header>
      <div className="tabs" role="tablist" aria-label={t('drawer.views')}>
        {(['fields', 'raw', 'json'] as Tab[]).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`drawer-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`drawer-panel-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`drawer.${name}`)}
          </button>
        ))}
      </div>
      <div
        className="drawer-body"
        role="tabpanel"
        id={`drawer-panel-${tab}`}
        aria-labelledby={`drawer-tab-${tab}`}
      >
        <p className="drawer-meta">
          {t('drawer.id')}: <code>{event.id}</code> · {t('drawer.received')}:{' '}
          {formatTime(event.receivedAt, zone)}
        </p>
        {tab === 'fields' && (
          <table className="field-table">
            <caption className="visually-hidden">{t('drawer.fields')}</caption>
            <tbody>
              {rows.map(([name, value]) => (
                <FieldRow
                  key={name}
                  name={name}
                  value={value!}
                  actions={actions}
                  onCopy={(text) => void copy(name, text)}
                  copied={copied === name}
                />
              ))}
            </tbody>
          </table>
        )}
        {tab === 'raw' &&
          (event.raw ? (
            <>
              <button type="button" onClick={() => void copy('raw', event.raw!)}>
                {copied === 'raw' ? t('action.copied') : t('drawer.copyRaw')}
              </button>
              <pre className="raw" data-testid="raw">
                {event.raw}
              </pre>
            </>
          ) : (
            <p className="hint">{t('drawer.noRaw')}</p>
          ))}
        {tab === 'json' && (
          <>
            <button type="button" onClick={() => void copy('json', json)}>
              {copied === 'json' ? t('action.copied') : t('drawer.copyJson')}
            </button>
            <pre className="raw">{json}</pre>
          </>
        )}
      </div>
    </aside>
  );
}

function FieldRow({
  name,
  value,
  actions,
  onCopy,
  copied,
}: {
  name: string;
  value: Value | Value[];
  actions: FilterActions;
  onCopy: (text: string) => void;
  copied: boolean;
}) {
  const { t } = useTranslation();
  const text = displayValue(value);
  // An array filters on its first value; the search language matches a multi-valued field on any of its values.
  const one: Value = Array.isArray(value) ? (value[0] ?? null) : value;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="value">{text}</td>
      <td className="actions">
        <button
          type="button"
          className="icon"
          aria-label={t('search.filterFor', { field: name, value: text })}
          onClick={() => actions.filter(name, one, false)}
        >
          <PlusIcon />
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('search.filterOut', { field: name, value: text })}
          onClick={() => actions.filter(name, one, true)}
        >
          <MinusIcon />
        </button>
        <button
          type="button"
          className="icon"
          aria-label={
            actions.isColumn(name)
              ? t('search.removeColumn', { field: name })
              : t('search.addColumn', { field: name })
          }
          aria-pressed={actions.isColumn(name)}
          onClick={() => actions.toggleColumn(name)}
        >
          <ColumnIcon />
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('action.copyValue', { field: name })}
          onClick={() => onCopy(text)}
        >
          {copied ? <CheckIcon /> : <CopyIcon />}
        </button>
      </td>
    </tr>
  );
}
