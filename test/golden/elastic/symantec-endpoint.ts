import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'symantec-endpoint (Agent Risk log)',
  pairs: [
    {
      raw: 'symantec_endpoint/test-agent-risk.log',
      expected: 'symantec_endpoint/test-agent-risk.log-expected.json',
    },
  ],
  deliberate: [
    {
      field: 'event.kind',
      reason: 'a risk found is a detection: ECS event.kind "alert" (Elastic sets "event" for every SEP log)',
    },
  ],
};
