/**
 * Playwright's global teardown: everything the browser journeys made the
 * server log (its output, kept in SERVER_LOG by the webServer command in
 * playwright.config.ts, at LOG_LEVEL=debug) is scanned for the personal data
 * they used: every name, e-mail, phone number, date of birth and note of the
 * demo data the server seeded (rebuilt here in memory by the same
 * deterministic seed), every value the journeys typed (each literal
 * `.fill('…')` of the specs), and any e-mail address at all. One hit fails
 * the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../../app/auth/password.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { openDatabase } from '../../db/client.server.js';
import { migrateToLatest } from '../../db/migrate.server.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { personalDataIn, personalValuesIn } from '../setup/personal-values.js';

export const SERVER_LOG = path.resolve('.e2e-logs/server.log');

const EMAIL_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;

/** The literal values the journeys type into forms (names, e-mails, dates, notes, passwords …). */
function typedValues(): string[] {
  const dir = path.resolve('tests/e2e');
  const values = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.spec.ts'))
    .flatMap((file) => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/\.fill\((['"`])([^'"`$]+)\1\)/g)].map((match) => match[2] ?? ''));
  // Short values (a postal code, "12") occur in logs by chance (durations, counts).
  return [...new Set(values.filter((value) => value.trim().length >= 6))];
}

export default async function scanServerLog(): Promise<void> {
  if (!fs.existsSync(SERVER_LOG)) throw new Error(`The server's log ${SERVER_LOG} is missing: did the webServer command change?`);
  // JSON lines only: the welcome text printing the demo logins is for the person who started the server.
  const lines = fs.readFileSync(SERVER_LOG, 'utf8').split('\n').filter((line) => line.startsWith('{'));
  if (lines.length < 10) throw new Error(`Only ${lines.length} log lines in ${SERVER_LOG}: is LOG_LEVEL below info?`);
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrateToLatest(database.db);
    await seedDatabase(database.db, { hashPassword, taxonomy: getTaxonomy(), demo: true });
    const values = [...(await personalValuesIn(database.db)), ...typedValues(), 'demo-jobbro-2026'];
    const found = [...personalDataIn(lines, values), ...lines.filter((line) => EMAIL_ADDRESS.test(line)).map((line) => `an e-mail address in ${line.slice(0, 300)}`)];
    if (found.length > 0) throw new Error(`The server logged personal data during the browser journeys:\n  ${[...new Set(found)].slice(0, 20).join('\n  ')}`);
    console.log(`Server log scanned: ${lines.length} lines, ${values.length} personal values, none found.`);
  } finally {
    await database.close();
  }
}
