/**
 * `npm run db:seed [-- --candidates N --slots M --seed S --today YYYY-MM-DD]`:
 * migrates, then seeds reference data, the taxonomy, jobcentres and a
 * realistic demo (employers, slots, candidates). Idempotent: a second run adds
 * nothing. The demo accounts are created when JOBBRO_DEMO is on (the default
 * for the embedded database). The app rebuilds its search index on start.
 *
 * National scale for benchmarks: `npm run db:seed -- --candidates 30000 --slots 10000`.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { calendarDate } from '../app/lib/dates.js';
import { getEnv } from '../app/env.server.js';
import { migrateToLatest } from '../db/migrate.server.js';
import { seedDatabase } from '../db/seed/seed.js';
import { hashPassword } from '../app/auth/password.server.js';
import { getTaxonomy } from '../app/taxonomy/taxonomy.js';
import { openForMaintenance } from './support/open-for-maintenance.js';

const count = (max: number) => z.coerce.number().int().min(0).max(max).optional();
const argsSchema = z.object({
  candidates: count(200_000),
  slots: count(100_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  /** The day relative seed dates start from: within ten years of the real today. */
  today: calendarDate({ earliest: { yearsFromToday: -10 }, latest: { yearsFromToday: 10 } }).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      candidates: { type: 'string' },
      slots: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      wait: { type: 'boolean' },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const env = getEnv();
  const database = await openForMaintenance(env.database);
  try {
    await migrateToLatest(database.db);
    const summary = await seedDatabase(database.db, {
      hashPassword,
      taxonomy: getTaxonomy(),
      demo: env.demo,
      demoData: true,
      ...parsed.data,
      log: (line) => console.log(`  ${line}`),
    });
    const c = summary.counts;
    console.log(
      `${summary.created ? 'seeded' : 'nothing to do'} in ${(summary.durationMs / 1000).toFixed(1)} s: ` +
        `${c.municipalities} municipalities, ${c.postal_codes} postal codes, ${c.skills} skills, ${c.occupations} occupations, ` +
        `${c.jobcentres} jobcentres, ${c.users} users, ${c.organisations} organisations, ${c.workplaces} workplaces, ` +
        `${c.slots} slots, ${c.candidates} candidates`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
