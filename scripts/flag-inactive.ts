/**
 * `npm run candidates:flag-inactive`: runs the inactivity review once —
 * flags confirmed candidates with no login or profile save for 12 months and
 * mails each of them once (SMTP_URL, or the local mailbox). The running app
 * does the same every 24 h; this is for cron on servers and for trying it out.
 * With the embedded database (PGlite), stop the app first: only one process
 * can open its files.
 */
import { getEnv } from '../app/env.server.js';
import { flagInactiveCandidates } from '../app/candidates/inactivity.server.js';
import { createMailer } from '../app/mail/mailer.server.js';
import { migrateToLatest } from '../db/migrate.server.js';
import { openForMaintenance } from './support/open-for-maintenance.js';

async function main(): Promise<void> {
  const env = getEnv();
  const database = await openForMaintenance(env.database);
  try {
    await migrateToLatest(database.db);
    const summary = await flagInactiveCandidates({
      db: database.db,
      mailer: createMailer({ env, db: database.db }),
      clock: () => new Date(),
      logger: { warn: (obj, msg) => console.warn(msg, obj) },
    });
    console.log(`flagged ${summary.flagged}, mailed ${summary.mailed}, mail failures ${summary.failed}`);
    if (summary.failed > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
