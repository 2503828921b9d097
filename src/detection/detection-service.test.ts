import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFixture, type AccessFixture } from '../access/test-support.js';
import type { Event } from '../core/event.js';
import { newEventId, tenantId } from '../core/ids.js';
import { detectionSchema } from './config.js';
import { DetectionService } from './detection-service.js';
import { FindingsService } from './findings-service.js';

const rule = `title: Encoded PowerShell
id: 4f1a0000-0000-4000-8000-000000000001
author: Tester
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine|contains: ' -enc '
  condition: selection
level: high
`;

function events(n: number): Event[] {
  return Array.from({ length: n }, (_, i) => ({
    id: newEventId(1_700_000_000_000 + i),
    tenant: tenantId(i % 2 === 0 ? 'acme' : 'globex'),
    time: 1_700_000_000_000 + i,
    receivedAt: 1_700_000_000_000 + i,
    logsource: { product: 'windows', category: 'process_creation' },
    fields: { 'process.command_line': i % 10 === 0 ? 'powershell.exe -enc SQBFAFgA' : 'notepad.exe a.txt' },
  }));
}

describe('DetectionService', () => {
  let dir: string;
  let access: AccessFixture;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yagura-detection-'));
    writeFileSync(join(dir, 'rule.yml'), rule);
    access = await accessFixture();
    for (const id of ['acme', 'globex']) {
      await access.tenants.create(access.cli, { id, name: id, timeZone: 'UTC', sources: [] });
    }
  });
  afterAll(async () => {
    await access.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the same on the main thread and on two worker threads, tenants split between them', async () => {
    const results: string[][] = [];
    for (const workers of [0, 2]) {
      const config = detectionSchema.parse({
        ruleSets: [{ id: 'mine', paths: [dir] }],
        workers,
        watch: false,
      });
      const service = await DetectionService.open(config, {
        db: access.db,
        audit: access.audit,
        logger: pino({ level: 'silent' }),
      });
      expect(service.status()).toMatchObject({ workers, ruleSets: [{ id: 'mine', rules: 1 }] });
      const found = await service.process(events(100));
      results.push(found.map((f) => `${f.tenant}:${f.rule.id}:${f.events[0]!.id}`).sort());
      await service.close();
    }
    expect(results[0]).toHaveLength(10);
    expect(results[1]).toEqual(results[0]);
  }, 60_000);

  it('stores findings, lists them newest first within the reader’s tenants, and hands them to in-server stages', async () => {
    const findings = new FindingsService(access.db, () => [tenantId('acme'), tenantId('globex')]);
    const config = detectionSchema.parse({
      ruleSets: [{ id: 'mine', paths: [dir] }],
      workers: 0,
      watch: false,
    });
    const service = await DetectionService.open(config, {
      db: access.db,
      audit: access.audit,
      logger: pino({ level: 'silent' }),
    });
    const staged: string[] = [];
    findings.onRecorded((batch) => staged.push(...batch.map((r) => r.events[0]!.id)));
    await findings.record(await service.process(events(100)));
    expect(staged).toHaveLength(10);
    const analyst = await access.signIn('ana', 'soc_analyst', ['acme']);
    const page = await findings.list(analyst, { limit: 3 });
    expect(page.findings.map((f) => f.tenant)).toEqual(['acme', 'acme', 'acme']);
    expect(page.findings[0]!.time).toBeGreaterThan(page.findings[1]!.time);
    const rest = await findings.list(analyst, { limit: 10, cursor: page.next! });
    expect(rest.findings).toHaveLength(7);
    expect(rest.next).toBeUndefined();
    await expect(findings.list(analyst, { limit: 3, tenants: ['globex'] })).rejects.toThrow(/Not permitted/);
    const viewer = await access.signIn('vic', 'viewer', ['acme']);
    await expect(findings.list(viewer, { limit: 3 })).rejects.toThrow(/findings:read/);
    await service.close();
  });
});
