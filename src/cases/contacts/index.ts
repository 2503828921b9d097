// The contacts area as the API and the composition root see it: directory, communications, templates, inquiries.
import type { InquiryService } from '../inquiries/inquiry-service.js';
import type { CommunicationService } from './communication-service.js';
import type { ContactService } from './contact-service.js';
import type { TemplateService } from './template-service.js';

export interface ContactServices {
  contacts: ContactService;
  communications: CommunicationService;
  templates: TemplateService;
  inquiries: InquiryService;
}
