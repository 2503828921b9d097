import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'iptables',
  pairs: [
    { raw: 'iptables/test-iptables-raw.log', expected: 'iptables/test-iptables-raw.log-expected.json' },
  ],
  // The expected documents are dated 2024 for yearless times: Elastic's test ran with that year, in UTC.
  receivedAt: () => Date.UTC(2024, 11, 31),
  ignore: [
    { field: 'event.created', reason: 'time of the pipeline test run' },
    { field: 'source.geo.*', reason: 'GeoIP enrichment, not read from the log line' },
    { field: 'destination.geo.*', reason: 'GeoIP enrichment, not read from the log line' },
    { field: 'source.as.*', reason: 'ASN enrichment, not read from the log line' },
    { field: 'destination.as.*', reason: 'ASN enrichment, not read from the log line' },
    {
      field: 'network.community_id',
      reason:
        'a flow hash Elastic computes at ingest; Yagura does not compute Community IDs (a SHA-1 per line)',
    },
  ],
  deliberate: [
    {
      field: 'message',
      reason:
        'our message is the syslog MSG after the tag; Elastic keeps everything after the timestamp (host and "kernel:" included)',
    },
    {
      field: 'event.type',
      reason:
        'we also read a Ubiquiti prefix followed by a space ("[SOMETHING-1234-A] IN="), which Elastic\'s pattern misses: the event is "allowed"',
      when: (event, doc) =>
        event.fields['event.action'] !== undefined &&
        (doc['event'] as { action?: string }).action === undefined,
    },
  ],
};
