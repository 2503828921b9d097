import type { Doc, ElasticFixture } from '../fixtures.js';

/** Elastic's @timestamp as epoch ms (it renders the local offset, "2021-05-30T19:09:10.917-05:00"). */
const elasticTime = (doc: Doc): number => Date.parse(String(doc['@timestamp']));

export const fixture: ElasticFixture = {
  name: 'snort (fast alert)',
  pairs: [{ raw: 'snort/test-log-fast.log', expected: 'snort/test-log-fast.log-expected.json' }],
  // Elastic's test read the yearless times in America/Chicago with the year fixed to 2021.
  timeZone: 'America/Chicago',
  // Receipt at the expected instant picks the same year as Elastic's fixed one.
  receivedAt: (doc) => elasticTime(doc),
  ignore: [
    {
      field: 'event.created',
      reason: "Elastic's older pipeline copies @timestamp there (a processing time)",
    },
    {
      field: 'network.community_id',
      reason: 'Community ID is a hash Elastic computes; Yagura does not (yet)',
    },
    { field: 'source.geo.*', reason: 'GeoIP enrichment, not in the log' },
    { field: 'destination.geo.*', reason: 'GeoIP enrichment, not in the log' },
    { field: 'source.as.*', reason: 'ASN enrichment, not in the log' },
    { field: 'destination.as.*', reason: 'ASN enrichment, not in the log' },
  ],
  deliberate: [
    {
      field: '@timestamp',
      reason:
        'Elastic renders the local offset (-05:00), Yagura UTC: skipped only where the instants are equal',
      when: (event, doc) => event.time === elasticTime(doc),
    },
    {
      field: 'event.category',
      reason:
        'IDS alerts are also intrusion_detection (as Elastic files Suricata alerts); this fixture is older',
    },
  ],
};
