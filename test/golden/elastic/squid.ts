import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'squid (native access.log)',
  pairs: [{ raw: 'squid/test-access.log', expected: 'squid/test-access.log-expected.first6.json' }],
  ignore: [
    { field: 'destination.geo.*', reason: 'GeoIP enrichment, not in the log' },
    { field: 'destination.as.*', reason: 'ASN enrichment, not in the log' },
  ],
};
