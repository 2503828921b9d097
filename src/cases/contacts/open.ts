// Composes the contacts area (directory, communications, templates, inquiries) over the incident service's
// contracts; the starter templates and the playbooks' templates are loaded here, a broken file is an error.
import { YaguraError } from '../../core/errors.js';
import type { TriageDeps } from '../../triage/service-support.js';
import type {
  IncidentCreator,
  IncidentFactsReader,
  IncidentLookup,
  TimelineWriter,
} from '../case-support.js';
import type { Playbook } from '../playbooks/playbook.js';
import { InquiryService } from '../inquiries/inquiry-service.js';
import { CommunicationService } from './communication-service.js';
import { ContactService } from './contact-service.js';
import type { ContactServices } from './index.js';
import { loadTemplates, playbookTemplates, starterTemplatesDir } from './template-model.js';
import { TemplateService } from './template-service.js';

export interface ContactAreaSources {
  /** The incident service implements all four. */
  incidents: IncidentLookup & TimelineWriter & IncidentCreator & Partial<IncidentFactsReader>;
  /** The playbooks in use, whose tasks' templates are offered too. */
  playbooks?: readonly Playbook[];
  /** The template folder (default: content/communication-templates of the package). */
  templatesDir?: string;
}

export function openContactServices(deps: TriageDeps, sources: ContactAreaSources): ContactServices {
  const { templates, problems } = loadTemplates(sources.templatesDir ?? starterTemplatesDir());
  if (problems.length > 0) {
    throw new YaguraError(
      'CONFIG_INVALID',
      `Communication templates have problems: ${problems.map((p) => `${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; ')}`,
    );
  }
  const { incidents } = sources;
  const facts = incidents.factsOf ? { factsOf: incidents.factsOf.bind(incidents) } : undefined;
  const contacts = new ContactService(deps);
  return {
    contacts,
    communications: new CommunicationService(deps, incidents, incidents, contacts),
    templates: new TemplateService(deps, incidents, contacts, {
      templates: [...templates, ...playbookTemplates(sources.playbooks ?? [])],
      ...(facts ? { facts } : {}),
    }),
    inquiries: new InquiryService(deps, incidents, incidents),
  };
}
