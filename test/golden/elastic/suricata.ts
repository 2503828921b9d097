import type { Doc, ElasticFixture } from '../fixtures.js';

/** True when Elastic's value of `field` in `doc` is text ending in a comma (its DN split leaves the separator on). */
function trailingComma(field: string): (event: unknown, doc: Doc) => boolean {
  return (_event, doc) => {
    let v: unknown = doc;
    for (const part of field.split('.')) v = (v as Doc | undefined)?.[part];
    const values = Array.isArray(v) ? v : [v];
    return values.some((x) => typeof x === 'string' && x.endsWith(','));
  };
}

const DN_PARTS = [
  'common_name',
  'country',
  'locality',
  'organization',
  'organizational_unit',
  'state_or_province',
];

export const fixture: ElasticFixture = {
  name: 'suricata (EVE JSON)',
  pairs: [{ raw: 'suricata/test-eve-small.log', expected: 'suricata/test-eve-small.log-expected.json' }],
  ignore: [
    { field: 'event.created', reason: "the time Elastic's pipeline test ran" },
    {
      field: 'network.community_id',
      reason: 'Community ID is a hash Elastic computes; Yagura does not (yet)',
    },
    { field: 'source.geo.*', reason: 'GeoIP enrichment, not in the log' },
    { field: 'destination.geo.*', reason: 'GeoIP enrichment, not in the log' },
    { field: 'source.as.*', reason: 'ASN enrichment, not in the log' },
    { field: 'destination.as.*', reason: 'ASN enrichment, not in the log' },
    ...['name', 'version', 'device.name', 'os.full', 'os.name', 'os.version'].map((p) => ({
      field: `user_agent.${p}`,
      reason:
        'parsed from the User-Agent with a UA database Yagura does not ship (user_agent.original is compared)',
    })),
  ],
  deliberate: [
    {
      field: 'dns.answers',
      reason: 'Yagura fields are flat: the answers are parallel arrays dns.answers.name/type/data/ttl',
    },
    {
      field: 'message',
      reason: "an alert's message is its signature (Elastic puts the category there; it is in rule.category)",
    },
    {
      field: 'url.path',
      reason:
        'an absolute http.url is split into scheme, domain and path (Elastic keeps "http://host/..." as the path)',
      when: (event) => String(event.fields['url.original'] ?? '').includes('://'),
    },
    ...DN_PARTS.flatMap((p) =>
      ['subject', 'issuer'].map((side) => {
        const field = `tls.server.x509.${side}.${p}`;
        return {
          field,
          reason: 'Elastic leaves the DN separator on the value ("*.icloud.com,"); Yagura splits it off',
          when: trailingComma(field),
        };
      }),
    ),
  ],
};
