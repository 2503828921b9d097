// Reads the configured rule sets and indicator files (in the server and in each detection worker).
import type { LoadedRuleSet } from '../detect/engine.js';
import type { IndicatorSet } from '../detect/intel/indicator.js';
import { loadIndicatorFile } from '../detect/intel/load.js';
import { loadRules } from '../detect/sigma/loader.js';
import type { DetectionConfig } from './config.js';

/** An indicator file that could not be read whole: how many entries were refused, or why the file was. */
export interface IntelProblem {
  path: string;
  problems: number;
  message?: string;
}

const DAY_MS = 86_400_000;

/** Reads the configured rule sets and indicator files; problems are collected, never thrown. */
export async function loadDetectionContent(config: DetectionConfig): Promise<{
  ruleSets: LoadedRuleSet[];
  intel: IndicatorSet[];
  intelProblems: IntelProblem[];
}> {
  const placeholders = new Map(Object.entries(config.placeholders));
  const ruleSets = config.ruleSets.map((s) => ({
    id: s.id,
    loaded: loadRules(s.paths, { placeholders }),
    enabledByDefault: s.enabledByDefault,
  }));
  const intel: IndicatorSet[] = [];
  const intelProblems: IntelProblem[] = [];
  for (const file of config.intel) {
    try {
      const loaded = await loadIndicatorFile(file.path, {
        ...(file.id !== undefined ? { id: file.id } : {}),
        ...(file.name !== undefined ? { name: file.name } : {}),
        ...(file.format !== undefined ? { format: file.format } : {}),
        ...(file.ttlDays !== undefined ? { defaultTtlMs: file.ttlDays * DAY_MS } : {}),
        ...(file.level !== undefined ? { defaultLevel: file.level } : {}),
      });
      intel.push(loaded.set);
      if (loaded.problems.length > 0)
        intelProblems.push({ path: file.path, problems: loaded.problems.length });
    } catch (error) {
      intelProblems.push({ path: file.path, problems: 1, message: (error as Error).message });
    }
  }
  return { ruleSets, intel, intelProblems };
}

/** Rule set id -> enabled, per tenant: what a tenant changed from the sets' defaults. */
export type RuleSetSettings = ReadonlyMap<string, ReadonlyMap<string, boolean>>;

/** The rule sets a tenant runs: its own setting for each set, else the set's default. */
export function enabledRuleSets(
  ruleSets: readonly LoadedRuleSet[],
  settings: RuleSetSettings,
  tenant: string,
): string[] {
  const own = settings.get(tenant);
  return ruleSets.filter((s) => own?.get(s.id) ?? s.enabledByDefault).map((s) => s.id);
}
