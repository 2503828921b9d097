// The tenant the console shows: one customer, or all of one's tenants at once (SOC analysts).
import { useTranslation } from 'react-i18next';
import { ALL_TENANTS, useSession } from './session.js';

export function TenantSwitcher() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.tenants.length === 0) return null;
  return (
    <label className="inline-field">
      <span>{t('shell.tenant')}</span>
      <select value={session.tenant} onChange={(e) => session.setTenant(e.target.value)} data-testid="tenant">
        {session.tenants.length > 1 && <option value={ALL_TENANTS}>{t('shell.allTenants')}</option>}
        {session.tenants.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.name}
          </option>
        ))}
      </select>
    </label>
  );
}
