// Web proxy, firewall and DNS rules use the field names of the SigmaHQ taxonomy; normalized Events carry ECS.
import type { FieldMapping } from './types.js';

export const network: FieldMapping[] = [
  {
    logsource: { category: 'proxy' },
    fields: {
      'c-uri': ['url.original', 'url.full'],
      'c-uri-extension': ['url.extension'],
      'c-uri-query': ['url.query'],
      'c-uri-stem': ['url.path'],
      'c-useragent': ['user_agent.original'],
      'cs-host': ['url.domain', 'destination.domain'],
      'cs-method': ['http.request.method'],
      'cs-uri': ['url.original'],
      'cs-referrer': ['http.request.referrer'],
      'cs-cookie': ['http.request.cookie'],
      'sc-status': ['http.response.status_code'],
      'c-ip': ['source.ip'],
      'r-dns': ['destination.domain', 'url.domain'],
      'cs-bytes': ['http.request.bytes'],
      'sc-bytes': ['http.response.bytes'],
    },
  },
  {
    logsource: { category: 'firewall' },
    fields: {
      src_ip: ['source.ip'],
      src_port: ['source.port'],
      dst_ip: ['destination.ip'],
      dst_port: ['destination.port'],
      action: ['event.action'],
      username: ['user.name'],
    },
  },
  {
    logsource: { category: 'dns' },
    fields: {
      query: ['dns.question.name'],
      record_type: ['dns.question.type'],
      answer: ['dns.answers.data'],
    },
  },
  {
    logsource: { product: 'fortigate' },
    prefixes: ['fortinet.firewall.'],
    fields: {},
  },
];
