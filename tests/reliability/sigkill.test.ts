/**
 * Crash safety: the app process is killed with SIGKILL in the middle of a
 * burst of API writes. Every write the server acknowledged (2xx) must be in
 * the database after a restart, and once the app is up again the search
 * index must hold exactly what the database says (zero differences), with
 * the outbox drained. Runs against PostgreSQL and against PGlite's data
 * directory (which only the parent opens, and only once the child is dead:
 * PGlite is single-process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../app/employers/api-keys.server.js';
import type { EmployerActor } from '../../app/employers/organisations.server.js';
import { getSlot } from '../../app/employers/slots.server.js';
import { parseEnv, type AppEnv } from '../../app/env.server.js';
import { startServices, stopServices, type AppServices } from '../../app/services.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { buildOrganisation, buildUser, buildWorkplace, insertOrganisation, insertUser, insertWorkplace } from '../../db/seed/factories.js';
import { createRng } from '../../db/seed/random.js';
import { createDocumentSources } from '../../app/matching/documents/index.server.js';
import { outboxBacklog } from '../../search/outbox.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../setup/database.js';
import { indexDifferences } from './index-convergence.js';

const WORKERS = 6;
/** Acknowledged writes before the kill: enough that every worker is mid-loop. */
const KILL_AFTER_ACKS = 60;
const silent = pino({ level: 'silent' });
const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Meilisearch joins in when configured, on indexes of its own; otherwise the embedded engine. */
function searchSettings(): Record<string, string> {
  const host = process.env.MEILI_HOST;
  if (!host) return {};
  return {
    MEILI_HOST: host,
    ...(process.env.MEILI_MASTER_KEY ? { MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY } : {}),
    ...(process.env.MEILI_API_KEY ? { MEILI_API_KEY: process.env.MEILI_API_KEY } : {}),
    MEILI_INDEX_PREFIX: `jobbro_sigkill_${randomBytes(4).toString('hex')}_`,
  };
}

type SlotTrack = {
  id: string;
  /** The last title the server acknowledged. */
  ackedTitle: string;
  /** A title sent but not (yet) acknowledged when the server died: it may or may not have committed. */
  pendingTitle: string | null;
  published: boolean;
};

type Burst = { slots: SlotTrack[]; acks: number; inFlightAtKill: number; failedBeforeKill: string[] };

function startChild(settings: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/reliability/api-server.ts'], {
    cwd: repoRoot,
    env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^listening (\d+)$/m.exec(output);
      if (match) resolve({ child, port: Number(match[1]), output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => reject(new Error(`api-server exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
}

/**
 * Each worker creates a slot, publishes it and then renames it again and
 * again, one request at a time; every 2xx is recorded. When the total
 * reaches KILL_AFTER_ACKS the child is killed at once, while the other
 * workers' requests are on the wire.
 */
async function runBurst(child: ChildProcess, baseUrl: string, apiKey: string, workplaceIds: string[], startDate: string): Promise<Burst> {
  const skill = getTaxonomy().skills[0]!.uri;
  const burst: Burst = { slots: [], acks: 0, inFlightAtKill: 0, failedBeforeKill: [] };
  let killed = false;
  let inFlight = 0;
  const headers = { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
  const body = (workplaceId: string, title: string) =>
    JSON.stringify({ type: 'praktik', workplaceId, title, mustSkills: [skill], positions: 1, startDate, weeks: 8, hoursPerWeek: 20 });

  /** Sends one request; true when acknowledged. A refused request before the kill is a test failure, not a crash effect. */
  const send = async (method: string, url: string, payload?: string): Promise<{ ok: boolean; json: unknown }> => {
    if (killed) return { ok: false, json: null };
    inFlight += 1;
    try {
      const response = await fetch(`${baseUrl}${url}`, { method, headers, body: payload });
      const json: unknown = await response.json();
      if (!response.ok && !killed) burst.failedBeforeKill.push(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
      return { ok: response.ok, json };
    } catch {
      return { ok: false, json: null };
    } finally {
      inFlight -= 1;
    }
  };
  const acknowledged = () => {
    burst.acks += 1;
    if (burst.acks >= KILL_AFTER_ACKS && !killed) {
      killed = true;
      // Counted before this worker's own request leaves the tally.
      burst.inFlightAtKill = inFlight - 1;
      child.kill('SIGKILL');
    }
  };

  const worker = async (workerIndex: number) => {
    const workplaceId = workplaceIds[workerIndex % workplaceIds.length]!;
    for (let round = 0; !killed; round += 1) {
      const title = `Burst ${workerIndex}-${round} v0`;
      const created = await send('POST', '/api/v1/slots', body(workplaceId, title));
      const id = created.ok && typeof created.json === 'object' && created.json !== null ? Reflect.get(created.json, 'id') : null;
      if (typeof id !== 'string') return;
      const slot: SlotTrack = { id, ackedTitle: title, pendingTitle: null, published: false };
      burst.slots.push(slot);
      acknowledged();
      if (!(await send('POST', `/api/v1/slots/${id}/publish`)).ok) return;
      slot.published = true;
      acknowledged();
      for (let version = 1; version <= 3; version += 1) {
        const next = `Burst ${workerIndex}-${round} v${version}`;
        slot.pendingTitle = next;
        if (!(await send('PUT', `/api/v1/slots/${id}`, body(workplaceId, next))).ok) return;
        slot.ackedTitle = next;
        slot.pendingTitle = null;
        acknowledged();
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
  return burst;
}

describe.each(databaseKinds)('SIGKILL during a burst of API writes on %s', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  // About 45 s on PGlite and 12 s on PostgreSQL on an idle 2-core machine (three app starts on PGlite); twice that under load.
  it('keeps every acknowledged write and the index converges to the database after a restart', { timeout: 240_000 }, async () => {
    let settings: Record<string, string> = {
      NODE_ENV: 'test',
      JOBBRO_DEMO: '0',
      LOG_LEVEL: 'warn',
      JOBBRO_OUTBOX_INTERVAL_MS: '50',
      ...searchSettings(),
    };
    if (kind === 'postgres') {
      const database: TestDatabase = await createTestDatabase('postgres', { migrate: false });
      cleanups.push(() => database.close());
      settings = { ...settings, DATABASE_URL: database.url ?? '' };
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-sigkill-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      settings = { ...settings, JOBBRO_DATA_DIR: dataDir };
    }
    const env: AppEnv = parseEnv(settings);

    // First start (migrate, seed the reference data), then an employer with an API key; closed before the child opens the database.
    let services: AppServices = await startServices(env, { logger: silent });
    const rng = createRng(8);
    const organisation = await insertOrganisation(services.db, buildOrganisation(rng, { status: 'verified' }));
    const workplaceIds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      // Large enough that the ratio rule never refuses a burst slot.
      const workplace = await insertWorkplace(services.db, buildWorkplace(rng, { organisation_id: organisation.id, ordinary_employees_fte: 20_000 }));
      workplaceIds.push(workplace.id);
    }
    const user = await insertUser(services.db, buildUser(rng, { role: 'employer', organisation_id: organisation.id }));
    const actor: EmployerActor = { organisationId: organisation.id, userId: user.id };
    const { secret } = await createApiKey({ db: services.db }, actor, { name: 'burst' });
    await stopServices(services);

    const { child, port, output } = await startChild(settings);
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    });
    const startDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const burst = await runBurst(child, `http://127.0.0.1:${port}`, secret, workplaceIds, startDate);
    expect(await exited(child), output()).toBe('SIGKILL');
    expect(burst.failedBeforeKill).toEqual([]);
    expect(burst.acks).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The kill really fell mid-burst: other workers' requests were on the wire.
    expect(burst.inFlightAtKill).toBeGreaterThan(0);

    // Restart exactly as the app starts (the embedded engine is rebuilt from the database), then let the outbox drain.
    services = await startServices(env, { logger: silent });
    cleanups.push(() => stopServices(services));
    await services.outbox.drain();
    expect(await outboxBacklog(services.db)).toBe(0);

    const lost: string[] = [];
    for (const slot of burst.slots) {
      const view = await getSlot({ db: services.db }, actor, slot.id).catch(() => null);
      if (!view) lost.push(`${slot.id}: acknowledged slot is gone`);
      else if (view.title !== slot.ackedTitle && view.title !== slot.pendingTitle) {
        lost.push(`${slot.id}: title ${JSON.stringify(view.title)}, acknowledged ${JSON.stringify(slot.ackedTitle)}`);
      } else if (slot.published && view.status !== 'published') lost.push(`${slot.id}: acknowledged publish lost (status ${view.status})`);
    }
    expect(lost).toEqual([]);
    expect(burst.slots.length).toBeGreaterThan(WORKERS);

    const differences = await indexDifferences(services.db, services.search, createDocumentSources());
    expect(differences).toEqual([]);
    // The published burst slots are all in the index (not vacuously equal).
    const published = burst.slots.filter((slot) => slot.published);
    for (const slot of published) expect(await services.search.get('slots', slot.id)).not.toBeNull();
  });
});
