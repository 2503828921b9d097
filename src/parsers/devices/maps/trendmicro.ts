// Trend Micro CEF as data: which Deep Security event class IDs and Apex Central event ID prefixes mean which
// kind of event, what that kind sets (ECS categorization, Sigma logsource), and custom-field labels -> ECS.
import type { LogSource } from '../../../core/event.js';

export type TrendClass =
  | 'malware'
  | 'web_reputation'
  | 'firewall'
  | 'ips'
  | 'integrity'
  | 'log_inspection'
  | 'app_control'
  | 'device_control'
  | 'system'
  | 'behavior'
  | 'cnc'
  | 'email';

export interface ClassTraits {
  kind?: 'alert';
  category?: readonly string[];
  type: readonly string[];
  logsource: LogSource;
  /** The CEF event name is the name of the rule or signature that fired (rule.name). */
  nameIsRule?: boolean;
  /** The CEF class id is the rule's id (Deep Security IPS, integrity and log inspection rules). */
  idIsRule?: boolean;
}

const PRODUCT: LogSource = { product: 'trendmicro' };

export const CLASS_TRAITS: Readonly<Record<TrendClass, ClassTraits>> = {
  malware: {
    kind: 'alert',
    category: ['malware'],
    type: ['info'],
    logsource: { product: 'trendmicro', category: 'antivirus' },
  },
  web_reputation: { category: ['web'], type: ['info'], logsource: PRODUCT },
  firewall: {
    category: ['network'],
    type: ['connection'],
    logsource: { product: 'trendmicro', category: 'firewall' },
    nameIsRule: true,
  },
  ips: {
    kind: 'alert',
    category: ['intrusion_detection', 'network'],
    type: ['info'],
    logsource: { product: 'trendmicro', category: 'ips' },
    nameIsRule: true,
    idIsRule: true,
  },
  integrity: { category: ['file'], type: ['change'], logsource: PRODUCT, nameIsRule: true, idIsRule: true },
  log_inspection: {
    kind: 'alert',
    category: ['intrusion_detection'],
    type: ['info'],
    logsource: PRODUCT,
    nameIsRule: true,
    idIsRule: true,
  },
  app_control: { category: ['process'], type: ['info'], logsource: PRODUCT },
  device_control: { category: ['host'], type: ['info'], logsource: PRODUCT },
  system: { type: ['info'], logsource: PRODUCT },
  behavior: {
    kind: 'alert',
    category: ['process', 'intrusion_detection'],
    type: ['info'],
    logsource: PRODUCT,
  },
  cnc: {
    kind: 'alert',
    category: ['network', 'intrusion_detection'],
    type: ['info'],
    logsource: PRODUCT,
  },
  email: { category: ['email'], type: ['info'], logsource: PRODUCT },
};

/** Deep Security (and Cloud One Workload Security) event class ID ranges, from Trend Micro's syslog reference. */
export const DEEP_SECURITY_RANGES: readonly (readonly [from: number, to: number, cls: TrendClass])[] = [
  [10, 10, 'ips'],
  [20, 21, 'firewall'],
  [30, 30, 'integrity'],
  [40, 40, 'log_inspection'],
  [100, 7499, 'system'],
  [1_000_000, 1_999_999, 'ips'],
  [2_000_000, 2_999_999, 'integrity'],
  [3_000_000, 3_999_999, 'log_inspection'],
  [4_000_000, 4_999_999, 'malware'],
  [5_000_000, 5_999_999, 'web_reputation'],
  [6_000_000, 6_999_999, 'app_control'],
  [7_000_000, 7_999_999, 'device_control'],
];

/** Apex Central (Apex One, OfficeScan via Control Manager) event IDs: "<prefix>:<action or id>". */
export const APEX_PREFIXES: Readonly<Record<string, TrendClass>> = {
  AV: 'malware',
  SPY: 'malware',
  PML: 'malware',
  FH: 'malware',
  BM: 'behavior',
  WB: 'web_reputation',
  CnC: 'cnc',
  MS: 'email',
};

/** Apex Central event IDs without a prefix. */
export const APEX_IDS: Readonly<Record<string, TrendClass>> = {
  'Spyware Detected': 'malware',
};

/**
 * Custom-field labels (cs1Label=..., lower case, letters and digits only) -> ECS. Both products label
 * their custom fields; the label says what the value is.
 */
export const LABEL_TO_ECS: Readonly<Record<string, string>> = {
  hostid: 'host.id',
  sha1: 'file.hash.sha1',
  md5: 'file.hash.md5',
  sha256: 'file.hash.sha256',
  lidescription: 'rule.description',
  virusname: 'rule.name',
  securitythreat: 'rule.name',
  detectionname: 'rule.name',
  slfpolicyname: 'rule.ruleset',
};

/** Deep Security's own extension keys -> ECS (hashes lower-cased). */
export const EXTENSION_TO_ECS: Readonly<Record<string, string>> = {
  TrendMicroDsFileMD5: 'file.hash.md5',
  TrendMicroDsFileSHA1: 'file.hash.sha1',
  TrendMicroDsFileSHA256: 'file.hash.sha256',
};

/** Apex Central web violation (WB:) actions are numbers: 1 pass, 2 block, 3 monitor, 4 delete, 5 quarantine, 6 warn, 7 warn and continue, 8 override. */
export const APEX_WEB_ACTION_TYPES: Readonly<Record<string, 'allowed' | 'denied'>> = {
  '1': 'allowed',
  '2': 'denied',
  '4': 'denied',
  '5': 'denied',
  '7': 'allowed',
  '8': 'allowed',
};
