// Windows event log data for the windows normalizer: Sigma logsources, ECS categorisation per event id, code tables.
import { dict } from '../endpoint-common.js';

/** Sigma `service` per event log channel (SigmaHQ's Windows logsource taxonomy). */
export const CHANNEL_SERVICES: Readonly<Record<string, string>> = dict({
  Security: 'security',
  System: 'system',
  Application: 'application',
  'Microsoft-Windows-Sysmon/Operational': 'sysmon',
  'Microsoft-Windows-Windows Defender/Operational': 'windefend',
  'Windows PowerShell': 'powershell-classic',
  'Microsoft-Windows-PowerShell/Operational': 'powershell',
  'Microsoft-Windows-TaskScheduler/Operational': 'taskscheduler',
  'Microsoft-Windows-WMI-Activity/Operational': 'wmi',
  'Microsoft-Windows-DNS-Client/Operational': 'dns-client',
  'DNS Server': 'dns-server',
  'Microsoft-Windows-DNS-Server/Analytical': 'dns-server-analytic',
  'Microsoft-Windows-Bits-Client/Operational': 'bits-client',
  'Microsoft-Windows-CodeIntegrity/Operational': 'codeintegrity-operational',
  'Microsoft-Windows-AppLocker/EXE and DLL': 'applocker',
  'Microsoft-Windows-AppLocker/MSI and Script': 'applocker',
  'Microsoft-Windows-AppLocker/Packaged app-Deployment': 'applocker',
  'Microsoft-Windows-AppLocker/Packaged app-Execution': 'applocker',
  'Microsoft-Windows-Windows Firewall With Advanced Security/Firewall': 'firewall-as',
  'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational':
    'terminalservices-localsessionmanager',
  'Microsoft-Windows-NTLM/Operational': 'ntlm',
  'Microsoft-Windows-DriverFrameworks-UserMode/Operational': 'driver-framework',
  'Microsoft-Windows-SMBClient/Security': 'smbclient-security',
  'Microsoft-Windows-PrintService/Admin': 'printservice-admin',
  'Microsoft-Windows-PrintService/Operational': 'printservice-operational',
  'Microsoft-Windows-Shell-Core/Operational': 'shell-core',
  'OpenSSH/Operational': 'openssh',
  'Microsoft-Windows-LDAP-Client/Debug': 'ldap_debug',
  'Microsoft-Windows-Security-Mitigations/Kernel Mode': 'security-mitigations',
  'Microsoft-Windows-Security-Mitigations/User Mode': 'security-mitigations',
  'Microsoft-Windows-Diagnosis-Scripted/Operational': 'diagnosis-scripted',
  'Microsoft-Windows-Kernel-Shimengine/Operational': 'shimengine',
  'Microsoft-Windows-AppXDeploymentServer/Operational': 'appxdeployment-server',
  'Microsoft-Windows-VHDMP/Operational': 'vhdmp',
});

/** Sigma categories of events outside Sysmon and Security, by channel and event id (PowerShell logging). */
export const CHANNEL_CATEGORIES: Readonly<Record<string, Readonly<Record<string, string>>>> = dict<
  Readonly<Record<string, string>>
>({
  'Microsoft-Windows-PowerShell/Operational': dict({ '4103': 'ps_module', '4104': 'ps_script' }),
  'Windows PowerShell': dict({
    '400': 'ps_classic_start',
    '600': 'ps_classic_provider_start',
    '800': 'ps_classic_script',
  }),
});

export interface EcsCategorisation {
  category?: string[];
  type: string[];
  action: string;
}

export interface SysmonEvent extends EcsCategorisation {
  /** The Sigma category of this event id (registry 12 has two, see registryDeleteCategory). */
  sigma: string;
}

/** Sysmon event ids: the Sigma category and Elastic's ECS categorisation and action names. */
export const SYSMON: Readonly<Record<string, SysmonEvent>> = dict({
  '1': { sigma: 'process_creation', category: ['process'], type: ['start'], action: 'Process creation' },
  '2': {
    sigma: 'file_change',
    category: ['file'],
    type: ['change'],
    action: 'A process changed a file creation time',
  },
  '3': {
    sigma: 'network_connection',
    category: ['network'],
    type: ['start', 'connection', 'protocol'],
    action: 'Network connection',
  },
  '4': {
    sigma: 'sysmon_status',
    category: ['process'],
    type: ['change'],
    action: 'Sysmon service state changed',
  },
  '5': { sigma: 'process_termination', category: ['process'], type: ['end'], action: 'Process terminated' },
  '6': { sigma: 'driver_load', category: ['driver'], type: ['start'], action: 'Driver loaded' },
  '7': { sigma: 'image_load', category: ['process'], type: ['change'], action: 'Image loaded' },
  '8': {
    sigma: 'create_remote_thread',
    category: ['process'],
    type: ['change'],
    action: 'CreateRemoteThread',
  },
  '9': { sigma: 'raw_access_thread', category: ['process'], type: ['access'], action: 'RawAccessRead' },
  '10': { sigma: 'process_access', category: ['process'], type: ['access'], action: 'ProcessAccess' },
  '11': { sigma: 'file_event', category: ['file'], type: ['creation'], action: 'FileCreate' },
  '12': {
    sigma: 'registry_add',
    category: ['configuration', 'registry'],
    type: ['change'],
    action: 'RegistryEvent (Object create and delete)',
  },
  '13': {
    sigma: 'registry_set',
    category: ['configuration', 'registry'],
    type: ['change'],
    action: 'RegistryEvent (Value Set)',
  },
  '14': {
    sigma: 'registry_event',
    category: ['configuration', 'registry'],
    type: ['change'],
    action: 'RegistryEvent (Key and Value Rename)',
  },
  '15': { sigma: 'create_stream_hash', category: ['file'], type: ['access'], action: 'FileCreateStreamHash' },
  '16': {
    sigma: 'sysmon_status',
    category: ['configuration'],
    type: ['change'],
    action: 'ServiceConfigurationChange',
  },
  '17': { sigma: 'pipe_created', category: ['file'], type: ['creation'], action: 'PipeEvent (Pipe Created)' },
  '18': { sigma: 'pipe_created', category: ['file'], type: ['access'], action: 'PipeEvent (Pipe Connected)' },
  '19': {
    sigma: 'wmi_event',
    category: ['process'],
    type: ['info'],
    action: 'WmiEvent (WmiEventFilter activity detected)',
  },
  '20': {
    sigma: 'wmi_event',
    category: ['process'],
    type: ['change'],
    action: 'WmiEvent (WmiEventConsumer activity detected)',
  },
  '21': {
    sigma: 'wmi_event',
    category: ['process'],
    type: ['access'],
    action: 'WmiEvent (WmiEventConsumerToFilter activity detected)',
  },
  '22': {
    sigma: 'dns_query',
    category: ['network'],
    type: ['connection', 'protocol', 'info'],
    action: 'DNSEvent (DNS query)',
  },
  '23': {
    sigma: 'file_delete',
    category: ['file'],
    type: ['deletion'],
    action: 'FileDelete (File Delete archived)',
  },
  '24': {
    sigma: 'clipboard_capture',
    type: ['change'],
    action: 'ClipboardChange (New content in the clipboard)',
  },
  '25': {
    sigma: 'process_tampering',
    category: ['process'],
    type: ['change'],
    action: 'ProcessTampering (Process image change)',
  },
  '26': {
    sigma: 'file_delete',
    category: ['file'],
    type: ['deletion'],
    action: 'FileDeleteDetected (File Delete logged)',
  },
  '27': {
    sigma: 'file_block_executable',
    category: ['file'],
    type: ['creation'],
    action: 'FileBlockExecutable',
  },
  '28': {
    sigma: 'file_block_shredding',
    category: ['file'],
    type: ['deletion'],
    action: 'FileBlockShredding',
  },
  '29': {
    sigma: 'file_executable_detected',
    category: ['file'],
    type: ['creation'],
    action: 'FileExecutableDetected',
  },
  '255': { sigma: 'sysmon_error', category: ['process'], type: ['info'], action: 'Error' },
});

/** Sigma splits Sysmon 12 by EventType: key/value deletions are registry_delete. */
export const REGISTRY_DELETE_TYPES: ReadonlySet<string> = new Set(['DeleteKey', 'DeleteValue']);

/** Whose account `user.*` describes in a Security event: the account acted on (logons) or the one acting. */
export type UserRole = 'target' | 'subject';

export interface SecurityEvent extends EcsCategorisation {
  user: UserRole;
  /** Account management: the Target* fields name the account (user.target.*) or group (group.*) changed. */
  object?: 'user' | 'group';
}

const auth = (type: string[], action: string): SecurityEvent => ({
  category: ['authentication'],
  type,
  action,
  user: 'target',
});
const iamUser = (type: string, action: string): SecurityEvent => ({
  category: ['iam'],
  type: ['user', type],
  action,
  user: 'subject',
  object: 'user',
});
const iamGroup = (type: string, action: string): SecurityEvent => ({
  category: ['iam'],
  type: ['group', type],
  action,
  user: 'subject',
  object: 'group',
});

/** Security channel event ids: ECS categorisation and Elastic's action names. */
export const SECURITY: Readonly<Record<string, SecurityEvent>> = dict({
  '1102': { category: ['iam'], type: ['admin', 'change'], action: 'audit-log-cleared', user: 'subject' },
  '4624': auth(['start'], 'logged-in'),
  '4625': auth(['start'], 'logon-failed'),
  '4634': auth(['end'], 'logged-out'),
  '4647': auth(['end'], 'logged-out'),
  '4648': { category: ['authentication'], type: ['start'], action: 'logged-in-explicit', user: 'subject' },
  '4672': { category: ['iam'], type: ['admin'], action: 'logged-in-special', user: 'subject' },
  '4688': { category: ['process'], type: ['start'], action: 'created-process', user: 'subject' },
  '4689': { category: ['process'], type: ['end'], action: 'exited-process', user: 'subject' },
  '4697': {
    category: ['iam', 'configuration'],
    type: ['admin', 'change'],
    action: 'service-installed',
    user: 'subject',
  },
  '4698': {
    category: ['iam', 'configuration'],
    type: ['creation', 'admin'],
    action: 'scheduled-task-created',
    user: 'subject',
  },
  '4719': {
    category: ['iam', 'configuration'],
    type: ['admin', 'change'],
    action: 'changed-audit-config',
    user: 'subject',
  },
  '4720': iamUser('creation', 'added-user-account'),
  '4722': iamUser('change', 'enabled-user-account'),
  '4723': iamUser('change', 'changed-password'),
  '4724': iamUser('change', 'reset-password'),
  '4725': iamUser('deletion', 'disabled-user-account'),
  '4726': iamUser('deletion', 'deleted-user-account'),
  '4728': iamGroup('change', 'added-member-to-group'),
  '4729': iamGroup('change', 'removed-member-from-group'),
  '4732': iamGroup('change', 'added-member-to-group'),
  '4733': iamGroup('change', 'removed-member-from-group'),
  '4738': iamUser('change', 'modified-user-account'),
  '4740': iamUser('change', 'locked-out-user-account'),
  '4756': iamGroup('change', 'added-member-to-group'),
  '4757': iamGroup('change', 'removed-member-from-group'),
  '4767': iamUser('change', 'unlocked-user-account'),
  '4768': auth(['start'], 'kerberos-authentication-ticket-requested'),
  '4769': auth(['start'], 'kerberos-service-ticket-requested'),
  '4771': auth(['start'], 'kerberos-preauth-failed'),
  '4776': auth(['start'], 'credential-validated'),
});

/** Windows logon types (LogonType) by number, named as Elastic's winlog.logon.type. */
export const LOGON_TYPES: Readonly<Record<string, string>> = dict({
  '0': 'System',
  '2': 'Interactive',
  '3': 'Network',
  '4': 'Batch',
  '5': 'Service',
  '7': 'Unlock',
  '8': 'NetworkCleartext',
  '9': 'NewCredentials',
  '10': 'RemoteInteractive',
  '11': 'CachedInteractive',
  '12': 'CachedRemoteInteractive',
  '13': 'CachedUnlock',
});

/** NTSTATUS codes of failed logons (4625 Status/SubStatus, 4776 Status), upper-case hex, as Microsoft describes them. */
export const LOGON_FAILURE_STATUS: Readonly<Record<string, string>> = dict({
  '0X0': 'Status OK.',
  '0XC000005E': 'There are currently no logon servers available to service the logon request.',
  '0XC0000064': 'User logon with misspelled or bad user account',
  '0XC000006A': 'User logon with misspelled or bad password',
  '0XC000006D': 'This is either due to a bad username or authentication information',
  '0XC000006E': 'Unknown user name or bad password.',
  '0XC000006F': 'User logon outside authorized hours',
  '0XC0000070': 'User logon from unauthorized workstation',
  '0XC0000071': 'User logon with expired password',
  '0XC0000072': 'User logon to account disabled by administrator',
  '0XC00000DC': 'Indicates the Sam Server was in the wrong state to perform the desired operation.',
  '0XC0000133': 'Clocks between DC and other computer too far out of sync',
  '0XC000015B': 'The user has not been granted the requested logon type (aka logon right) at this machine',
  '0XC000018C':
    'The logon request failed because the trust relationship between the primary domain and the trusted domain failed.',
  '0XC0000192': 'An attempt was made to logon, but the Netlogon service was not started.',
  '0XC0000193': 'User logon with expired account',
  '0XC0000224': 'User is required to change password at next logon',
  '0XC0000225': 'Evidently a bug in Windows and not a risk',
  '0XC0000234': 'User logon with account locked',
  '0XC00002EE': 'Failure Reason: An Error occurred during Logon',
  '0XC0000413':
    'Logon Failure: The machine you are logging onto is protected by an authentication firewall. The specified account is not allowed to authenticate to the machine.',
});

/** The %%23xx message ids of 4625 FailureReason. */
export const LOGON_FAILURE_REASONS: Readonly<Record<string, string>> = dict({
  '%%2304': 'An Error occurred during Logon.',
  '%%2305': 'The specified user account has expired.',
  '%%2306': 'The NetLogon component is not active.',
  '%%2307': 'Account locked out.',
  '%%2308': 'The user has not been granted the requested logon type at this machine.',
  '%%2309': "The specified account's password has expired.",
  '%%2310': 'Account currently disabled.',
  '%%2311': 'Account logon time restriction violation.',
  '%%2312': 'User not allowed to logon at this computer.',
  '%%2313': 'Unknown user name or bad password.',
  '%%2314': 'Domain sid inconsistent.',
  '%%2315': 'Smartcard logon is required and was not used.',
});

/** Sysmon 22 QueryStatus: the Windows error codes DNS queries end with most often. */
export const DNS_QUERY_STATUS: Readonly<Record<string, string>> = dict({
  '0': 'SUCCESS',
  '5': 'ERROR_ACCESS_DENIED',
  '8': 'ERROR_NOT_ENOUGH_MEMORY',
  '13': 'ERROR_INVALID_DATA',
  '14': 'ERROR_OUTOFMEMORY',
  '123': 'ERROR_INVALID_NAME',
  '1214': 'ERROR_INVALID_NETNAME',
  '1223': 'ERROR_CANCELLED',
  '1460': 'ERROR_TIMEOUT',
  '4312': 'ERROR_OBJECT_NOT_FOUND',
  '9001': 'DNS_ERROR_RCODE_FORMAT_ERROR',
  '9002': 'DNS_ERROR_RCODE_SERVER_FAILURE',
  '9003': 'DNS_ERROR_RCODE_NAME_ERROR',
  '9004': 'DNS_ERROR_RCODE_NOT_IMPLEMENTED',
  '9005': 'DNS_ERROR_RCODE_REFUSED',
  '9501': 'DNS_INFO_NO_RECORDS',
  '9502': 'DNS_ERROR_BAD_PACKET',
  '9503': 'DNS_ERROR_NO_PACKET',
  '9504': 'DNS_ERROR_RCODE',
  '9505': 'DNS_ERROR_UNSECURE_PACKET',
  '9506': 'DNS_REQUEST_PENDING',
  '9560': 'DNS_ERROR_INVALID_NAME_CHAR',
  '9561': 'DNS_ERROR_NUMERIC_NAME',
  '9701': 'DNS_ERROR_RECORD_DOES_NOT_EXIST',
  '9714': 'DNS_ERROR_NAME_DOES_NOT_EXIST',
  '9851': 'DNS_ERROR_NO_TCPIP',
  '9852': 'DNS_ERROR_NO_DNS_SERVERS',
  '10054': 'WSAECONNRESET',
  '10055': 'WSAENOBUFS',
  '10060': 'WSAETIMEDOUT',
});

/** DNS resource record types by number, as Sysmon writes them in QueryResults ("type:  5 name"). */
export const DNS_TYPES: Readonly<Record<string, string>> = dict({
  '1': 'A',
  '2': 'NS',
  '5': 'CNAME',
  '6': 'SOA',
  '12': 'PTR',
  '13': 'HINFO',
  '15': 'MX',
  '16': 'TXT',
  '17': 'RP',
  '18': 'AFSDB',
  '24': 'SIG',
  '25': 'KEY',
  '28': 'AAAA',
  '29': 'LOC',
  '33': 'SRV',
  '35': 'NAPTR',
  '36': 'KX',
  '37': 'CERT',
  '39': 'DNAME',
  '41': 'OPT',
  '43': 'DS',
  '46': 'RRSIG',
  '47': 'NSEC',
  '48': 'DNSKEY',
  '49': 'DHCID',
  '50': 'NSEC3',
  '52': 'TLSA',
  '64': 'SVCB',
  '65': 'HTTPS',
  '99': 'SPF',
  '255': 'ANY',
  '257': 'CAA',
  '65281': 'WINS',
  '65282': 'WINSR',
});

/** Registry hive prefixes as Sysmon and Windows write them, to ECS registry.hive abbreviations. */
export const REGISTRY_HIVES: Readonly<Record<string, string>> = dict({
  HKEY_CLASSES_ROOT: 'HKCR',
  HKCR: 'HKCR',
  HKEY_CURRENT_CONFIG: 'HKCC',
  HKCC: 'HKCC',
  HKEY_CURRENT_USER: 'HKCU',
  HKCU: 'HKCU',
  HKEY_DYN_DATA: 'HKDD',
  HKDD: 'HKDD',
  HKEY_LOCAL_MACHINE: 'HKLM',
  HKLM: 'HKLM',
  HKEY_PERFORMANCE_DATA: 'HKPD',
  HKPD: 'HKPD',
  HKEY_USERS: 'HKU',
  HKU: 'HKU',
});

/**
 * NXLog's im_msvistalog fields that describe the event record rather than its EventData, and their Winlogbeat
 * names; every other key without a dot is EventData.
 */
export const NXLOG_SYSTEM_FIELDS: Readonly<Record<string, string>> = dict({
  EventID: 'winlog.event_id',
  Channel: 'winlog.channel',
  Hostname: 'winlog.computer_name',
  SourceName: 'winlog.provider_name',
  ProviderGuid: 'winlog.provider_guid',
  RecordNumber: 'winlog.record_id',
  ProcessID: 'winlog.process.pid',
  ThreadID: 'winlog.process.thread.id',
  Version: 'winlog.version',
  Category: 'winlog.task',
  Opcode: 'winlog.opcode',
  ActivityID: 'winlog.activity_id',
  RelatedActivityID: 'winlog.related_activity_id',
  UserID: 'winlog.user.identifier',
  AccountName: 'winlog.user.name',
  Domain: 'winlog.user.domain',
  AccountType: 'winlog.user.type',
  Message: 'message',
  EventTime: 'nxlog.EventTime',
  EventReceivedTime: 'nxlog.EventReceivedTime',
  EventType: 'nxlog.EventType',
  Severity: 'nxlog.Severity',
  SeverityValue: 'nxlog.SeverityValue',
  Keywords: 'nxlog.Keywords',
  Task: 'nxlog.Task',
  OpcodeValue: 'nxlog.OpcodeValue',
  SourceModuleName: 'nxlog.SourceModuleName',
  SourceModuleType: 'nxlog.SourceModuleType',
  ERRORLEVEL: 'nxlog.ERRORLEVEL',
});

/** NXLog's Severity words to the level names Winlogbeat writes in winlog.level / log.level. */
export const NXLOG_LEVELS: Readonly<Record<string, string>> = dict({
  DEBUG: 'verbose',
  INFO: 'information',
  WARNING: 'warning',
  ERROR: 'error',
  CRITICAL: 'critical',
});

/** NXLog's EventType for audit events to Winlogbeat's winlog.keywords. */
export const NXLOG_AUDIT_KEYWORDS: Readonly<Record<string, string>> = dict({
  AUDIT_SUCCESS: 'Audit Success',
  AUDIT_FAILURE: 'Audit Failure',
});

/** The values NXLog itself writes in EventType; anything else there is an EventData field of the same name. */
export const NXLOG_EVENT_TYPES: ReadonlySet<string> = new Set([
  'CRITICAL',
  'ERROR',
  'WARNING',
  'INFO',
  'VERBOSE',
  'AUDIT_SUCCESS',
  'AUDIT_FAILURE',
]);
