// FortiSandbox syslog keys as data (FortiSandbox Log Message Reference: alert MALWARE / NETATTACK / URL and
// event logs): key -> ECS field with its conversion, and the verdicts (ratings) the sandbox gives.

export type FsaConversion = 'string' | 'lower' | 'ip' | 'port' | 'int' | 'float' | 'hash' | 'epoch';

/** FortiSandbox key -> ECS field. Keys not listed stay under fortinet.sandbox.<key>. */
export const FSA_TO_ECS: Readonly<Record<string, readonly [field: string, conversion: FsaConversion]>> = {
  srcip: ['source.ip', 'ip'],
  srcport: ['source.port', 'port'],
  dstip: ['destination.ip', 'ip'],
  dstport: ['destination.port', 'port'],
  suser: ['source.user.name', 'string'],
  user: ['user.name', 'string'],
  md5: ['file.hash.md5', 'hash'],
  sha1: ['file.hash.sha1', 'hash'],
  sha256: ['file.hash.sha256', 'hash'],
  fsize: ['file.size', 'int'],
  filesize: ['file.size', 'int'],
  ftype: ['file.type', 'string'],
  mname: ['rule.name', 'string'],
  malware: ['rule.name', 'string'],
  attackname: ['rule.name', 'string'],
  attackid: ['rule.id', 'string'],
  virusid: ['rule.id', 'string'],
  url: ['url.original', 'string'],
  host: ['destination.domain', 'string'],
  proto: ['network.protocol', 'lower'],
  score: ['event.risk_score', 'float'],
  scanstart: ['event.start', 'epoch'],
  scaned: ['event.end', 'epoch'],
  logid: ['event.code', 'string'],
  level: ['log.level', 'lower'],
  msg: ['message', 'string'],
  devid: ['observer.serial_number', 'string'],
  devname: ['observer.name', 'string'],
};

/** Keys that name the submitted file: a bare name or a path. */
export const FILE_KEYS: readonly string[] = ['fname', 'filename', 'file'];
/** Keys that carry the verdict. */
export const RATING_KEYS: readonly string[] = ['rating', 'risk', 'verdict', 'vrating'];

export interface Verdict {
  /** A finding (Malicious down to Low Risk) is an ECS alert; Clean and Unknown are events. */
  alert: boolean;
  /** ECS event.severity, 0 (clean) to 4 (malicious). */
  severity: number;
}

/** Verdicts in lower case, without blanks ("high risk" and "highrisk" are both read). */
export const VERDICTS: Readonly<Record<string, Verdict>> = {
  clean: { alert: false, severity: 0 },
  unknown: { alert: false, severity: 0 },
  lowrisk: { alert: true, severity: 1 },
  low: { alert: true, severity: 1 },
  mediumrisk: { alert: true, severity: 2 },
  medrisk: { alert: true, severity: 2 },
  medium: { alert: true, severity: 2 },
  highrisk: { alert: true, severity: 3 },
  high: { alert: true, severity: 3 },
  malicious: { alert: true, severity: 4 },
};

/** Job status (jstatus) -> event.outcome: did the sandbox finish the analysis. */
export const JOB_OUTCOMES: Readonly<Record<string, 'success' | 'failure'>> = {
  done: 'success',
  finished: 'success',
  completed: 'success',
  failed: 'failure',
  timeout: 'failure',
  'timed out': 'failure',
  error: 'failure',
};
