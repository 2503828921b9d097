import type { Doc, ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'linux-auth (Ubuntu 12.04 auth.log)',
  pairs: [
    {
      raw: 'system_auth/test-auth-ubuntu1204.first15.log',
      expected: 'system_auth/test-auth-ubuntu1204.log-expected.first15.json',
    },
  ],
  // The lines carry no year: Elastic's test took it from the run's date, so each line is received at its event.ingested.
  receivedAt: (doc: Doc) => {
    const ingested = (doc['event'] as Doc | undefined)?.['ingested'];
    return typeof ingested === 'string' ? Date.parse(ingested) : undefined;
  },
  ignore: [
    {
      field: 'event.timezone',
      reason:
        "the shipping agent's own zone (Filebeat add_locale); Yagura reads zoneless times in the tenant's zone",
    },
  ],
  deliberate: [
    {
      field: 'event.type',
      reason:
        '"authentication_success" is not an ECS event.type value; Elastic\'s current pipeline also gives ["info"] for Accepted',
      when: (_event, doc) => (doc['event'] as Doc | undefined)?.['action'] === 'ssh_login',
    },
  ],
};
