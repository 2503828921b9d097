import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'rfc5424 (generic syslog)',
  pairs: [
    { raw: 'syslog_rfc5424/test-5424.log', expected: 'syslog_rfc5424/test-5424.log-expected.first1.json' },
  ],
  deliberate: [
    {
      field: 'system.auth.syslog.version',
      reason: "Elastic's auth data stream namespace; the RFC 5424 version is in log.syslog.version",
    },
  ],
};
