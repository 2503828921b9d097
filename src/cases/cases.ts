// Composes the incident services over one state database: incidents, their tasks, timeline and observables, and the
// playbooks they were opened with.
import type { EventStore } from '../store/event-store.js';
import type { AlertService } from '../triage/alert-service.js';
import type { TriageDeps } from '../triage/service-support.js';
import { IncidentService } from './incident-service.js';
import { IncidentObservableService } from './observable-service.js';
import {
  assertPlaybooksValid,
  effectivePlaybooks,
  loadPlaybooks,
  starterPlaybooksDir,
  type PlaybookProblem,
} from './playbooks/load.js';
import type { Playbook } from './playbooks/playbook.js';
import { IncidentTaskService } from './task-service.js';
import { IncidentTimelineService } from './timeline-service.js';

export interface Cases {
  incidents: IncidentService;
  tasks: IncidentTaskService;
  timeline: IncidentTimelineService;
  observables: IncidentObservableService;
  /** The playbooks in force (a user playbook replaces the starter one with its id). */
  playbooks(): readonly Playbook[];
}

export interface CasesOptions {
  playbooks?: readonly Playbook[];
  /** For incidents from alerts. */
  alerts?: AlertService;
  /** For sighting searches. */
  store?: EventStore;
}

export function openCases(deps: TriageDeps, options: CasesOptions = {}): Cases {
  const playbooks = effectivePlaybooks(options.playbooks ?? []);
  return {
    incidents: new IncidentService(deps, {
      playbooks: () => playbooks,
      ...(options.alerts ? { alerts: options.alerts } : {}),
    }),
    tasks: new IncidentTaskService(deps),
    timeline: new IncidentTimelineService(deps),
    observables: new IncidentObservableService(deps, options.store ? { store: options.store } : {}),
    playbooks: () => playbooks,
  };
}

/**
 * The starter playbooks and those of the user's folders. Errors stop the start (PLAYBOOK_INVALID listing them all);
 * warnings are returned for the log.
 */
export function loadCasePlaybooks(userDirs: readonly string[] = []): {
  playbooks: Playbook[];
  warnings: PlaybookProblem[];
} {
  const result = loadPlaybooks([
    { dir: starterPlaybooksDir(), origin: 'starter' },
    ...userDirs.map((dir) => ({ dir, origin: 'user' as const })),
  ]);
  assertPlaybooksValid(result);
  return { playbooks: result.playbooks, warnings: result.problems.filter((p) => p.severity === 'warning') };
}
