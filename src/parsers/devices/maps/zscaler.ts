// Zscaler ZIA NSS web feed keys -> ECS or zscaler_zia.web.* (Elastic's names), for the older and the current feed templates.

export type ZscalerConversion = 'int' | 'float' | 'ip' | 'port';

export interface ZscalerField {
  /** Where the value goes (ECS name or zscaler_zia.web.*). */
  to: string;
  /** Converted as; a value that does not convert stays under zscaler_zia.web.<key>. */
  as?: ZscalerConversion;
  /** A second name that keeps the value too (Elastic keeps both for these). */
  also?: string;
  /** NSS percent-encodes this value ("report%20Q3.xlsx"). */
  decode?: boolean;
}

const W = 'zscaler_zia.web.';

/** Keys with special handling in zscaler.ts (time, URL, user, action, rule labels, ...) are not listed here. */
export const WEB_FIELDS: Readonly<Record<string, ZscalerField>> = {
  // Addresses and ports. `cip`/`cltip` is the client as ZIA saw it; the public and internet addresses are NAT sides.
  cip: { to: 'source.ip', as: 'ip' },
  cltip: { to: 'source.ip', as: 'ip' },
  cintip: { to: 'source.nat.ip', as: 'ip' },
  cltintip: { to: 'source.nat.ip', as: 'ip' },
  cpubip: { to: W + 'client.public_ip', as: 'ip' },
  cltpubip: { to: W + 'client.public_ip', as: 'ip' },
  cltsourceport: { to: 'source.port', as: 'port' },
  sip: { to: 'destination.ip', as: 'ip' },
  serverip: { to: 'destination.ip', as: 'ip' },
  nssserviceip: { to: W + 'nss.service.ip', as: 'ip' },
  forward_gateway_ip: { to: W + 'forward_gateway.ip', as: 'ip' },
  // HTTP.
  reqmethod: { to: 'http.request.method' },
  respcode: { to: 'http.response.status_code', as: 'int' },
  reqsize: { to: 'http.request.bytes', as: 'int' },
  respsize: { to: 'http.response.bytes', as: 'int' },
  reqversion: { to: 'http.version' },
  respversion: { to: W + 'response.version' },
  reqheadersize: { to: W + 'request.header_size', as: 'int' },
  reqdatasize: { to: W + 'request.payload', as: 'int' },
  respheadersize: { to: W + 'response.header_size', as: 'int' },
  respdatasize: { to: W + 'response.payload', as: 'int' },
  totalsize: { to: W + 'total.size', as: 'int' },
  // Event.
  recordid: { to: 'event.id' },
  reason: { to: 'event.reason' },
  riskscore: { to: 'event.risk_score', as: 'float' },
  ruletype: { to: 'rule.ruleset', also: W + 'rule.type' },
  // Device and user.
  deviceowner: { to: 'source.user.name' },
  devicehostname: { to: 'host.name', also: W + 'device.hostname' },
  devicename: { to: 'host.hostname', decode: true },
  deviceosversion: { to: 'host.os.version' },
  devicetype: { to: 'host.type' },
  deviceostype: { to: W + 'device.os.type' },
  devicemodel: { to: W + 'device.model' },
  deviceappversion: { to: W + 'device.appversion' },
  external_devid: { to: 'device.id' },
  company: { to: 'organization.name' },
  dept: { to: W + 'department' },
  location: { to: W + 'location', decode: true },
  userlocationname: { to: W + 'user_location_name', decode: true },
  // Files and threats.
  sha256: { to: 'file.hash.sha256' },
  bamd5: { to: 'file.hash.md5' },
  filename: { to: 'file.name', decode: true },
  filesubtype: { to: 'file.extension', also: W + 'file.subtype' },
  filetype: { to: W + 'file.type' },
  fileclass: { to: W + 'file.class' },
  upload_filename: { to: W + 'upload.file.name', decode: true },
  upload_filetype: { to: W + 'upload.file.type' },
  upload_filesubtype: { to: W + 'upload.file.subtype' },
  upload_fileclass: { to: W + 'upload.file.class' },
  upload_doctypename: { to: W + 'upload.doc.type_name' },
  malwarecat: { to: W + 'malware.category' },
  malwarecategory: { to: W + 'malware.category' },
  malwareclass: { to: W + 'malware.class' },
  threatname: { to: W + 'threat.name' },
  threatseverity: { to: W + 'threat.severity' },
  // Applications and URL categories.
  appname: { to: W + 'app.name' },
  appclass: { to: W + 'app.class' },
  appriskscore: { to: W + 'app.risk_score' },
  urlcat: { to: W + 'url.category.sub' },
  urlsubcat: { to: W + 'url.category.sub' },
  urlsupercat: { to: W + 'url.category.super' },
  urlclass: { to: W + 'url.class' },
  urlcatmethod: { to: W + 'url.category_method' },
  // DLP.
  dlpeng: { to: W + 'dlp.engine' },
  dlpdict: { to: W + 'dlp.dictionaries.name' },
  dlpdicthitcount: { to: W + 'dlp.dictionaries.hit_count' },
  dlpidentifier: { to: W + 'dlp.identifier' },
  dlpmd5: { to: W + 'dlp.md5' },
  // TLS.
  cltsslcipher: { to: 'tls.cipher', also: W + 'client.cipher' },
  clttlsversion: { to: W + 'client.tls_version' },
  srvtlsversion: { to: W + 'server.tls_version' },
  srvsslcipher: { to: W + 'server.cipher' },
  ssldecrypted: { to: W + 'ssl_decrypted' },
  // Timing (ms) and transport.
  ctime: { to: W + 'ctime', as: 'int' },
  stime: { to: W + 'stime', as: 'int' },
  unscannabletype: { to: W + 'unscannable.type' },
  bwthrottle: { to: W + 'bandwidth_throttle' },
  datacenter: { to: W + 'datacenter.name' },
  datacentercity: { to: W + 'datacenter.city' },
  datacentercountry: { to: W + 'datacenter.country' },
  useragentclass: { to: W + 'user_agent.class' },
  useragenttoken: { to: W + 'user_agent.token' },
  applayerprotocol: { to: W + 'alpn_protocol' },
  cloudname: { to: W + 'cloud_name' },
};

/** Keys whose value names a policy rule that fired: all go to rule.name. */
export const RULE_LABEL_KEYS: readonly string[] = [
  'rulelabel',
  'urlfilterrulelabel',
  'apprulelabel',
  'dlprulename',
];

/** Values NSS writes for "nothing here"; dropped, as Elastic's current pipeline does. */
export const EMPTY_VALUES: ReadonlySet<string> = new Set(['', 'None', 'NA', 'N/A', 'NotFound']);
