/**
 * Run by Playwright's global teardown (global-teardown.ts) under tsx, which
 * loads the seed's JSON data as the app does: everything the browser journeys made the
 * server log (its output, kept in SERVER_LOG by the webServer command in
 * playwright.config.ts, at LOG_LEVEL=debug) is scanned for the personal data
 * they used: every name, e-mail, phone number, date of birth and note of the
 * demo data the server seeded (rebuilt here in memory by the same
 * deterministic seed), every value the journeys typed (each literal
 * `.fill('…')` of the specs), and any e-mail address at all. One hit fails
 * the run.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { hashPassword } from '../../app/auth/password.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { openDatabase } from '../../db/client.server.js';
import { migrateToLatest } from '../../db/migrate.server.js';
import { seedDatabase } from '../../db/seed/seed.js';
import { personalDataIn, personalValuesIn } from '../setup/personal-values.js';

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

export async function scanServerLog(serverLog: string): Promise<void> {
  if (!fs.existsSync(serverLog)) throw new Error(`The server's log ${serverLog} is missing: did the webServer command change?`);
  // JSON lines only: the welcome text printing the demo logins is for the person who started the server.
  const lines = fs
    .readFileSync(serverLog, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'));
  if (lines.length < 10) throw new Error(`Only ${lines.length} log lines in ${serverLog}: is LOG_LEVEL below info?`);
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrateToLatest(database.db);
    await seedDatabase(database.db, { hashPassword, taxonomy: getTaxonomy(), demo: true });
    const values = [...(await personalValuesIn(database.db)), ...typedValues(), 'demo-jobbro-2026'];
    const found = [
      ...personalDataIn(lines, values),
      ...lines.filter((line) => EMAIL_ADDRESS.test(line)).map((line) => `an e-mail address in ${line.slice(0, 300)}`),
    ];
    if (found.length > 0)
      throw new Error(`The server logged personal data during the browser journeys:\n  ${[...new Set(found)].slice(0, 20).join('\n  ')}`);
    console.log(`Server log scanned: ${lines.length} lines, ${values.length} personal values, none found.`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  scanServerLog(path.resolve(process.argv[2] ?? '.e2e-logs/server.log')).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
