import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'rfc3164 (generic syslog)',
  pairs: [
    {
      raw: 'syslog_rfc3164/test-preserve-event-original.log',
      expected: 'syslog_rfc3164/test-preserve-event-original.log-expected.json',
    },
  ],
  receivedAt: () => Date.UTC(2023, 0, 1),
};
