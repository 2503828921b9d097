// Check Point Log Exporter field maps (data): Check Point keys -> ECS names, following Elastic's checkpoint integration.

/** Keys copied as text. */
export const TEXT_FIELDS: Readonly<Record<string, string>> = {
  origin: 'observer.name',
  product: 'observer.product',
  action: 'event.action',
  loguid: 'event.id',
  rule_uid: 'rule.uuid',
  rule_name: 'rule.name',
  layer_name: 'network.name',
  service_id: 'network.application',
  inzone: 'observer.ingress.zone',
  outzone: 'observer.egress.zone',
  src_user_name: 'source.user.name',
  dst_user_name: 'destination.user.name',
  src_machine_name: 'source.domain',
  dst_machine_name: 'destination.domain',
  administrator: 'user.name',
  method: 'http.request.method',
  user_agent: 'user_agent.original',
  referrer: 'http.request.referrer',
  file_name: 'file.name',
  file_type: 'file.type',
  dns_query: 'dns.question.name',
  dns_type: 'dns.question.type',
  matched_category: 'rule.category',
  reason: 'event.reason',
};

/** Keys holding whole numbers (ports are checked to be ports). */
export const INT_FIELDS: Readonly<Record<string, string>> = {
  s_port: 'source.port',
  service: 'destination.port',
  sequencenum: 'event.sequence',
  bytes: 'network.bytes',
  packets: 'network.packets',
  client_outbound_bytes: 'source.bytes',
  client_inbound_bytes: 'destination.bytes',
  client_outbound_packets: 'source.packets',
  client_inbound_packets: 'destination.packets',
  file_size: 'file.size',
  http_status: 'http.response.status_code',
};

/** Keys holding addresses. */
export const IP_FIELDS: Readonly<Record<string, string>> = {
  src: 'source.ip',
  dst: 'destination.ip',
};

/** Keys read into ECS fields by code or only used to work something out; not kept under checkpoint.*. */
export const CONSUMED: ReadonlySet<string> = new Set([
  ...Object.keys(TEXT_FIELDS),
  ...Object.keys(INT_FIELDS),
  ...Object.keys(IP_FIELDS),
  'proto',
  'resource',
  'ifdir',
  'ifname',
  'xlatesrc',
  'xlatedst',
  'xlatesport',
  'xlatedport',
  'file_md5',
  'file_sha1',
  'file_sha256',
  'time',
]);

/** Software blades whose logs are detections: their ECS categories beside "network". */
export const DETECTION_BLADES: Readonly<Record<string, readonly string[]>> = {
  'Anti-Virus': ['malware'],
  'Anti-Malware': ['malware'],
  'Anti-Bot': ['malware', 'intrusion_detection'],
  'Threat Emulation': ['malware'],
  'Threat Extraction': ['malware'],
  IPS: ['intrusion_detection'],
  SmartDefense: ['intrusion_detection'],
};

/** Blades of administrator activity and user identification: their ECS categories. */
export const OTHER_BLADES: Readonly<Record<string, readonly string[]>> = {
  'Identity Awareness': ['authentication'],
  SmartConsole: ['configuration'],
  'Security Management': ['configuration'],
  WEB_API: ['configuration'],
};

/** `action` values: what passed, and what was stopped. */
export const ALLOWED_ACTIONS: ReadonlySet<string> = new Set(['Accept', 'Allow', 'Detect', 'Inform']);
export const DENIED_ACTIONS: ReadonlySet<string> = new Set([
  'Drop',
  'Reject',
  'Block',
  'Prevent',
  'Redirect',
]);
