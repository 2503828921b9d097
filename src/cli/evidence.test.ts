import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../access/actor.js';
import { alterStoredByte } from '../cases/evidence/test-support.js';
import type { Evidence } from '../cases/evidence-service.js';
import { casesCliFixture, type CasesCliFixture } from './cases-test-support.js';

let f: CasesCliFixture;
let item: Evidence;

beforeEach(async () => {
  f = await casesCliFixture();
  item = await f.seedCases(async ({ cases, evidence }) => {
    const incident = await cases.incidents.create(cliActor(), {
      tenant: 'acme',
      title: 'Phishing mail to accounting',
      category: 'phishing',
      withPlaybook: false,
    });
    return evidence.upload(
      cliActor(),
      incident.incident.id,
      Readable.from([Buffer.from('Subject: invoice\r\n')]),
      {
        name: 'invoice.eml',
        reason: 'Reported by the user',
      },
    );
  });
});
afterEach(() => f.close());

async function ledgerActions(): Promise<string[]> {
  return f.seedCases(async ({ evidence }) =>
    (await evidence.custody(cliActor(), item.id)).entries.map((e) => e.action),
  );
}

describe('yagura evidence verify', () => {
  it('prints OK with exit code 0 for an intact item, and records the check in its ledger', async () => {
    const run = await f.run('evidence', 'verify', item.id);
    expect(run.code).toBeUndefined();
    expect(run.out).toMatch(new RegExp(`^OK ${item.id}: Evidence ${item.sha256} is intact`));
    expect(await ledgerActions()).toEqual(['uploaded', 'verified']);
  });

  it('prints each problem with exit code 1 once a stored byte was altered, recording the failure', async () => {
    await alterStoredByte(f.evidenceFiles.pathOf(item.sha256), 3);
    const run = await f.run('evidence', 'verify', item.id, '--reason', 'nightly check');
    expect(run.code).toBe(1);
    expect(run.out).toContain(`FAILED ${item.id} (invoice.eml, incident ${item.incidentId}, tenant acme):\n`);
    expect(run.out).toMatch(
      / {2}- The stored file \S+ has SHA-256 [0-9a-f]{64}, but [0-9a-f]{64} was recorded when it arrived/,
    );
    expect(await ledgerActions()).toEqual(['uploaded', 'verification_failed']);
    const entry = await f.seedCases(
      async ({ evidence }) => (await evidence.custody(cliActor(), item.id)).entries[1],
    );
    expect(entry?.reason).toBe('nightly check');
  });

  it('exits 1 with NOT_FOUND for an unknown item', async () => {
    const run = await f.run('evidence', 'verify', '0'.repeat(24));
    expect(run).toMatchObject({ code: 1, out: '' });
    expect(run.err).toContain('[NOT_FOUND]');
  });
});
