import type { ElasticFixture } from '../fixtures.js';

/** Elastic writes times with the test's offset ("...+09:30"); we write UTC. Same instant: skipped, else compared. */
const sameInstant =
  (field: string) =>
  (event: { time: number; fields: Record<string, unknown> }, doc: Record<string, unknown>): boolean => {
    const want = field === '@timestamp' ? doc['@timestamp'] : flat(doc, field);
    const got = field === '@timestamp' ? event.time : Date.parse(String(event.fields[field]));
    return typeof want === 'string' && Date.parse(want) === got;
  };

function flat(doc: Record<string, unknown>, field: string): unknown {
  let o: unknown = doc;
  for (const part of field.split('.')) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Record<string, unknown>)[part];
  }
  return o;
}

const GEOIP = 'GeoIP enrichment at ingest (a database lookup, not in the log); Yagura does not do it';

export const fixture: ElasticFixture = {
  name: 'panos',
  pairs: [
    {
      raw: 'panos/test-panw-panos-threat-sample.first5.log',
      expected: 'panos/test-panw-panos-threat-sample.log-expected.first2.json',
    },
  ],
  // Elastic's test config sets tz_offset +09:30; Darwin keeps +09:30 all year.
  timeZone: 'Australia/Darwin',
  receivedAt: (doc) => Date.parse(String(doc['@timestamp'])) + 60_000,
  ignore: [
    { field: 'event.timezone', reason: "Elastic's test config (tz_offset), not the log" },
    { field: 'destination.geo.city_name', reason: GEOIP },
    { field: 'destination.geo.continent_name', reason: GEOIP },
    { field: 'destination.geo.country_iso_code', reason: GEOIP },
    { field: 'destination.geo.country_name', reason: GEOIP },
    { field: 'destination.geo.location.*', reason: GEOIP },
    { field: 'destination.geo.region_iso_code', reason: GEOIP },
    { field: 'destination.geo.region_name', reason: GEOIP },
    {
      field: 'network.community_id',
      reason: 'Community ID flow hash computed at ingest; Yagura does not compute it',
    },
    {
      field: 'panw.panos.network.nat.community_id',
      reason: 'Community ID flow hash computed at ingest; Yagura does not compute it',
    },
  ],
  deliberate: [
    {
      field: '@timestamp',
      reason: 'same instant; Yagura writes times in UTC',
      when: sameInstant('@timestamp'),
    },
    {
      field: 'panw.panos.generated_time',
      reason: 'same instant; Yagura writes times in UTC',
      when: sameInstant('panw.panos.generated_time'),
    },
    {
      field: 'panw.panos.received_time',
      reason: 'same instant; Yagura writes times in UTC',
      when: sameInstant('panw.panos.received_time'),
    },
    {
      field: 'panw.panos.logged_time',
      reason: 'same instant; Yagura writes times in UTC',
      when: sameInstant('panw.panos.logged_time'),
    },
    {
      field: 'message',
      reason: 'Elastic keeps the CSV after the generated time; we keep the whole CSV (the raw event)',
    },
    {
      field: 'event.category',
      reason: 'URL filtering logs also get ECS category "web" (as FortiGate web filter logs do)',
      when: (event) => event.fields['panw.panos.sub_type'] === 'url',
    },
    {
      field: 'related.hosts',
      reason:
        "Yagura's related.hosts also collects url.domain and destination.domain (src/normalize/related.ts)",
      when: (event) => event.fields['url.domain'] !== undefined,
    },
    {
      field: 'network.direction',
      reason:
        'the THREAT direction column (client-to-server) is the direction within the session; we derive network.direction from the addresses (internal client to Internet = outbound)',
    },
  ],
};
