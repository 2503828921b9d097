// The console's pages: each declares its path, menu label and the permission it needs; later areas add a line here.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageDefinition {
  path: string;
  /** i18n key of the menu label and page title. */
  label: string;
  /** Shown only to users who hold this permission. */
  permission: string;
  component: LazyExoticComponent<ComponentType>;
}

export const PAGES: readonly PageDefinition[] = [
  {
    path: '/search',
    label: 'nav.search',
    permission: 'events:read',
    component: lazy(() => import('../pages/search/SearchPage.js')),
  },
  {
    path: '/alerts',
    label: 'nav.alerts',
    permission: 'alerts:read',
    component: lazy(() => import('../pages/alerts/AlertsPage.js')),
  },
  {
    path: '/incidents',
    label: 'nav.incidents',
    permission: 'incidents:read',
    component: lazy(() => import('../pages/incidents/IncidentsPage.js')),
  },
  {
    path: '/inquiries',
    label: 'nav.inquiries',
    permission: 'inquiries:read',
    component: lazy(() => import('../pages/inquiries/InquiriesPage.js')),
  },
  {
    path: '/allowlist',
    label: 'nav.allowlist',
    permission: 'alerts:read',
    component: lazy(() => import('../pages/allowlist/AllowlistPage.js')),
  },
  {
    path: '/assets',
    label: 'nav.assets',
    permission: 'alerts:read',
    component: lazy(() => import('../pages/assets/AssetsPage.js')),
  },
  {
    path: '/escalation-policies',
    label: 'nav.escalation',
    permission: 'alerts:read',
    component: lazy(() => import('../pages/escalation/EscalationPage.js')),
  },
  {
    path: '/contacts',
    label: 'nav.contacts',
    permission: 'incidents:read',
    component: lazy(() => import('../pages/contacts/ContactsPage.js')),
  },
  {
    path: '/ingest',
    label: 'nav.ingest',
    permission: 'events:read',
    component: lazy(() => import('../pages/ingest/IngestPage.js')),
  },
];
