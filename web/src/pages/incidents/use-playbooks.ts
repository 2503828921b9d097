// The playbooks in force, loaded once per page visit, to name the playbook an incident's tasks came from.
import { unwrap, type Schemas } from '../../api/client.js';
import { useRequest } from '../../lib/use-request.js';
import { useSession } from '../../shell/session.js';
import { localized } from './incident-model.js';

export type Playbook = Schemas['Playbook'];

export function usePlaybooks(): Playbook[] {
  const session = useSession();
  const answer = useRequest((signal) => unwrap(session.api.client.GET('/api/playbooks', { signal })), []);
  return answer.data?.playbooks ?? [];
}

/** "Ransomware response (v2)" for a playbook reference, or its id while the list is loading or unknown. */
export function playbookName(
  ref: { id: string; version: number } | null,
  playbooks: readonly Playbook[],
  language: string,
): string {
  if (!ref) return '';
  const found = playbooks.find((p) => p.id === ref.id);
  const title = found ? localized(found.title, language) : ref.id;
  return `${title} (v${ref.version})`;
}

/** What the list page tells the incident page it just opened: how many playbook tasks came with it. */
export const createdMemory = new Map<string, { tasks: number }>();
