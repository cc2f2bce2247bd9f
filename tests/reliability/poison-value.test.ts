/**
 * Issue 21's critical scenario, end to end through the real start-up: one
 * impossible value must never stop Jobbro. Before: a consultant's form took
 * the birth date 9999-12-31; building that candidate's search document threw,
 * the outbox batch rolled back and retried forever (a slot published
 * afterwards was never found), /healthz said ok, and the next start failed
 * with "Not a date".
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { inviteCandidate } from '../../app/candidates/invite.server.js';
import { createSlot } from '../../app/employers/slots.server.js';
import { slotInputSchema } from '../../app/employers/schemas.js';
import { parseEnv, type AppEnv } from '../../app/env.server.js';
import { addDays } from '../../app/lib/dates.js';
import { InvalidInput } from '../../app/lib/errors.js';
import { checkHealth } from '../../app/lib/health.server.js';
import { startServices, stopServices, type AppServices } from '../../app/services.server.js';
import { sql } from 'kysely';
import {
  buildCandidate,
  buildOrganisation,
  buildUser,
  buildWorkplace,
  insertCandidate,
  insertOrganisation,
  insertUser,
  insertWorkplace,
} from '../../db/seed/factories.js';
import { createRng } from '../../db/seed/random.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import { selectFailedOutboxEntries } from '../../db/queries/outbox.js';
import { createTestDatabase, type TestDatabase } from '../setup/database.js';

/** Log lines at warn and above, to check what start-up said and that it said no personal data. */
function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

describe('a poison value never stops Jobbro', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(
    '9999-12-31 as a birth date is refused naming the field; a row that got in anyway is isolated, a slot published afterwards is found, /healthz is degraded, and the next start succeeds',
    { timeout: 180_000 },
    async () => {
      const database: TestDatabase = await createTestDatabase('postgres', { migrate: false });
      cleanups.push(() => database.close());
      const env: AppEnv = parseEnv({
        NODE_ENV: 'test',
        JOBBRO_DEMO: '0',
        LOG_LEVEL: 'warn',
        JOBBRO_OUTBOX_INTERVAL_MS: '60000',
        DATABASE_URL: database.url ?? '',
      });
      const first = capturingLogger();
      let services: AppServices = await startServices(env, { logger: first.logger });
      let stopped = false;
      cleanups.push(async () => {
        if (!stopped) await stopServices(services);
      });
      const { db } = services;
      const today = services.clock().toISOString().slice(0, 10);
      const rng = createRng(21);
      const jobcentre = await db.selectFrom('jobcentres').select('id').orderBy('id').executeTakeFirstOrThrow();
      const consultant = await insertUser(db, buildUser(rng, { role: 'consultant', jobcentre_id: jobcentre.id }));

      // 1. The consultant's form: refused with the field named, nothing stored.
      const invite = inviteCandidate(
        { db, clock: services.clock, baseUrl: 'http://localhost' },
        { id: consultant.id, role: 'consultant', jobcentreId: jobcentre.id },
        {
          fullName: 'Amina Hassan',
          email: 'amina.poison@example.org',
          birthDate: '9999-12-31',
          arrivalDate: '2023-02-01',
          residenceBasis: 'refugee',
          postalCode: '6200',
          locale: 'da',
        },
      );
      const refusal = await invite.then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(InvalidInput);
      expect(refusal instanceof InvalidInput ? Object.keys(refusal.fields) : []).toEqual(['birthDate']);
      expect(await db.selectFrom('candidates').select('id').where('full_name', '=', 'Amina Hassan').execute()).toEqual([]);

      // 2. A row that got in anyway (an earlier release, a hand edit): forced past the app and the database's CHECK.
      await sql`alter table candidates drop constraint if exists candidates_birth_date_range`.execute(db);
      const poisoned = await insertCandidate(
        db,
        buildCandidate(rng, { jobcentre_id: jobcentre.id, status: 'active', confirmed_at: new Date(), birth_date: '9999-12-31' }, { today }),
      );
      await db.transaction().execute((trx) => enqueueIndexChange(trx, { index: 'candidates', id: poisoned.id, operation: 'upsert' }));

      // 3. A slot published afterwards is found.
      const organisation = await insertOrganisation(db, buildOrganisation(rng, { status: 'verified' }));
      const workplace = await insertWorkplace(
        db,
        buildWorkplace(rng, { organisation_id: organisation.id, postal_code: '6200', ordinary_employees_fte: 40 }),
      );
      const employer = await insertUser(db, buildUser(rng, { role: 'employer', organisation_id: organisation.id }));
      const input = slotInputSchema.parse({
        type: 'praktik',
        workplaceId: workplace.id,
        title: 'Opvasker',
        positions: 1,
        startDate: addDays(today, 30),
        weeks: 8,
        hoursPerWeek: 20,
      });
      const slot = await createSlot({ db, clock: services.clock }, { organisationId: organisation.id, userId: employer.id }, input, {
        publish: true,
      });
      await services.outbox.drain();
      expect(await services.search.get('slots', slot.id)).not.toBeNull();
      expect(await services.search.get('candidates', poisoned.id)).toBeNull();

      // 4. /healthz tells: degraded, one failed entry, with its error for the admin.
      expect(await checkHealth(services)).toMatchObject({ status: 'degraded', database: 'up', search: 'up', outboxFailed: 1 });
      const failed = await db
        .selectFrom('search_outbox')
        .select(['document_id', 'last_error'])
        .where('processed_at', 'is', null)
        .where('retry_at', 'is not', null)
        .execute();
      expect(failed).toEqual([{ document_id: poisoned.id, last_error: 'RangeError: Not a date (YYYY-MM-DD)' }]);

      // 5. The next start succeeds, says which row it left out (by id, no personal data), and serves the slot.
      await stopServices(services);
      stopped = true;
      const second = capturingLogger();
      services = await startServices(env, { logger: second.logger });
      stopped = false;
      expect(await services.search.get('slots', slot.id)).not.toBeNull();
      const leftOut = second.lines.filter((line) => line.includes('could not be built'));
      expect(leftOut.length).toBeGreaterThan(0);
      expect(leftOut.join('\n')).toContain(poisoned.id);
      for (const line of [...first.lines, ...second.lines]) {
        expect(line).not.toContain('9999');
        expect(line).not.toContain(poisoned.full_name);
      }

      // 6. The admin's list names the document once, not once per start: the second start's rebuild left it out again.
      await services.outbox.drain();
      expect((await selectFailedOutboxEntries(services.db, 50)).map((entry) => entry.document_id)).toEqual([poisoned.id]);
      expect(await checkHealth(services)).toMatchObject({ status: 'degraded', outboxFailed: 1 });
    },
  );
});
