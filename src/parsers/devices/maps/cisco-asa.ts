// Cisco ASA / FTD message maps (data): per message ID, the text patterns and the ECS categorization.
//
// A pattern's `groups` names its capture groups in order. Names with a dot are ECS fields; names starting
// with "asa." go under the vendor namespace (cisco.asa.* or cisco.ftd.*); a few pseudo-names are converted
// by the parser: "user" / "source.user" / "destination.user" (DOMAIN\user, user@domain), "duration" (h:mm:ss),
// "outcome" (picks `byOutcome`), null (matched, not kept). Outbound 302013/302015 and inbound 302020 list
// their addresses the other way round: the initiator is the source (Cisco's syslog guide; Elastic's
// pipeline swaps outbound 302013/302015 the same way).

export interface AsaPattern {
  re: RegExp;
  groups: readonly (string | null)[];
  /** Constant fields set when this pattern matches. */
  set?: Readonly<Record<string, string>>;
}

export interface AsaCategorization {
  category?: readonly string[];
  type?: readonly string[];
  outcome?: string;
  action?: string;
}

export interface AsaMessage extends AsaCategorization {
  patterns?: readonly AsaPattern[];
  /** Categorization by the "outcome" group's value (106100's permitted / denied). */
  byOutcome?: Readonly<Record<string, AsaCategorization>>;
}

/** Syslog severity -> log.level as Cisco (ASA and IOS) names its logging levels. */
export const LOG_LEVELS: readonly string[] = [
  'emergencies',
  'alert',
  'critical',
  'error',
  'warning',
  'notification',
  'informational',
  'debug',
];

// Building blocks (each adds one capture group unless said otherwise).
const IF = String.raw`([^:\s]+)`; // nameif before ":address"
/** An optional "nameif:" before an address that may be IPv6: the name must hold a letter that is not hex. */
const IF_OPT = String.raw`(?:([\w.-]*[g-zG-Z_][\w.-]*):)?`;
const ADDR = String.raw`([^\s/()]+)`;
const PORT = String.raw`(\d+)`;
/** Identity firewall user or security group after an address: "(LOCAL\jdoe)", " (jdoe, 5:sgt)". */
const USER = String.raw`\s?(?:\((?!type )([^)]*)\))?`;
const DURATION = String.raw`(\d+:\d\d:\d\d)`;

const DENIED: AsaCategorization = {
  type: ['connection', 'denied'],
  outcome: 'failure',
  action: 'firewall-rule',
};
const ALLOWED: AsaCategorization = {
  type: ['connection', 'allowed'],
  outcome: 'success',
  action: 'firewall-rule',
};
const LOGGED_IN: AsaCategorization = {
  category: ['authentication', 'network'],
  type: ['allowed', 'info'],
  outcome: 'success',
  action: 'logged-in',
};
const LOGON_FAILED: AsaCategorization = {
  category: ['authentication', 'network'],
  type: ['denied', 'info'],
  outcome: 'failure',
  action: 'logon-failed',
};
const CONFIG_CHANGE: AsaCategorization = {
  category: ['configuration'],
  type: ['change'],
  outcome: 'success',
  action: 'configuration',
};

const re = (s: string): RegExp => new RegExp(s);

const BUILT_CONN = (dir: string): string =>
  `^Built ${dir} (\\S+) connection (\\S+) for ${IF}:${ADDR}/${PORT} \\(${ADDR}/${PORT}\\)${USER} to ` +
  `${IF}:${ADDR}/${PORT} \\(${ADDR}/${PORT}\\)${USER}`;

const TEARDOWN_CONN =
  `^Teardown (\\S+) (?:state-bypass )?connection (\\S+) (?:for|from) ${IF}:${ADDR}/${PORT}${USER} ?to ` +
  `${IF}:${ADDR}/${PORT}${USER} ?duration ${DURATION} bytes (\\d+)` +
  String.raw`(?: (?!from )([^(]*?))?(?: from (\S+))?(?: \(([^)]*)\))?\s*$`;

const BUILT_ICMP = (dir: string): string =>
  `^Built ${dir} (\\S+) connection for faddr ${IF_OPT}${ADDR}/\\d+${USER} ?gaddr (?:[\\w.-]*[g-zG-Z_][\\w.-]*:)?` +
  `${ADDR}/\\d+ laddr ${IF_OPT}${ADDR}/\\d+${USER}(?:\\s*type (\\d+) code (\\d+))?`;

/** "Group <g> User <u> IP <a> rest" and the older bracket-less form. */
const VPN = (rest: string): RegExp[] => [
  re(`^Group <([^>]*)> User <([^>]*)> IP <([^>]*)> ${rest}`),
  re(`^Group (\\S+) User (\\S+) IP (\\S+) ${rest}`),
];

const vpn = (rest: string, groups: readonly (string | null)[]): AsaPattern[] =>
  VPN(rest).map((r) => ({ re: r, groups }));

/** 302013 (TCP) and 302015 (UDP). */
const BUILT_CONNECTION: AsaMessage = {
  patterns: [
    {
      re: re(BUILT_CONN('inbound')),
      set: { 'network.direction': 'inbound' },
      groups: [
        'network.transport',
        'asa.connection_id',
        'asa.source_interface',
        'source.address',
        'source.port',
        'asa.mapped_source_ip',
        'asa.mapped_source_port',
        'source.user',
        'asa.destination_interface',
        'destination.address',
        'destination.port',
        'asa.mapped_destination_ip',
        'asa.mapped_destination_port',
        'destination.user',
      ],
    },
    {
      re: re(BUILT_CONN('outbound')),
      set: { 'network.direction': 'outbound' },
      groups: [
        'network.transport',
        'asa.connection_id',
        'asa.destination_interface',
        'destination.address',
        'destination.port',
        'asa.mapped_destination_ip',
        'asa.mapped_destination_port',
        'destination.user',
        'asa.source_interface',
        'source.address',
        'source.port',
        'asa.mapped_source_ip',
        'asa.mapped_source_port',
        'source.user',
      ],
    },
  ],
  type: ['connection', 'start'],
  outcome: 'success',
  action: 'flow-creation',
};

/** 302014 (TCP) and 302016 (UDP). */
const TEARDOWN_CONNECTION: AsaMessage = {
  patterns: [
    {
      re: re(TEARDOWN_CONN),
      groups: [
        'network.transport',
        'asa.connection_id',
        'asa.source_interface',
        'source.address',
        'source.port',
        'source.user',
        'asa.destination_interface',
        'destination.address',
        'destination.port',
        'destination.user',
        'duration',
        'network.bytes',
        'event.reason',
        'asa.termination_initiator',
        'asa.termination_user',
      ],
    },
  ],
  type: ['connection', 'end'],
  action: 'flow-expiration',
};

/** Message ID -> how to read it and how to categorize it (Elastic's cisco_asa categorization where it has one). */
export const MESSAGES: Readonly<Record<string, AsaMessage>> = {
  // Connections and translations.
  '302013': BUILT_CONNECTION,
  '302014': TEARDOWN_CONNECTION,
  '302015': BUILT_CONNECTION,
  '302016': { ...TEARDOWN_CONNECTION, outcome: 'success' },
  '302020': {
    patterns: [
      {
        re: re(BUILT_ICMP('inbound')),
        set: { 'network.direction': 'inbound' },
        groups: [
          'network.transport',
          'asa.source_interface',
          'source.address',
          'source.user',
          'asa.mapped_destination_ip',
          'asa.destination_interface',
          'destination.address',
          'destination.user',
          'asa.icmp_type',
          'asa.icmp_code',
        ],
      },
      {
        re: re(BUILT_ICMP('outbound')),
        set: { 'network.direction': 'outbound' },
        groups: [
          'network.transport',
          'asa.destination_interface',
          'destination.address',
          'destination.user',
          'asa.mapped_source_ip',
          'asa.source_interface',
          'source.address',
          'source.user',
          'asa.icmp_type',
          'asa.icmp_code',
        ],
      },
    ],
    type: ['connection', 'start'],
    outcome: 'success',
    action: 'flow-creation',
  },
  '302021': {
    patterns: [
      {
        // The direction is not logged: the local address is the source, as Elastic reads it.
        re: re(
          `^Teardown (\\S+) connection for faddr ${IF_OPT}${ADDR}/\\d+${USER} ?gaddr ` +
            `(?:[\\w.-]*[g-zG-Z_][\\w.-]*:)?${ADDR}/\\d+ laddr ${IF_OPT}${ADDR}/\\d+${USER}` +
            `(?:\\s*type (\\d+) code (\\d+))?(?:\\s*duration ${DURATION} bytes (\\d+))?`,
        ),
        groups: [
          'network.transport',
          'asa.destination_interface',
          'destination.address',
          'destination.user',
          'asa.mapped_source_ip',
          'asa.source_interface',
          'source.address',
          'source.user',
          'asa.icmp_type',
          'asa.icmp_code',
          'duration',
          'network.bytes',
        ],
      },
    ],
    type: ['connection', 'end'],
    outcome: 'success',
    action: 'flow-expiration',
  },
  '305011': {
    patterns: [
      {
        // The second address is the first one's translation, not a destination.
        re: re(
          `^Built (\\S+) (\\S+) translation from ${IF}:${ADDR}(?:/${PORT})?${USER} to ${IF}:${ADDR}(?:/${PORT})?`,
        ),
        groups: [
          'asa.translation_type',
          'network.transport',
          'asa.source_interface',
          'source.address',
          'source.port',
          'source.user',
          'asa.destination_interface',
          'asa.mapped_source_ip',
          'asa.mapped_source_port',
        ],
      },
    ],
    category: ['network', 'configuration'],
    type: ['creation'],
    outcome: 'success',
    action: 'nat-slot',
  },
  '305012': {
    patterns: [
      {
        re: re(
          `^Teardown (\\S+) (\\S+) translation from ${IF}:${ADDR}(?:/${PORT})?${USER} to ${IF}:${ADDR}(?:/${PORT})?` +
            `(?: duration ${DURATION})?`,
        ),
        groups: [
          'asa.translation_type',
          'network.transport',
          'asa.source_interface',
          'source.address',
          'source.port',
          'source.user',
          'asa.destination_interface',
          'asa.mapped_source_ip',
          'asa.mapped_source_port',
          'duration',
        ],
      },
    ],
    category: ['network', 'configuration'],
    type: ['deletion'],
    outcome: 'success',
    action: 'nat-slot',
  },

  // Denies.
  '106001': {
    patterns: [
      {
        re: re(
          `^(\\S+) (\\S+) connection denied from ${ADDR}/${PORT} to ${ADDR}/${PORT} flags (.*?) on interface (\\S+)`,
        ),
        groups: [
          'network.direction',
          'network.transport',
          'source.address',
          'source.port',
          'destination.address',
          'destination.port',
          'asa.tcp_flags',
          'asa.source_interface',
        ],
      },
    ],
    ...DENIED,
  },
  '106006': {
    patterns: [
      {
        re: re(`^Deny (\\S+) (\\S+) from ${ADDR}/${PORT} to ${ADDR}/${PORT} on interface (\\S+)`),
        groups: [
          'network.direction',
          'network.transport',
          'source.address',
          'source.port',
          'destination.address',
          'destination.port',
          'asa.source_interface',
        ],
      },
    ],
    ...DENIED,
  },
  '106007': {
    patterns: [
      {
        re: re(`^Deny (\\S+) (\\S+) from ${ADDR}/${PORT} to ${ADDR}/${PORT} due to (\\S+)`),
        groups: [
          'network.direction',
          'network.transport',
          'source.address',
          'source.port',
          'destination.address',
          'destination.port',
          'network.protocol',
        ],
      },
    ],
    ...DENIED,
  },
  '106014': {
    patterns: [
      {
        re: re(
          `^Deny (\\S+) (\\S+) src ${IF}:${ADDR}${USER} ?dst ${IF}:${ADDR}${USER}` +
            String.raw`(?:\s*\(type (\d+), code (\d+)\))?`,
        ),
        groups: [
          'network.direction',
          'network.transport',
          'asa.source_interface',
          'source.address',
          'source.user',
          'asa.destination_interface',
          'destination.address',
          'destination.user',
          'asa.icmp_type',
          'asa.icmp_code',
        ],
      },
    ],
    ...DENIED,
  },
  '106015': {
    patterns: [
      {
        re: re(
          `^Deny (\\S+) \\(no connection\\) from ${ADDR}/${PORT} to ${ADDR}/${PORT} flags (.*?)\\s+on interface (\\S+)`,
        ),
        groups: [
          'network.transport',
          'source.address',
          'source.port',
          'destination.address',
          'destination.port',
          'asa.tcp_flags',
          'asa.source_interface',
        ],
      },
    ],
    ...DENIED,
  },
  '106023': {
    patterns: [
      {
        re: re(
          `^Deny (?:protocol (\\d+)|(\\S+)) src ${IF}:${ADDR}(?:/${PORT})?${USER} ?dst ${IF}:${ADDR}(?:/${PORT})?${USER}` +
            String.raw` ?(?:\(type (\d+), code (\d+)\) )?.*?by access-group "([^"]*)"`,
        ),
        groups: [
          'network.transport',
          'network.transport',
          'asa.source_interface',
          'source.address',
          'source.port',
          'source.user',
          'asa.destination_interface',
          'destination.address',
          'destination.port',
          'destination.user',
          'asa.icmp_type',
          'asa.icmp_code',
          'asa.rule_name',
        ],
      },
    ],
    ...DENIED,
  },
  '106100': {
    patterns: [
      {
        re: re(
          String.raw`^access-list (\S+) (denied|permitted|est-allowed) (\S+) ([^/\s]+)/([^(\s]+)\((\d+)\)(?:\(([^)]*)\))? ?-> ?` +
            String.raw`([^/\s]+)/([^(\s]+)\((\d+)\)(?:\(([^)]*)\))?(?: hit-cnt (\d+))?`,
        ),
        groups: [
          'asa.rule_name',
          'outcome',
          'network.transport',
          'asa.source_interface',
          'source.address',
          'source.port',
          'source.user',
          'asa.destination_interface',
          'destination.address',
          'destination.port',
          'destination.user',
          'asa.hit_count',
        ],
      },
    ],
    byOutcome: { denied: DENIED, permitted: ALLOWED, 'est-allowed': ALLOWED },
  },
  '710003': {
    patterns: [
      {
        re: re(`^(\\S+) access denied by ACL from ${ADDR}/${PORT} to ${IF}:${ADDR}/${PORT}`),
        groups: [
          'network.transport',
          'source.address',
          'source.port',
          'asa.destination_interface',
          'destination.address',
          'destination.port',
        ],
      },
    ],
    ...DENIED,
  },
  '733100': {
    patterns: [
      {
        re: re(
          String.raw`^\[\s*(.*?)\] drop (\S+) exceeded\. Current burst rate is (\d+) per second, max configured rate is (\d+); ` +
            String.raw`Current average rate is (\d+) per second, max configured rate is (\d+); Cumulative total count is (\d+)`,
        ),
        groups: [
          'asa.burst.object',
          'asa.burst.id',
          'asa.burst.current_rate',
          'asa.burst.configured_rate',
          'asa.burst.avg_rate',
          'asa.burst.configured_avg_rate',
          'asa.burst.cumulative_count',
        ],
      },
    ],
    type: ['info'],
  },

  // Authentication and VPN.
  '113004': {
    patterns: [
      {
        re: re(String.raw`^AAA user (\S+) Successful\s*: server =\s*(\S+)\s*[:,] [Uu]ser = (.+?)\s*$`),
        groups: ['asa.aaa_type', 'destination.address', 'source.user'],
      },
    ],
    ...LOGGED_IN,
  },
  '113005': {
    patterns: [
      {
        re: re(
          String.raw`^AAA user (\S+) Rejected\s*: reason = (.*?)\s*: server = (\S+)\s*: user = ?(.*?)\s*: user IP = (?:None|(\S+))`,
        ),
        groups: ['asa.aaa_type', 'event.reason', 'destination.address', 'source.user', 'source.address'],
      },
    ],
    ...LOGON_FAILED,
  },
  '113015': {
    patterns: [
      {
        re: re(
          String.raw`^AAA user authentication Rejected\s*: reason = (.*?)\s*: local database\s*: [Uu]ser = (.*?)\s*: [Uu]ser IP = (\S+)`,
        ),
        groups: ['event.reason', 'source.user', 'source.address'],
      },
    ],
    ...LOGON_FAILED,
  },
  '605004': {
    patterns: [
      {
        re: re(`^Login denied from ${ADDR}/${PORT} to ${IF}:${ADDR}/(\\S+) for user "([^"]*)"`),
        groups: [
          'source.address',
          'source.port',
          'asa.destination_interface',
          'destination.address',
          'network.protocol',
          'source.user',
        ],
      },
    ],
    ...LOGON_FAILED,
  },
  '605005': {
    patterns: [
      {
        re: re(`^Login permitted from ${ADDR}/${PORT} to ${IF}:${ADDR}/(\\S+) for user "([^"]*)"`),
        groups: [
          'source.address',
          'source.port',
          'asa.destination_interface',
          'destination.address',
          'network.protocol',
          'source.user',
        ],
      },
    ],
    ...LOGGED_IN,
  },
  '611101': {
    patterns: [
      {
        re: /^User authentication succeeded: IP address: (\S+), Uname: (.+)$/,
        groups: ['source.address', 'server.user.name'],
      },
    ],
    ...LOGGED_IN,
  },
  '611102': {
    patterns: [
      {
        re: /^User authentication failed: IP address: (\S+), Uname: (.+)$/,
        groups: ['source.address', 'server.user.name'],
      },
    ],
    ...LOGON_FAILED,
  },
  '611103': {
    patterns: [{ re: /^User logged out: Uname: (.+)$/, groups: ['user.name'] }],
    category: ['authentication', 'network'],
    type: ['info'],
    outcome: 'success',
    action: 'logged-out',
  },
  '716001': {
    patterns: vpn('WebVPN session started', ['asa.webvpn.group_name', 'source.user', 'source.address']),
    category: ['network', 'session'],
    type: ['connection', 'start'],
    outcome: 'success',
    action: 'client-vpn-connected',
  },
  '716002': {
    patterns: vpn(String.raw`WebVPN session terminated: (.*?)\.?$`, [
      'asa.webvpn.group_name',
      'source.user',
      'source.address',
      'event.reason',
    ]),
    type: ['connection', 'end'],
    action: 'client-vpn-disconnected',
  },
  '722022': {
    patterns: vpn('((TCP|UDP) SVC connection .*)$', [
      'source.user.group.name',
      'source.user',
      'source.address',
      'event.reason',
      'network.transport',
    ]),
    type: ['connection', 'info'],
    outcome: 'success',
  },
  '722023': {
    patterns: vpn('((TCP|UDP) SVC connection .*)$', [
      'source.user.group.name',
      'source.user',
      'source.address',
      'event.reason',
      'network.transport',
    ]),
    type: ['connection', 'end'],
    outcome: 'success',
  },
  '722051': {
    patterns: vpn('((?:IPv4 Address <([^>]*)>)?.*)$', [
      'source.user.group.name',
      'source.user',
      'source.address',
      'event.reason',
      'asa.assigned_ip',
    ]),
    type: ['connection', 'info'],
    outcome: 'success',
    action: 'address-assigned',
  },
  '734001': {
    patterns: [
      {
        re: /^DAP: User ([^,]+), Addr ([^,]+), Connection ([^:]+): The following DAP records were selected for this connection: (.*)$/,
        groups: ['user', 'source.address', 'asa.connection_type', 'asa.dap_records'],
      },
    ],
    ...LOGGED_IN,
  },

  // Configuration.
  '111008': {
    patterns: [
      {
        re: /^User '([^']*)' executed the '(.*)' command\.?$/,
        groups: ['user.name', 'asa.command_line_arguments'],
      },
    ],
    ...CONFIG_CHANGE,
  },
  '111010': {
    patterns: [
      {
        re: /^User '([^']*)', running '([^']*)' from IP (\S+), executed '(.*)'$/,
        groups: ['server.user.name', 'asa.session_type', 'source.address', 'asa.command_line_arguments'],
      },
    ],
    ...CONFIG_CHANGE,
  },
};

/** Fields whose text is a whole number (ports, counts, ICMP codes). */
export const INT_GROUPS: ReadonlySet<string> = new Set([
  'source.port',
  'destination.port',
  'network.bytes',
  'asa.mapped_source_port',
  'asa.mapped_destination_port',
  'asa.icmp_type',
  'asa.icmp_code',
  'asa.hit_count',
  'asa.burst.current_rate',
  'asa.burst.configured_rate',
  'asa.burst.avg_rate',
  'asa.burst.configured_avg_rate',
  'asa.burst.cumulative_count',
]);
