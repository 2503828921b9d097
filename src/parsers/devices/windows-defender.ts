// Microsoft Defender Antivirus (Microsoft-Windows-Windows Defender/Operational) EventData to ECS.
import {
  FILE,
  PROCESS,
  USER,
  type Fields,
  dict,
  keysOf,
  putDomainUser,
  putExecutable,
  putFilePath,
  putNumber,
  text,
} from './endpoint-common.js';

const ED = 'winlog.event_data.';
const E = keysOf(ED, [
  'Action_Name',
  'Category_Name',
  'Detection_User',
  'Error_Description',
  'FWLink',
  'Path',
  'Process_Name',
  'Product_Version',
  'Severity_ID',
  'Threat_ID',
  'Threat_Name',
] as const);
const ed = (f: Fields, name: keyof typeof E): string | undefined => text(f, E[name]);

// Detections (1006/1116: found; 1007/1117: acted on; 1008/1118/1119: action failed) carry the threat fields.
const DETECTIONS: ReadonlySet<string> = new Set([
  '1006',
  '1007',
  '1008',
  '1015',
  '1116',
  '1117',
  '1118',
  '1119',
]);

const ACTIONS: Readonly<Record<string, string>> = dict({
  '5007': 'antivirus-configuration-changed',
  '2000': 'antivirus-updated',
  '2050': 'file-uploaded',
});

/**
 * Defender writes resources as "file:_C:\path", several joined by ";" (also "containerfile:_", "process:_pid:..");
 * the first file resource is the path.
 */
function firstFilePath(value: string): string | undefined {
  for (const part of value.split(';')) {
    const p = part.trim();
    const mark = p.indexOf(':_');
    if (mark < 0) {
      if (p.length > 0) return p;
      continue;
    }
    const kind = p.slice(0, mark);
    if (kind === 'file' || kind === 'containerfile') return p.slice(mark + 2);
  }
  return undefined;
}

/** Maps one Defender event's EventData (keys with underscores, as Winlogbeat writes "Threat Name"). */
export function normalizeDefender(f: Fields, id: string): void {
  f['observer.vendor'] = 'Microsoft';
  f['observer.product'] = 'Microsoft Defender Antivirus';
  const version = ed(f, 'Product_Version');
  if (version !== undefined) f['observer.version'] = version;
  if (DETECTIONS.has(id)) {
    f['event.kind'] = 'alert';
    f['event.category'] = ['malware'];
    f['event.type'] = ['info'];
    const action = ed(f, 'Action_Name');
    f['event.action'] = id === '1117' && action === 'Quarantine' ? 'malware-quarantined' : 'malware-detected';
    const threat = ed(f, 'Threat_Name');
    if (threat !== undefined) f['rule.name'] = threat;
    const threatId = ed(f, 'Threat_ID');
    if (threatId !== undefined) f['rule.id'] = threatId;
    const category = ed(f, 'Category_Name');
    if (category !== undefined) f['rule.category'] = category;
    putNumber(f, 'event.severity', ed(f, 'Severity_ID'));
    const path = ed(f, 'Path');
    putFilePath(f, FILE, path === undefined ? undefined : firstFilePath(path));
    const process = ed(f, 'Process_Name');
    if (process !== undefined && process !== 'Unknown') putExecutable(f, PROCESS, process);
    putDomainUser(f, USER, ed(f, 'Detection_User'));
    const link = ed(f, 'FWLink');
    if (link !== undefined) f['event.reference'] = link;
    const error = ed(f, 'Error_Description');
    if (error !== undefined && error.trim() === 'The operation completed successfully.')
      f['event.outcome'] = 'success';
    else if (error !== undefined && (id === '1008' || id === '1118' || id === '1119'))
      f['event.outcome'] = 'failure';
  } else {
    const action = ACTIONS[id];
    if (action !== undefined) f['event.action'] = action;
    f['event.category'] = id === '5007' ? ['configuration'] : id === '2050' ? ['file'] : ['process'];
    f['event.type'] = id === '5007' ? ['change'] : ['info'];
  }
}
