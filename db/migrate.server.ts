/**
 * Runs the migrations, listed explicitly so their order never depends on the
 * file system.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DB } from './schema.js';
import * as initial from './migrations/2026-11-23T00-initial.js';
import * as employers from './migrations/2026-11-24T01-employers.js';
import * as candidates from './migrations/2026-11-24T02-candidates.js';
import * as consultants from './migrations/2026-11-24T03-consultants.js';
import * as privacy from './migrations/2026-11-24T04-privacy.js';
import * as inactivityCpr from './migrations/2026-11-24T05-inactivity-cpr.js';
import * as rateLimits from './migrations/2026-11-24T06-rate-limits.js';
import * as scaleIndexes from './migrations/2026-11-24T07-scale-indexes.js';
import * as queueByJobcentre from './migrations/2026-12-06T08-queue-by-jobcentre.js';
import * as dateChecks from './migrations/2026-12-07T09-date-checks.js';
import * as outboxFailures from './migrations/2026-12-07T09-outbox-failures.js';
import * as accountRecovery from './migrations/2026-12-07T10-account-recovery.js';
import * as notifications from './migrations/2026-12-07T11-notifications.js';
import * as workbench from './migrations/2026-12-07T12-workbench.js';
import * as netJobCreation from './migrations/2026-12-07T13-net-job-creation.js';
import * as freeTextSkills from './migrations/2026-12-07T18-free-text-skills.js';
import * as proposalCopiesFromWriter from './migrations/2026-12-07T20-proposal-copies-from-writer.js';
import * as decidedProposalsIndex from './migrations/2026-12-08T21-decided-proposals-index.js';

export const migrations: Record<string, Migration> = {
  '2026-11-23T00-initial': initial,
  '2026-11-24T01-employers': employers,
  '2026-11-24T02-candidates': candidates,
  '2026-11-24T03-consultants': consultants,
  '2026-11-24T04-privacy': privacy,
  '2026-11-24T05-inactivity-cpr': inactivityCpr,
  '2026-11-24T06-rate-limits': rateLimits,
  '2026-11-24T07-scale-indexes': scaleIndexes,
  '2026-12-06T08-queue-by-jobcentre': queueByJobcentre,
  '2026-12-07T09-date-checks': dateChecks,
  '2026-12-07T09-outbox-failures': outboxFailures,
  '2026-12-07T10-account-recovery': accountRecovery,
  '2026-12-07T11-notifications': notifications,
  '2026-12-07T12-workbench': workbench,
  '2026-12-07T13-net-job-creation': netJobCreation,
  '2026-12-07T18-free-text-skills': freeTextSkills,
  '2026-12-07T20-proposal-copies-from-writer': proposalCopiesFromWriter,
  '2026-12-08T21-decided-proposals-index': decidedProposalsIndex,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class MigrationError extends Error {}

/** Migrates to the latest schema; throws naming the migration that failed. */
export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}
