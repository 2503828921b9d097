import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'cisco-ios',
  pairs: [
    { raw: 'cisco_ios/test-cisco-ios.log', expected: 'cisco_ios/test-cisco-ios.log-expected.first7.json' },
  ],
  // The expected documents are dated 2023: Elastic's test ran with that year for these yearless times, in UTC.
  receivedAt: () => Date.UTC(2023, 11, 31),
  ignore: [
    { field: 'source.geo.*', reason: 'GeoIP enrichment, not read from the log line' },
    { field: 'destination.geo.*', reason: 'GeoIP enrichment, not read from the log line' },
    {
      field: 'network.community_id',
      reason:
        'a flow hash Elastic computes at ingest; Yagura does not compute Community IDs (a SHA-1 per line)',
    },
  ],
};
