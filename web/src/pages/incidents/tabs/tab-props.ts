// What every tab of the incident page gets: the incident as loaded, and a way to reload it after a change.
import type { Schemas } from '../../../api/client.js';

export interface IncidentTabProps {
  detail: Schemas['IncidentDetail'];
  /** Reloads the incident (header, counts, tasks) after the tab changed something. */
  onChanged: () => void;
}
