// The hits: time in the event's tenant zone, then the chosen columns (or a one-line summary); a row opens the event.
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { YaguraEvent } from '../../api/client.js';
import { formatTime } from '../../lib/time.js';
import { displayValue, fieldValue, summaryOf } from './search-state.js';
import { CloseIcon } from '../../components/icons.js';

const column = createColumnHelper<YaguraEvent>();

export function ResultTable({
  events,
  columns,
  showTenant,
  zoneOf,
  selectedId,
  onOpen,
  onRemoveColumn,
}: {
  events: YaguraEvent[];
  columns: string[];
  showTenant: boolean;
  zoneOf: (tenant: string) => string;
  selectedId: string | undefined;
  onOpen: (event: YaguraEvent) => void;
  onRemoveColumn: (name: string) => void;
}) {
  const { t } = useTranslation();
  const defs = useMemo(() => {
    const time = column.display({
      id: '@timestamp',
      header: () => t('search.time'),
      cell: ({ row }) => (
        <button
          type="button"
          className="link time-cell"
          aria-label={t('search.openEvent', {
            time: formatTime(row.original.time, zoneOf(row.original.tenant)),
          })}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(row.original);
          }}
        >
          {formatTime(row.original.time, zoneOf(row.original.tenant))}
        </button>
      ),
    });
    const chosen = columns.length > 0 ? columns : [...(showTenant ? ['tenant'] : []), '_summary'];
    return [
      time,
      ...chosen.map((name) =>
        column.display({
          id: name,
          header: () =>
            name === '_summary' ? (
              t('search.summary')
            ) : (
              <span className="column-head">
                {name}
                {columns.includes(name) && (
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('search.removeColumn', { field: name })}
                    onClick={() => onRemoveColumn(name)}
                  >
                    <CloseIcon />
                  </button>
                )}
              </span>
            ),
          cell: ({ row }) =>
            name === '_summary' ? (
              <span className="summary">{summaryOf(row.original)}</span>
            ) : (
              displayValue(fieldValue(row.original, name))
            ),
        }),
      ),
    ];
  }, [columns, showTenant, zoneOf, onOpen, onRemoveColumn, t]);

  const table = useReactTable({
    data: events,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (e) => e.id,
  });

  return (
    <div className="table-scroll">
      <table className="results" data-testid="results">
        <caption className="visually-hidden">{t('search.resultsCaption')}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => (
                <th key={h.id} scope="col">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={row.id === selectedId ? 'selected' : undefined}
              onClick={() => onOpen(row.original)}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
