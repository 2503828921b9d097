// The alerts area: /alerts is the queue, /alerts/<id> one alert.
import { AlertDetail } from './AlertDetail.js';
import { AlertQueue } from './AlertQueue.js';
import { usePath } from '../../shell/router.js';
import './alerts.css';

export default function AlertsPage() {
  const path = usePath();
  const id = decodeURIComponent(path.slice('/alerts/'.length));
  return path.startsWith('/alerts/') && id ? <AlertDetail key={id} id={id} /> : <AlertQueue />;
}
