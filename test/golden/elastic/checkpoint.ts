import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'checkpoint',
  pairs: [
    { raw: 'checkpoint/test-checkpoint.log', expected: 'checkpoint/test-checkpoint.log-expected.json' },
  ],
  receivedAt: (doc) => Date.parse(String(doc['@timestamp'])) + 60_000,
  ignore: [
    { field: 'event.module', reason: 'Elastic-internal module name of this (older) fixture' },
    {
      field: 'destination.geo.*',
      reason: 'GeoIP enrichment at ingest (a database lookup, not in the log); Yagura does not do it',
    },
    {
      field: 'destination.as.*',
      reason: 'ASN enrichment at ingest (a database lookup, not in the log); Yagura does not do it',
    },
  ],
};
