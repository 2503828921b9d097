// Symantec Endpoint Protection Manager syslog as data: label aliases, the log types (which labels make
// which log, and the names of their unlabeled columns), and label -> ECS field with its conversion.
// Names follow Elastic's symantec_endpoint integration (symantec_endpoint.log.<label in snake case>).

/** Labels SEPM spells two ways, as Elastic folds them. */
export const LABEL_ALIASES: Readonly<Record<string, string>> = {
  computer: 'computer_name',
  domain: 'domain_name',
  end_time: 'end',
  group_name: 'group',
  local: 'local_host_ip',
  local_host: 'local_host_ip',
  server_name: 'server',
  user: 'user_name',
};

export type LogsourceKind = 'antivirus' | 'firewall' | 'none';

export interface SepLogType {
  /** event.provider, as Broadcom names the log (and Elastic after it). */
  name: string;
  /** Labels that must all be present; the first type whose labels are present wins. */
  requires: readonly string[];
  /** Labels that must be absent. */
  absent?: readonly string[];
  /**
   * Names of unlabeled columns: `from` is a column index, or the label of the column they follow. Only
   * columns without a label are named; a label where a name is expected stops the run.
   */
  columns: readonly { from: number | string; names: readonly string[] }[];
  category?: readonly string[];
  type?: readonly string[];
  kind?: 'alert';
  logsource: LogsourceKind;
}

// Order matters: Proactive Detection carries every Risk label too, Policy every Administrative label.
export const LOG_TYPES: readonly SepLogType[] = [
  {
    name: 'Agent Proactive Detection Log',
    requires: ['detection_type', 'risk_name'],
    columns: [
      { from: 0, names: ['event_description'] },
      { from: 'coh_engine_version', names: ['submission_recommended'] },
      { from: 'occurrences', names: ['file_path', 'description'] },
    ],
    category: ['malware'],
    type: ['info'],
    kind: 'alert',
    logsource: 'antivirus',
  },
  {
    name: 'Agent Risk Log',
    requires: ['risk_name', 'actual_action'],
    columns: [
      { from: 0, names: ['event_description'] },
      { from: 'occurrences', names: ['file_path', 'description'] },
    ],
    category: ['malware'],
    type: ['info'],
    kind: 'alert',
    logsource: 'antivirus',
  },
  {
    name: 'Agent Scan Log',
    requires: ['scan_id'],
    columns: [
      { from: 'end', names: ['action'] },
      { from: 'user2', names: ['event_description'] },
    ],
    logsource: 'none',
  },
  {
    name: 'Agent Security Log',
    requires: ['cids_signature_id'],
    columns: [{ from: 'remote_host_mac', names: ['traffic_direction', 'network_protocol'] }],
    category: ['intrusion_detection', 'network', 'process'],
    type: ['connection'],
    kind: 'alert',
    logsource: 'none',
  },
  {
    name: 'Agent Traffic Log',
    requires: ['local_host_ip', 'remote_host_ip', 'rule'],
    columns: [{ from: 'remote_host_mac', names: ['network_protocol', 'traffic_direction'] }],
    category: ['network'],
    type: ['connection'],
    logsource: 'firewall',
  },
  {
    name: 'Agent Packet Log',
    requires: ['local_host_ip', 'remote_host_ip', 'action'],
    absent: ['begin'],
    columns: [{ from: 'remote_port', names: ['traffic_direction'] }],
    category: ['network'],
    type: ['connection'],
    logsource: 'firewall',
  },
  {
    name: 'Agent Behavior Log',
    requires: ['begin', 'rule', 'action_type'],
    columns: [
      { from: 1, names: ['local_host_ip', 'action', 'event_description', 'api_name'] },
      {
        from: 'rule',
        names: [
          'caller_process_id',
          'caller_process_name',
          'caller_return_address',
          'caller_return_module_name',
          'parameters',
        ],
      },
    ],
    category: ['intrusion_detection', 'process'],
    logsource: 'none',
  },
  {
    name: 'Agent System Log',
    requires: ['category', 'event_time'],
    columns: [{ from: 'category', names: ['event_source', 'event_description'] }],
    logsource: 'none',
  },
  {
    name: 'Policy Log',
    requires: ['site', 'admin', 'event_description'],
    columns: [{ from: 'event_description', names: ['policy_name'] }],
    category: ['configuration'],
    logsource: 'none',
  },
  {
    name: 'Administrative Log',
    requires: ['site', 'admin'],
    columns: [{ from: 'admin', names: ['event_description'] }],
    logsource: 'none',
  },
  {
    name: 'Agent Activity Log',
    requires: ['site', 'server', 'domain_name'],
    columns: [
      { from: 'domain_name', names: ['event_description', 'local_host_name', 'user_name', 'domain_name'] },
    ],
    logsource: 'none',
  },
  {
    name: 'System Log',
    requires: ['site', 'server'],
    columns: [{ from: 'server', names: ['event_description'] }],
    logsource: 'none',
  },
];

/**
 * How a value becomes ECS: text, lower case, a number, a port or IP (0 / 0.0.0.0 mean "none"), a MAC in
 * ECS form, a time ("yyyy-MM-dd HH:mm:ss", UTC), seconds to nanoseconds, a 40-hex SHA-1,
 * a direction (inbound/outbound -> ingress/egress: the endpoint is the host), or one more value of a list.
 */
export type SepConversion =
  | 'string'
  | 'lower'
  | 'int'
  | 'port'
  | 'ip'
  | 'mac'
  | 'time'
  | 'unix'
  | 'seconds_ns'
  | 'sha1'
  | 'direction'
  | 'append';

/** Label -> ECS field. When two labels name the same field the first present in the line wins. */
export const SEP_TO_ECS: Readonly<Record<string, readonly [field: string, conversion: SepConversion]>> = {
  action: ['event.action', 'lower'],
  actual_action: ['event.action', 'string'],
  admin: ['user.name', 'string'],
  application: ['process.executable', 'string'],
  caller_process_name: ['process.executable', 'string'],
  downloaded_by: ['process.executable', 'string'],
  caller_process_id: ['process.pid', 'int'],
  application_name: ['file.pe.product', 'string'],
  application_version: ['file.pe.file_version', 'string'],
  company_name: ['file.pe.company', 'string'],
  begin: ['event.start', 'time'],
  end: ['event.end', 'time'],
  certificate_issuer: ['file.x509.issuer.common_name', 'append'],
  certificate_signer: ['file.x509.issuer.common_name', 'append'],
  certificate_serial_number: ['file.x509.serial_number', 'string'],
  certificate_thumbprint: ['file.hash.sha1', 'sha1'],
  signing_timestamp: ['file.x509.not_before', 'unix'],
  computer_name: ['host.hostname', 'string'],
  domain_name: ['user.domain', 'string'],
  user_name: ['user.name', 'string'],
  user1: ['user.name', 'string'],
  download_site: ['url.original', 'string'],
  duration_seconds: ['event.duration', 'seconds_ns'],
  event_description: ['message', 'string'],
  file_path: ['file.path', 'string'],
  file_size_bytes: ['file.size', 'int'],
  intrusion_id: ['rule.id', 'string'],
  intrusion_url: ['url.original', 'string'],
  ip_address: ['host.ip', 'ip'],
  local_host_ip: ['source.ip', 'ip'],
  local_host_mac: ['source.mac', 'mac'],
  local_host_name: ['source.domain', 'string'],
  local_port: ['source.port', 'port'],
  source_computer: ['source.domain', 'string'],
  source_ip: ['source.ip', 'ip'],
  location: ['source.geo.name', 'string'],
  remote_host_ip: ['destination.ip', 'ip'],
  remote_host_mac: ['destination.mac', 'mac'],
  remote_host_name: ['destination.domain', 'string'],
  remote_port: ['destination.port', 'port'],
  'md-5': ['process.hash.md5', 'lower'],
  'sha-256': ['process.hash.sha256', 'lower'],
  network_protocol: ['network.transport', 'lower'],
  traffic_direction: ['network.direction', 'direction'],
  occurrences: ['event.count', 'int'],
  rule: ['rule.name', 'string'],
  risk_name: ['rule.name', 'string'],
  cids_signature_string: ['rule.name', 'string'],
};

/** Times kept in the namespace converted to ISO 8601, as Elastic does. */
export const NAMESPACE_TIMES: Readonly<Record<string, 'time' | 'unix'>> = {
  event_time: 'time',
  inserted: 'time',
  last_update_time: 'time',
  signing_timestamp: 'unix',
};
