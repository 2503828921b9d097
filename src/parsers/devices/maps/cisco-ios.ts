// Cisco IOS message maps (data): mnemonic -> how the text is read, severity names, time zone abbreviations.

/** How a mnemonic's text is read (one reader per kind in cisco-ios.ts). */
export type IosKind =
  | 'acl'
  | 'acl_standard'
  | 'acl_rate_limit'
  | 'link'
  | 'line_protocol'
  | 'config'
  | 'config_command'
  | 'login'
  | 'web_login'
  | 'ssh_userauth'
  | 'logout';

/** Mnemonic (the part after "%FACILITY-SEVERITY-") -> its kind. Mnemonics not listed keep the header fields only. */
export const MNEMONICS: Readonly<Record<string, IosKind>> = {
  // ACL logging: P = ports, DP = ICMP type/code, RP = IGMP/other routed, SP = IGMP type, NP = protocol number.
  IPACCESSLOGP: 'acl',
  IPACCESSLOGDP: 'acl',
  IPACCESSLOGRP: 'acl',
  IPACCESSLOGSP: 'acl',
  IPACCESSLOGNP: 'acl',
  ACCESSLOGP: 'acl',
  ACCESSLOGDP: 'acl',
  ACCESSLOGSP: 'acl',
  ACCESSLOGNP: 'acl',
  IPACCESSLOGS: 'acl_standard',
  ACCESSLOGS: 'acl_standard',
  IPACCESSLOGRL: 'acl_rate_limit',
  UPDOWN: 'link',
  CHANGED: 'link',
  CONFIG_I: 'config',
  CONFIG_P: 'config',
  CFGLOG_LOGGEDCMD: 'config_command',
  LOGIN_SUCCESS: 'login',
  LOGIN_FAILED: 'login',
  WEBLOGIN_SUCCESS: 'web_login',
  WEBLOGIN_FAILED: 'web_login',
  SSH2_USERAUTH: 'ssh_userauth',
  LOGOUT: 'logout',
};

/** Facility + mnemonic pairs whose kind differs from the mnemonic alone ("UPDOWN" is LINK or LINEPROTO). */
export const FACILITY_KINDS: Readonly<Record<string, IosKind>> = {
  'LINEPROTO-UPDOWN': 'line_protocol',
};

/**
 * Kinds routed to Sigma's `{ product: cisco, service: aaa }` rules: logins and the command log those
 * rules' keywords ("clear logging", "no logging", ...) are written for. Everything else is service: syslog,
 * web UI logins included: SigmaHQ's IOS XE rule (CVE-2023-20198) looks for them under service: syslog.
 */
export const AAA_KINDS: ReadonlySet<IosKind> = new Set(['login', 'ssh_userauth', 'logout', 'config_command']);

/** Syslog severity -> log.level: IOS and ASA name their logging levels alike. */
export { LOG_LEVELS } from './cisco-asa.js';

/**
 * Time zone abbreviations IOS writes after its timestamps (`clock timezone`), in minutes east of UTC. Ambiguous
 * ones (IST) are left out: their times are read in the tenant's zone.
 */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};
