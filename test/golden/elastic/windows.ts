import type { ElasticFixture } from '../fixtures.js';

export const fixture: ElasticFixture = {
  name: 'windows (Sysmon via Winlogbeat)',
  pairs: [
    { raw: 'sysmon/test-events.first3.json', expected: 'sysmon/test-events.first3.json-expected.json' },
  ],
  deliberate: [
    {
      field: 'event.original',
      reason:
        "Yagura's raw text is the Winlogbeat JSON line as received; the XML Winlogbeat put in event.original stays in that field",
    },
    {
      field: 'dns.answers',
      reason:
        'Yagura fields are flat: the answer objects become the parallel lists dns.answers.type / dns.answers.data',
    },
    {
      field: 'related.hosts',
      reason: "Yagura's related.hosts also holds host.name (filled from winlog.computer_name)",
    },
    {
      field: 'user.id',
      reason:
        "Sysmon's header SID (winlog.user.identifier) is the Sysmon service's own account (S-1-5-18), not the reported process's user: Yagura keeps it only in winlog.user.identifier",
    },
    {
      field: 'process.hash.*',
      reason:
        "Sysmon 23's Hashes are the deleted file's: Yagura puts them in file.hash.*, Elastic in process.hash.*",
      when: (event) => event.fields['event.code'] === '23',
    },
    {
      field: 'process.pe.imphash',
      reason: "Sysmon 23's IMPHASH is the deleted file's: Yagura puts it in file.pe.imphash",
      when: (event) => event.fields['event.code'] === '23',
    },
  ],
};
