// A detection worker: holds its own engine (rules compiled in this thread) and runs the batches it is sent.
import { parentPort } from 'node:worker_threads';
import type { TenantId } from '../../core/ids.js';
import { DetectionEngine } from '../../detect/engine.js';
import { enabledRuleSets, loadDetectionContent } from '../content.js';
import type { FromWorker, TenantSettings, ToWorker } from './protocol.js';

let engine = new DetectionEngine({ ruleSets: [], intel: [] });
let settings = new Map<string, Map<string, boolean>>();

const enabledFor = (tenant: TenantId): string[] => enabledRuleSets(engine.content.ruleSets, settings, tenant);

function readSettings(list: TenantSettings): void {
  settings = new Map(list.map(([tenant, sets]) => [tenant, new Map(sets)]));
}

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (message: ToWorker) => {
  if (message.kind === 'settings') {
    readSettings(message.settings);
    return;
  }
  if (message.kind === 'load') {
    readSettings(message.settings);
    loadDetectionContent(message.config).then(
      (content) => {
        engine = new DetectionEngine(
          { ruleSets: content.ruleSets, intel: content.intel, mappings: message.config.fieldMappings },
          enabledFor,
        );
        post({ kind: 'loaded', id: message.id, status: engine.status(), problems: 0 });
      },
      (error: Error) => post({ kind: 'failed', id: message.id, message: error.message }),
    );
    return;
  }
  try {
    post({ kind: 'findings', id: message.id, findings: engine.process(message.events) });
  } catch (error) {
    post({ kind: 'failed', id: message.id, message: (error as Error).message });
  }
});
