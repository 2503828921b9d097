// Test fixture for the contacts, communications and inquiry routes: the app over a real state database with the
// services composed as the server does, a test incident table standing in for the incident service, and API tokens.
import { cliActor, type Role } from '../../access/actor.js';
import { GOOD_PASSWORD } from '../../access/test-support.js';
import { CommunicationService } from '../../cases/contacts/communication-service.js';
import { ContactService } from '../../cases/contacts/contact-service.js';
import { loadTemplates, starterTemplatesDir } from '../../cases/contacts/template-model.js';
import { TemplateService } from '../../cases/contacts/template-service.js';
import { FakeIncidents, T0 } from '../../cases/contacts/test-support.js';
import { InquiryService } from '../../cases/inquiries/inquiry-service.js';
import { TENANTS, testAccess, testApp, type TestAccess } from '../test-support.js';

export interface ContactsApi {
  t: TestAccess;
  app: ReturnType<typeof testApp>['app'];
  incidents: FakeIncidents;
  user(username: string, role: Role, tenants: string[]): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export async function contactsApi(): Promise<ContactsApi> {
  const t = await testAccess({ now: T0 });
  const deps = { db: t.db, audit: t.access.audit, knownTenants: () => TENANTS, clock: () => t.clock.now };
  const incidents = new FakeIncidents(t.db);
  await incidents.setUp();
  const contacts = new ContactService(deps);
  const services = {
    contacts,
    communications: new CommunicationService(deps, incidents, incidents, contacts),
    templates: new TemplateService(deps, incidents, contacts, {
      templates: loadTemplates(starterTemplatesDir()).templates,
      facts: incidents,
    }),
    inquiries: new InquiryService(deps, incidents, incidents),
  };
  const { app } = testApp({ access: t.access, contacts: services, now: () => t.clock.now });
  const cli = cliActor();
  return {
    t,
    app,
    incidents,
    async user(username, role, tenants) {
      const u = await t.access.users.create(cli, { username, role, tenants, password: GOOD_PASSWORD });
      const { secret } = await t.access.tokens.create(cli, { userId: u.id, name: 'test' });
      return { authorization: `Bearer ${secret}` };
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}
