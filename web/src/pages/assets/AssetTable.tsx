// The asset table: one row an asset, lists shown in full, criticality as number and word, edit and delete for managers.
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time.js';
import type { Asset } from './asset-form.js';
import { criticalityKey } from './criticality.js';

export function AssetTable({
  assets,
  showTenant,
  tenantName,
  zoneOf,
  canManage,
  confirming,
  busyId,
  onEdit,
  onAskDelete,
  onDelete,
  onCancelDelete,
}: {
  assets: Asset[];
  showTenant: boolean;
  tenantName: (id: string) => string;
  zoneOf: (tenant: string) => string;
  canManage: boolean;
  /** The asset whose deletion waits for confirmation. */
  confirming: string | undefined;
  busyId: string | undefined;
  onEdit: (asset: Asset) => void;
  onAskDelete: (asset: Asset) => void;
  onDelete: (asset: Asset) => void;
  onCancelDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table asset-table" data-testid="assets-table">
        <caption className="visually-hidden">{t('assets.tableLabel')}</caption>
        <thead>
          <tr>
            {showTenant && <th scope="col">{t('assets.col.tenant')}</th>}
            <th scope="col">{t('assets.col.name')}</th>
            <th scope="col">{t('assets.col.hostnames')}</th>
            <th scope="col">{t('assets.col.addresses')}</th>
            <th scope="col">{t('assets.col.users')}</th>
            <th scope="col">{t('assets.col.owner')}</th>
            <th scope="col">{t('assets.col.criticality')}</th>
            <th scope="col">{t('assets.col.tags')}</th>
            <th scope="col">{t('assets.col.source')}</th>
            <th scope="col">{t('assets.col.lastSeen')}</th>
            {canManage && <th scope="col">{t('assets.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {assets.map((a) => (
            <tr key={a.id} data-testid="asset-row" data-asset-id={a.id}>
              {showTenant && <td>{tenantName(a.tenant)}</td>}
              <th scope="row" className="asset-name">
                {a.name}
              </th>
              <td>
                <Values values={a.hostnames} />
              </td>
              <td>
                <Values values={a.addresses} />
              </td>
              <td>
                <Values values={a.users} />
              </td>
              <td>{a.owner ?? t('assets.none')}</td>
              <td>
                <Criticality value={a.criticality} />
              </td>
              <td>
                {a.tags.length === 0 ? (
                  t('assets.none')
                ) : (
                  <ul className="asset-tags">
                    {a.tags.map((tag) => (
                      <li key={tag} className="badge asset-tag">
                        {tag}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{t(`assets.sources.${a.source}`)}</td>
              <td className="time-cell">
                {a.lastSeen !== null
                  ? formatTime(a.lastSeen, zoneOf(a.tenant), { ms: false })
                  : t('assets.never')}
              </td>
              {canManage && (
                <td className="row-actions">
                  {confirming === a.id ? (
                    <div
                      role="group"
                      aria-label={t('assets.deleteLabel', { name: a.name })}
                      className="confirm"
                    >
                      <span>{t('assets.confirmDelete', { name: a.name })}</span>
                      <button
                        type="button"
                        className="danger"
                        disabled={busyId === a.id}
                        onClick={() => onDelete(a)}
                      >
                        {t('assets.confirmDeleteButton')}
                      </button>
                      <button type="button" onClick={onCancelDelete}>
                        {t('assets.cancel')}
                      </button>
                    </div>
                  ) : (
                    <>
                      <button
                        type="button"
                        aria-label={t('assets.editLabel', { name: a.name })}
                        onClick={() => onEdit(a)}
                      >
                        {t('assets.edit')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('assets.deleteLabel', { name: a.name })}
                        onClick={() => onAskDelete(a)}
                      >
                        {t('assets.delete')}
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

function Values({ values }: { values: string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) return <>{t('assets.none')}</>;
  return (
    <ul className="asset-values">
      {values.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  );
}

export function Criticality({ value }: { value: number | null }) {
  const { t } = useTranslation();
  const key = criticalityKey(value);
  return (
    <span className={`criticality criticality-${key}`} data-criticality={key}>
      {key !== 'unrated' && <span className="criticality-number">{key}</span>}
      {t(`assets.criticality.${key}`)}
    </span>
  );
}
