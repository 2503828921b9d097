// The incidents area: /incidents is the list, /incidents/<id> one incident.
import { usePath } from '../../shell/router.js';
import { IncidentDetail } from './IncidentDetail.js';
import { IncidentList } from './IncidentList.js';
import '../alerts/alerts.css';
import './incidents.css';

export default function IncidentsPage() {
  const path = usePath();
  const id = decodeURIComponent(path.slice('/incidents/'.length));
  return path.startsWith('/incidents/') && id ? <IncidentDetail key={id} id={id} /> : <IncidentList />;
}
