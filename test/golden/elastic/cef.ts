import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'cef (Elastic decode_cef golden file)',
  pairs: [{ raw: 'cef/samples.log', expected: 'cef/samples.log.golden.json' }],
  deliberate: [
    {
      field: 'message',
      reason: 'the extension msg is the message when there is one (Elastic keeps the CEF event name there)',
      when: (event) => event.fields['cef.extensions.message'] !== undefined,
    },
    { field: 'file.uid', reason: 'fname is the file name: we map it to file.name' },
    {
      field: 'cef.extensions.DeviceCustomNumber2',
      reason: "the CEF key cn2 is deviceCustomNumber2; Elastic's fixture capitalises it",
    },
  ],
  minimum: 0.97,
};
