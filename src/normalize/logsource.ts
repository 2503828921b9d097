// The Sigma logsource a generic syslog event routes on, from well-known Linux program names (data, not code).
import type { FieldValue, LogSource } from '../core/event.js';

/**
 * Program name (syslog APP-NAME / TAG) -> Sigma `service` under `product: linux`. Only programs that are
 * Linux-specific are listed: a syslog line from a firewall must not route to Linux rules. Sigma's
 * `service: auth` (auth.log) spans several of these; the rule engine maps it, not the parser.
 */
export const LINUX_SERVICES: Readonly<Record<string, string>> = {
  sshd: 'sshd',
  sudo: 'sudo',
  su: 'su',
  cron: 'cron',
  CRON: 'cron',
  crond: 'cron',
  anacron: 'cron',
  auditd: 'auditd',
  audispd: 'auditd',
  vsftpd: 'vsftpd',
  clamd: 'clamav',
  freshclam: 'clamav',
  guacd: 'guacamole',
  'systemd-logind': 'systemd-logind',
  useradd: 'useradd',
  usermod: 'usermod',
  groupadd: 'groupadd',
  passwd: 'passwd',
  login: 'login',
};

/** Logsource for an event no parser named one for; empty when nothing is obvious. */
export function inferLogsource(fields: Record<string, FieldValue>): LogSource {
  const app = fields['process.name'];
  if (typeof app === 'string' && fields['log.syslog.appname'] === app) {
    const service = Object.prototype.hasOwnProperty.call(LINUX_SERVICES, app)
      ? LINUX_SERVICES[app]
      : undefined;
    if (service) return { product: 'linux', service };
  }
  return {};
}
