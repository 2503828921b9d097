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
    path: '/ingest',
    label: 'nav.ingest',
    permission: 'events:read',
    component: lazy(() => import('../pages/ingest/IngestPage.js')),
  },
];
