// Which normalized (ECS) event fields are looked up against indicators, and as what.
//
// ip      exact addresses and CIDR blocks
// domain  domains and their subdomains; a value that is an address is looked up as `ip`
// url     exact URLs (normalized), and the URL's host as `domain`
// hash    MD5, SHA-1, SHA-256, SHA-512, case-insensitive
// email   exact addresses, and the address's domain as `domain`
import type { LookupKind } from './indicator-index.js';

export interface IntelField {
  field: string;
  kind: LookupKind;
}

const HASHED = ['file', 'process', 'process.parent', 'dll'];
const HASH_NAMES = ['md5', 'sha1', 'sha256', 'sha512'];

export const INTEL_FIELDS: readonly IntelField[] = [
  ...[
    'source.ip',
    'destination.ip',
    'client.ip',
    'server.ip',
    'host.ip',
    'related.ip',
    'source.nat.ip',
    'destination.nat.ip',
    'client.nat.ip',
    'server.nat.ip',
    'dns.resolved_ip',
  ].map((field) => ({ field, kind: 'ip' as const })),
  ...[
    'dns.question.name',
    // A/AAAA answers hold addresses, CNAME answers names: the `domain` kind looks up either.
    'dns.answers.data',
    'url.domain',
    'destination.domain',
    'server.domain',
    'source.domain',
    'client.domain',
    'related.hosts',
    'tls.client.server_name',
  ].map((field) => ({ field, kind: 'domain' as const })),
  ...['url.full', 'url.original', 'http.request.referrer'].map((field) => ({ field, kind: 'url' as const })),
  ...HASHED.flatMap((o) => HASH_NAMES.map((h) => ({ field: `${o}.hash.${h}`, kind: 'hash' as const }))),
  { field: 'related.hash', kind: 'hash' },
  ...[
    'email.from.address',
    'email.sender.address',
    'email.reply_to.address',
    'email.to.address',
    'email.cc.address',
    'email.bcc.address',
  ].map((field) => ({ field, kind: 'email' as const })),
];
