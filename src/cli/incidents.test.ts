import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../access/actor.js';
import type { IncidentDetail } from '../cases/incident-service.js';
import type { Incident } from '../cases/incident-model.js';
import { casesCliFixture, type CasesCliFixture } from './cases-test-support.js';

let f: CasesCliFixture;
let ids: { acme1: string; acme2: string; globex1: string };
const year = new Date().getUTCFullYear();
const ref = (n: number): string => `INC-${year}-${String(n).padStart(4, '0')}`;

beforeEach(async () => {
  f = await casesCliFixture();
  ids = await f.seedCases(async ({ cases }) => {
    const actor = cliActor();
    const acme1 = await cases.incidents.create(actor, {
      tenant: 'acme',
      title: 'Phishing mail to accounting',
      category: 'phishing',
    });
    const globex1 = await cases.incidents.create(actor, {
      tenant: 'globex',
      title: 'Ransomware on the file server',
      category: 'malware',
      withPlaybook: false,
    });
    const acme2 = await cases.incidents.create(actor, {
      tenant: 'acme',
      title: `Follow-up of ${ref(1)}`,
      category: 'other',
      withPlaybook: false,
    });
    const id = acme1.incident.id;
    await cases.incidents.setPhase(actor, id, 'containment');
    await cases.observables.add(actor, id, { type: 'domain', value: 'invoice-portal.example' });
    await cases.incidents.link(actor, id, acme2.incident.id, 'related');
    await cases.timeline.add(actor, id, {
      summary: '=HYPERLINK("x") called the user, "mail deleted"',
      eventTime: Date.UTC(year, 0, 2, 9, 30),
    });
    await cases.incidents.close(actor, acme2.incident.id, 'duplicate of the first');
    return { acme1: id, acme2: acme2.incident.id, globex1: globex1.incident.id };
  });
});
afterEach(() => f.close());

async function listed(...args: string[]): Promise<Incident[]> {
  const { out, code } = await f.run('incidents', 'list', '--format', 'jsonl', ...args);
  expect(code).toBeUndefined();
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Incident);
}

describe('yagura incidents list', () => {
  it("prints every tenant's incidents as a table, filtered by tenant, status and phase", async () => {
    const all = await f.run('incidents', 'list');
    expect(all.code).toBeUndefined();
    const lines = all.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REF\s+TENANT\s+STATUS\s+PHASE\s+SEVERITY\s+PRIORITY\s+CATEGORY\s+TITLE/);
    // Opened within the same millisecond or two here, so the order is not checked.
    expect(
      lines
        .slice(1)
        .map((l) => l.split(/\s+/).slice(0, 4).join(' '))
        .sort(),
    ).toEqual([
      `${ref(1)} acme open containment`,
      `${ref(1)} globex open detection_analysis`,
      `${ref(2)} acme closed detection_analysis`,
    ]);
    expect(all.err).toBe('3 incidents.\n');

    expect((await listed('--tenant', 'globex')).map((i) => i.title)).toEqual([
      'Ransomware on the file server',
    ]);
    expect((await listed('--status', 'closed')).map((i) => i.id)).toEqual([ids.acme2]);
    expect((await listed('--phase', 'containment')).map((i) => i.id)).toEqual([ids.acme1]);
    expect((await listed('--status', 'open', '--tenant', 'acme')).map((i) => i.ref)).toEqual([ref(1)]);
  });

  it('refuses an unknown status, phase, format or tenant with exit code 1', async () => {
    for (const [args, message] of [
      [['--status', 'done'], 'Unknown incident status "done" (one of open, closed)'],
      [['--phase', 'triage'], 'Unknown phase "triage"'],
      [['--format', 'json'], 'Unknown format "json" (one of table, jsonl)'],
      [['--tenant', 'initech'], 'Tenant "initech" does not exist (known: acme, globex)'],
    ] as const) {
      const run = await f.run('incidents', 'list', ...args);
      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err).toContain(message);
    }
  });
});

describe('yagura incidents show', () => {
  it('shows the incident with its tasks by phase, observables and links, by id or reference', async () => {
    const byId = await f.run('incidents', 'show', ids.acme1);
    expect(byId.code).toBeUndefined();
    expect(byId.out).toContain(`Incident ${ref(1)} (tenant acme, id ${ids.acme1})`);
    expect(byId.out).toMatch(/phase\s+containment/);
    expect(byId.out).toMatch(/Tasks \(\d+ open of \d+\):\n {2}detection_analysis\n {4}\[todo\] \S/);
    expect(byId.out).toContain('Alerts (0):\n  -');
    expect(byId.out).toContain('Observables (1):\n  domain  invoice-portal.example');
    expect(byId.out).toContain(`Links (1):\n  related  ${ref(2)}  closed  Follow-up of ${ref(1)}`);

    const byRef = await f.run('incidents', 'show', ref(1).toLowerCase(), '--tenant', 'acme');
    expect(byRef.out).toBe(byId.out);
    // Only one tenant has a second incident: its reference needs no tenant.
    const json = JSON.parse(
      (await f.run('incidents', 'show', ref(2), '--format', 'json')).out,
    ) as IncidentDetail;
    expect(json.incident).toMatchObject({ id: ids.acme2, status: 'closed' });
    expect(json.links.map((l) => [l.incidentId, l.relation])).toEqual([[ids.acme1, 'related']]);
  });

  it('refuses a reference that exists in several tenants, naming them, until --tenant says which', async () => {
    const ambiguous = await f.run('incidents', 'show', ref(1));
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.out).toBe('');
    expect(ambiguous.err).toContain(`${ref(1)} exists in 2 tenants (acme, globex); name one with --tenant`);

    const globex = await f.run('incidents', 'show', ref(1), '--tenant', 'globex', '--format', 'json');
    expect((JSON.parse(globex.out) as IncidentDetail).incident.id).toBe(ids.globex1);
  });

  it('says when there is no such incident, or it is of another tenant than named', async () => {
    const none = await f.run('incidents', 'show', ref(9));
    expect(none).toMatchObject({ code: 1, out: '' });
    expect(none.err).toContain(`No incident ${ref(9)} [NOT_FOUND]`);
    const notThere = await f.run('incidents', 'show', ref(2), '--tenant', 'globex');
    expect(notThere.err).toContain(`No incident ${ref(2)} in tenant globex`);
    const other = await f.run('incidents', 'show', ids.globex1, '--tenant', 'acme');
    expect(other.code).toBe(1);
    expect(other.err).toContain(`belongs to tenant globex, not acme`);
    const missing = await f.run('incidents', 'show', '0'.repeat(24));
    expect(missing.err).toContain('[NOT_FOUND]');
  });
});

describe('yagura incidents timeline', () => {
  it('prints the timeline oldest first, or the CSV export of the API', async () => {
    const shown = await f.run('incidents', 'timeline', ref(1), '--tenant', 'acme');
    expect(shown.code).toBeUndefined();
    const lines = shown.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+KIND\s+ACTOR\s+SUMMARY$/);
    // The manual entry happened on 2 January, before the incident was opened: it sorts first.
    expect(lines[1]).toMatch(
      new RegExp(`^${year}-01-02T09:30:00.000Z\\s+manual\\s+cli:\\S+\\s+=HYPERLINK\\("x"\\) called the user`),
    );
    expect(lines.slice(2).some((l) => /\bphase\b/.test(l))).toBe(true);

    const csv = await f.run('incidents', 'timeline', ids.acme1, '--csv');
    expect(csv.code).toBeUndefined();
    expect(csv.out.startsWith('\ufeffevent_time,recorded_at,kind,summary,actor,ref_type,ref_id\r\n')).toBe(
      true,
    );
    const rows = csv.out.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(lines.length);
    // Formula-like cells are neutralized and quotes doubled, as in the API download.
    expect(rows[1]).toMatch(
      new RegExp(
        `^${year}-01-02T09:30:00.000Z,[^,]+,manual,"'=HYPERLINK\\(""x""\\) called the user, ""mail deleted""",cli:`,
      ),
    );

    const ambiguous = await f.run('incidents', 'timeline', ref(1), '--csv');
    expect(ambiguous).toMatchObject({ code: 1, out: '' });
    expect(ambiguous.err).toContain('(acme, globex)');
  });
});
