import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'mde (Microsoft Defender for Endpoint alerts)',
  pairs: [{ raw: 'mde/test-defenderatp.log', expected: 'mde/test-defenderatp.log-expected.json' }],
};
