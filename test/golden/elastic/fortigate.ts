import type { ElasticFixture } from '../fixtures.js';

/** Elastic writes times in the log's own offset ("...-07:00"); we write UTC. Same instant: skipped, else compared. */
const sameInstant =
  (field: string) =>
  (event: { time: number; fields: Record<string, unknown> }, doc: Record<string, unknown>) => {
    const want =
      field === '@timestamp' ? doc['@timestamp'] : (doc.event as Record<string, unknown> | undefined)?.start;
    const got = field === '@timestamp' ? event.time : Date.parse(String(event.fields[field]));
    return typeof want === 'string' && Date.parse(want) === got;
  };

export const fixture: ElasticFixture = {
  name: 'fortigate',
  pairs: [
    { raw: 'fortigate/test-fortinet-7-6.log', expected: 'fortigate/test-fortinet-7-6.log-expected.json' },
  ],
  // The lines carry the year; received a minute after the event, as a live feed would be.
  receivedAt: (doc) => Date.parse(String(doc['@timestamp'])) + 60_000,
  deliberate: [
    {
      field: '@timestamp',
      reason: 'same instant; Yagura writes times in UTC',
      when: sameInstant('@timestamp'),
    },
    {
      field: 'event.start',
      reason: 'same instant; Yagura writes times in UTC',
      when: sameInstant('event.start'),
    },
    {
      field: 'message',
      reason:
        'the text after msg="..."\'s closing quote ("|) is not part of the value; Elastic\'s splitter keeps it',
      when: (_event, doc) => typeof doc.message === 'string' && doc.message.endsWith('"|'),
    },
  ],
};
