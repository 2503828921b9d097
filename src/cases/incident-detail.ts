// One incident as the console's incident page shows it: the incident with its tasks, alerts, observables, links and counts.
import type { StateDb } from '../state/database.js';
import {
  incidentRef,
  toIncident,
  toIncidentObservable,
  toTask,
  type Incident,
  type IncidentLink,
  type IncidentObservable,
  type IncidentStatus,
  type IncidentTask,
  type LinkRelation,
} from './incident-model.js';
import type { IncidentRow } from './incident-support.js';

export interface IncidentDetail {
  incident: Incident;
  tasks: IncidentTask[];
  /** The linked alerts' ids, in the order they were linked. */
  alertIds: string[];
  observables: IncidentObservable[];
  links: IncidentLink[];
  counts: {
    tasks: number;
    tasksOpen: number;
    alerts: number;
    observables: number;
    timeline: number;
  };
}

export async function loadIncidentDetail(db: StateDb, row: IncidentRow): Promise<IncidentDetail> {
  const id = row.id;
  const [tasks, alerts, observables, links, timeline] = await Promise.all([
    db
      .selectFrom('incident_tasks')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('incident_alerts')
      .select('alert_id')
      .where('incident_id', '=', id)
      .orderBy('linked_at')
      .orderBy('alert_id')
      .execute(),
    db.selectFrom('incident_observables').selectAll().where('incident_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('incident_links')
      .innerJoin('incidents', 'incidents.id', 'incident_links.other_id')
      .select([
        'incident_links.other_id',
        'incident_links.relation',
        'incident_links.linked_at',
        'incidents.year',
        'incidents.seq',
        'incidents.title',
        'incidents.status',
      ])
      .where('incident_links.incident_id', '=', id)
      .orderBy('incident_links.linked_at')
      .execute(),
    db
      .selectFrom('incident_timeline')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('incident_id', '=', id)
      .executeTakeFirst(),
  ]);
  const taskList = tasks.map(toTask);
  return {
    incident: toIncident(row),
    tasks: taskList,
    alertIds: alerts.map((a) => a.alert_id),
    observables: observables.map(toIncidentObservable),
    links: links.map((l) => ({
      incidentId: l.other_id,
      ref: incidentRef(l.year, l.seq),
      title: l.title,
      status: l.status as IncidentStatus,
      relation: l.relation as LinkRelation,
      linkedAt: l.linked_at,
    })),
    counts: {
      tasks: taskList.length,
      tasksOpen: taskList.filter((t) => t.status === 'todo' || t.status === 'in_progress').length,
      alerts: alerts.length,
      observables: observables.length,
      timeline: Number(timeline?.n ?? 0),
    },
  };
}
