// Test fixture for the triage routes: the app over a real state database, with the triage services composed as the
// server does (FindingsService feeding the stage), and API tokens for users of chosen roles and tenants.
import { cliActor, type Role } from '../../access/actor.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import type { Finding } from '../../detect/finding.js';
import { FindingsService, type StoredFinding } from '../../detection/findings-service.js';
import { openTriage, type Triage } from '../../triage/triage-stage.js';
import { T0 } from '../../triage/test-support.js';
import { TENANTS, testAccess, testApp, type TestAccess } from '../test-support.js';

export interface TriageApi {
  t: TestAccess;
  app: ReturnType<typeof testApp>['app'];
  triage: Triage;
  findings: FindingsService;
  /** Stores the findings (the stage sees them) and writes what the stage has pending. */
  record(list: Finding[]): Promise<StoredFinding[]>;
  /** The Authorization header of a new user with an API token. */
  user(username: string, role: Role, tenants: string[]): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export async function triageApi(): Promise<TriageApi> {
  const t = await testAccess({ now: T0 });
  const known = () => TENANTS;
  const triage = await openTriage(
    { db: t.db, audit: t.access.audit, knownTenants: known, clock: () => t.clock.now },
    { flushEveryMs: 60_000 },
  );
  const findings = new FindingsService(t.db, known, () => t.clock.now);
  triage.stage.attach(findings);
  const { app } = testApp({ access: t.access, triage, now: () => t.clock.now });
  const cli = cliActor();
  return {
    t,
    app,
    triage,
    findings,
    async record(list) {
      const stored = await findings.record(list);
      await triage.stage.flush();
      return stored;
    },
    async user(username, role, tenants) {
      const u = await t.access.users.create(cli, { username, role, tenants, password: GOOD_PASSWORD });
      const { secret } = await t.access.tokens.create(cli, { userId: u.id, name: 'test' });
      return { authorization: `Bearer ${secret}` };
    },
    async close() {
      await app.close();
      await triage.stage.close();
      await t.close();
    },
  };
}
