// Allow-list rules as the service hands them out, their input checks, and the mapping from the table.
import type { Selectable } from 'kysely';
import { YaguraError } from '../core/errors.js';
import type { AllowlistRulesTable } from './tables.js';

export interface AllowlistRule {
  id: string;
  tenant: string;
  /** The detection rule id it applies to (it survives rule updates); null for every rule of the tenant. */
  ruleId: string | null;
  /** Search-language conditions over the finding's events and pseudo-fields; empty means every finding of the rule. */
  conditions: string;
  justification: string;
  owner: string;
  expiresAt: number | null;
  /** Set when the rule was made from an alert ("suppress alerts like this"). */
  sourceAlertId: string | null;
  hits: number;
  lastHitAt: number | null;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
  deletedAt: number | null;
}

export interface AllowlistInput {
  tenant: string;
  ruleId: string | null;
  conditions: string;
  justification: string;
  owner: string;
  expiresAt?: number | null;
}

export interface AllowlistChanges {
  conditions?: string;
  justification?: string;
  owner?: string;
  expiresAt?: number | null;
}

export function toAllowlistRule(row: Selectable<AllowlistRulesTable>): AllowlistRule {
  return {
    id: row.id,
    tenant: row.tenant,
    ruleId: row.rule_id,
    conditions: row.conditions,
    justification: row.justification,
    owner: row.owner,
    expiresAt: row.expires_at,
    sourceAlertId: row.source_alert_id,
    hits: row.hits,
    lastHitAt: row.last_hit_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function checkJustification(text: string | undefined): string {
  const v = (text ?? '').trim();
  if (v.length === 0) {
    throw new YaguraError(
      'REQUEST_INVALID',
      'An allow-list rule needs a justification: why these findings are benign',
    );
  }
  if (v.length > 2000)
    throw new YaguraError('REQUEST_INVALID', 'A justification may have at most 2000 characters');
  return v;
}

export function checkOwner(text: string | undefined): string {
  const v = (text ?? '').trim();
  if (v.length === 0) {
    throw new YaguraError(
      'REQUEST_INVALID',
      'An allow-list rule needs an owner: who answers for it and reviews it',
    );
  }
  if (v.length > 200) throw new YaguraError('REQUEST_INVALID', 'An owner may have at most 200 characters');
  return v;
}

export function checkRuleId(ruleId: string | null): string | null {
  if (ruleId === null) return null;
  const v = ruleId.trim();
  if (v.length === 0 || v.length > 200) {
    throw new YaguraError(
      'REQUEST_INVALID',
      'A rule id must have 1 to 200 characters (or be null for every rule)',
    );
  }
  return v;
}

export function checkExpiry(expiresAt: number | null | undefined, now: number): number | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  if (!Number.isSafeInteger(expiresAt))
    throw new YaguraError('REQUEST_INVALID', 'The expiry must be epoch milliseconds');
  if (expiresAt <= now) throw new YaguraError('REQUEST_INVALID', 'The expiry must be in the future');
  return expiresAt;
}
