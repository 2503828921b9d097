import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'crowdstrike (Falcon EPP detection summary)',
  pairs: [
    {
      raw: 'crowdstrike/test-falcon-epp-detection-summary.from-expected.first2.log',
      expected: 'crowdstrike/test-falcon-epp-detection-summary.log-expected.first1.json',
    },
  ],
  ignore: [{ field: 'source.geo.*', reason: 'GeoIP enrichment, not in the log line' }],
  deliberate: [
    {
      field: 'process.args',
      reason:
        'Elastic splits the command line on every blank ("\\"C:\\\\Program", "Files", ...); Yagura splits it as Windows does',
    },
    {
      field: 'process.executable',
      reason:
        'Elastic takes the first blank-separated word ("\\"C:\\\\Program"); Yagura the program the command line starts',
    },
    {
      field: 'process.parent.args',
      reason: 'as process.args: Yagura splits the parent command line as Windows does',
    },
    {
      field: 'process.parent.executable',
      reason: 'as process.executable, for the parent command line',
    },
  ],
};
