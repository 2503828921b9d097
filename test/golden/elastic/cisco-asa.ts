import type { ElasticFixture } from '../fixtures.js';

const code = (event: { fields: Record<string, unknown> }): unknown => event.fields['event.code'];

export const fixture: ElasticFixture = {
  name: 'cisco-asa',
  pairs: [
    { raw: 'cisco_asa/test-asa.from-expected.log', expected: 'cisco_asa/test-asa.log-expected.first6.json' },
  ],
  deliberate: [
    {
      field: 'event.action',
      reason:
        "the expected file predates Elastic's current categorization (302013 flow-creation, 305011 nat-slot), which we follow",
      when: (event) => code(event) === '302013' || code(event) === '305011',
    },
    {
      field: 'event.type',
      reason:
        "the expected file predates Elastic's current categorization (302013 [connection, start], 305011 [creation])",
      when: (event) => code(event) === '302013' || code(event) === '305011',
    },
    {
      field: 'event.category',
      reason: "Elastic's current pipeline adds configuration to NAT slot messages (305011), as we do",
      when: (event) => code(event) === '305011',
    },
    {
      field: 'destination.*',
      reason:
        "305011's second address is the source's translation: we put it in source.nat.ip/port, not destination; for outbound 302013 the initiator (the inside host) is the source, as Elastic's current pipeline swaps it",
      when: (event) => code(event) === '305011' || event.fields['network.direction'] === 'outbound',
    },
    {
      field: 'source.*',
      reason:
        "outbound 302013: the initiator (the inside host) is the source, as in Elastic's current pipeline",
      when: (event) => event.fields['network.direction'] === 'outbound',
    },
    {
      field: 'observer.ingress.interface.name',
      reason: 'outbound 302013: the interfaces follow the swapped source and destination',
      when: (event) => event.fields['network.direction'] === 'outbound',
    },
    {
      field: 'observer.egress.interface.name',
      reason: 'outbound 302013: the interfaces follow the swapped source and destination',
      when: (event) => event.fields['network.direction'] === 'outbound',
    },
    {
      field: 'cisco.asa.*',
      reason:
        'outbound 302013: the interface and mapped-address fields follow the swapped source and destination',
      when: (event) => event.fields['network.direction'] === 'outbound',
    },
  ],
};
