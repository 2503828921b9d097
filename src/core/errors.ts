// One catalogue of error codes: each has an HTTP status and a sentence for the generated error reference.

export interface ErrorSpec {
  status: number;
  description: string;
}

export const errorCatalogue = {
  CONFIG_INVALID: {
    status: 500,
    description: 'The configuration file or an environment override is invalid.',
  },
  CONFIG_NOT_FOUND: {
    status: 500,
    description: 'The configuration file named on the command line does not exist.',
  },
  REQUEST_INVALID: {
    status: 400,
    description: 'The request body, query or parameters do not match the schema.',
  },
  BODY_INVALID_JSON: { status: 400, description: 'The request body is not valid JSON or NDJSON.' },
  BODY_INVALID_ENCODING: {
    status: 400,
    description: 'The request body cannot be decompressed as its Content-Encoding says.',
  },
  BODY_TOO_LARGE: { status: 413, description: 'The request body exceeds the configured limit.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    description: 'The request content type is not accepted by this endpoint.',
  },
  QUERY_SYNTAX: { status: 400, description: 'The search query cannot be parsed; the error says where.' },
  QUERY_INVALID_VALUE: {
    status: 400,
    description: 'A value in the search query has the wrong form (number, time, CIDR).',
  },
  RULE_INVALID: {
    status: 400,
    description:
      'A Sigma rule is not valid: a required key is missing or has the wrong form; the error names the file and line.',
  },
  RULE_CONDITION_SYNTAX: {
    status: 400,
    description: "A Sigma rule's condition cannot be parsed, or names a selection the rule does not have.",
  },
  RULE_UNKNOWN_MODIFIER: {
    status: 400,
    description:
      'A Sigma rule uses a modifier the specification does not define, or combines modifiers wrongly.',
  },
  RULE_UNSUPPORTED: {
    status: 400,
    description:
      'A Sigma rule uses a feature that cannot run as written (a placeholder with no configured values, an obsolete aggregation).',
  },
  TIME_INVALID: { status: 400, description: 'A time or time range cannot be understood.' },
  TENANT_UNKNOWN: { status: 400, description: 'The tenant named is not configured.' },
  HEC_TOKEN_REQUIRED: {
    status: 401,
    description: 'A Splunk HEC request came without an `Authorization: Splunk <token>` header.',
  },
  HEC_TOKEN_INVALID: {
    status: 403,
    description: 'A Splunk HEC request used a token that is not configured.',
  },
  INGEST_TOKEN_INVALID: {
    status: 401,
    description: 'An ingest request used a missing or unknown ingest token.',
  },
  QUEUE_FULL: { status: 503, description: 'The ingest queue is full; retry after the time in Retry-After.' },
  STORE_DISK_FULL: {
    status: 507,
    description: 'The data folder has less free space than the configured reserve.',
  },
  STORE_FAILED: { status: 500, description: 'The event store could not complete the operation.' },
  SHUTTING_DOWN: { status: 503, description: 'The server is draining its queues before it stops.' },
  NOT_FOUND: { status: 404, description: 'No such route or resource.' },
  UNAUTHENTICATED: {
    status: 401,
    description:
      'The request carries no valid credentials (wrong password, unknown, expired or revoked token).',
  },
  FORBIDDEN: {
    status: 403,
    description: "The caller's role or tenants do not permit this action.",
  },
  CSRF_INVALID: {
    status: 403,
    description:
      'A state-changing request signed in by session cookie lacks the X-CSRF-Token header of its session.',
  },
  RATE_LIMITED: {
    status: 429,
    description: 'Too many sign-in attempts from this address or for this user; retry after Retry-After.',
  },
  ACCOUNT_LOCKED: {
    status: 429,
    description: 'Too many failed sign-ins; the account is locked for a while (see Retry-After).',
  },
  CONFLICT: {
    status: 409,
    description: 'The resource already exists or the change conflicts with its state.',
  },
  ALERT_TRANSITION_INVALID: {
    status: 409,
    description:
      'The alert cannot move from its current status to the one asked (e.g. new -> closed); the message lists the allowed ones.',
  },
  PASSWORD_POLICY: {
    status: 400,
    description: 'The new password does not meet the password policy; the message lists each problem.',
  },
  INPUT_LISTEN_FAILED: {
    status: 500,
    description: 'An input cannot listen on its configured address and port (in use or not permitted).',
  },
  FILE_UNREADABLE: { status: 400, description: 'An input file cannot be opened or decompressed.' },
  INTEL_INVALID: {
    status: 400,
    description:
      'An indicator file is not CSV, a STIX 2.1 bundle, a MISP event or a MISP feed folder, or its JSON is malformed.',
  },
  CONSOLE_NOT_BUILT: {
    status: 503,
    description:
      'The web console is enabled but its folder holds no index.html; build it with `npm run build:web` (or set server.console.dir).',
  },
  INTERNAL: { status: 500, description: 'An unexpected error; the server log has the details.' },
  EVIDENCE_TOO_LARGE: {
    status: 413,
    description: 'An evidence upload exceeds the configured size limit; nothing was stored.',
  },
  EVIDENCE_UPLOAD_FAILED: {
    status: 400,
    description: 'An evidence upload stream failed or was cancelled before it ended; nothing was stored.',
  },
  EVIDENCE_ID_INVALID: {
    status: 400,
    description: 'An evidence file id is not a SHA-256 in hex (64 characters 0-9, a-f).',
  },
  EVIDENCE_NOT_FOUND: { status: 404, description: 'No stored evidence file has this SHA-256.' },
  EVIDENCE_LEGAL_HOLD: {
    status: 409,
    description: 'The evidence is under legal hold and cannot be removed until the hold is released.',
  },
  EVIDENCE_ALTERED: {
    status: 409,
    description:
      'The stored evidence file no longer has the SHA-256 recorded on arrival, so it is not handed out; the message names the file and both hashes.',
  },
  EVIDENCE_STORE_FAILED: {
    status: 500,
    description: 'The evidence folder could not be written or read (permissions, disk full).',
  },
  CUSTODY_ENTRY_INVALID: {
    status: 400,
    description:
      'A chain-of-custody entry is malformed (unknown action, missing actor or reason, a hash not in hex) or does not follow the previous one.',
  },
  PLAYBOOK_INVALID: {
    status: 400,
    description:
      'An incident playbook file is not valid (a missing language, an unknown category, a repeated id, a bad due offset); the error names the file and line.',
  },
  OBSERVABLE_INVALID: {
    status: 400,
    description:
      'An observable (IOC) value is not valid for its type (an IP address with an octet over 255, a hash of the wrong length); the message says why.',
  },
  REPORT_DATA_INVALID: {
    status: 400,
    description:
      'The data for a report cannot be rendered (an unknown report kind or language, a time zone Intl does not know, a time that is not a number).',
  },
  REPORT_TEMPLATE_INVALID: {
    status: 500,
    description:
      'A report template cannot be used: a placeholder it names does not exist, a section is not closed, or a file is missing; the message names the file and line.',
  },
  REPORT_PDF_UNAVAILABLE: {
    status: 503,
    description:
      'PDF output needs headless Chromium, which is not installed or not where configured (apt-get install chromium fonts-noto-cjk).',
  },
  REPORT_PDF_FAILED: {
    status: 500,
    description:
      'Chromium did not turn the report into a PDF (it failed, timed out or wrote no file); the message has its output.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorDetails {
  /** Where the problem is: a config key, a query offset, a file and line. */
  location?: { path?: string; line?: number; column?: number; offset?: number; key?: string };
  [key: string]: unknown;
}

export class YaguraError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'YaguraError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  toJSON(): { code: ErrorCode; message: string; details?: ErrorDetails } {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isYaguraError(e: unknown): e is YaguraError {
  return e instanceof YaguraError;
}
