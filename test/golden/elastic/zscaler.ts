import type { Doc, ElasticFixture } from '../fixtures.js';

/** True when Elastic's value of `field` in `doc` is NSS's "None" (no value), which Yagura drops. */
function isNone(field: string): (event: unknown, doc: Doc) => boolean {
  return (_event, doc) => {
    let v: unknown = doc;
    for (const part of field.split('.')) v = (v as Doc | undefined)?.[part];
    return v === 'None';
  };
}

const NONE_REASON = 'NSS writes "None" for no value: Yagura drops it, as Elastic\'s current pipeline does';

export const fixture: ElasticFixture = {
  name: 'zscaler (ZIA NSS web JSON)',
  // The raw lines rebuilt from the expected file's event.original (the current raw file is a newer version).
  pairs: [{ raw: 'zscaler/test-web.from-expected.log', expected: 'zscaler/test-web.log-expected.json' }],
  ignore: [
    ...['name', 'version', 'device.name', 'os.full', 'os.name', 'os.version'].map((p) => ({
      field: `user_agent.${p}`,
      reason:
        'parsed from the User-Agent with a UA database Yagura does not ship (user_agent.original is compared)',
    })),
  ],
  deliberate: [
    ...[
      'http.request.referrer',
      'zscaler_zia.web.malware.category',
      'zscaler_zia.web.threat.name',
      'zscaler_zia.web.unscannable.type',
    ].map((field) => ({ field, reason: NONE_REASON, when: isNone(field) })),
    {
      field: 'zscaler_zia.web.dpl.*',
      reason:
        'the older pipeline misspelt dlp as dpl; Yagura uses the current zscaler_zia.web.dlp.* (and drops "None")',
    },
    {
      field: 'source.nat.ip',
      reason:
        "cip is the client's address: source.ip, as Elastic's current pipeline maps cltip; NAT sides are cintip/cpubip",
    },
    {
      field: 'event.type',
      reason:
        "a web proxy record is an access (plus allowed/denied), as in Elastic's current pipeline; this fixture says info",
    },
    {
      field: 'http.request.mime_type',
      reason:
        'contenttype is the transaction\'s content class ("Other"): kept in zscaler_zia.web.content_type',
    },
    {
      field: 'url.path',
      reason:
        "the schemeless eurl starts with the host: Yagura splits it into url.domain and url.path (Elastic's older pipeline took it all as the path)",
    },
    { field: 'url.extension', reason: 'from the path after the host is split off (Elastic: "com/join/")' },
    {
      field: 'related.hosts',
      reason: 'Yagura also lists the URL host, which the older pipeline did not parse out',
    },
  ],
};
