/**
 * The personal data a test world holds — names, e-mails, phone numbers,
 * dates of birth and free-text notes, read back from its database — and a
 * scan of log lines for any of it. The suites that drive the app (security
 * suites, the personal-data log test) end by scanning everything the app
 * logged while they ran.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Values shorter than this are left out: they occur in logs by chance (a two-letter name, a short note such as "ok"). */
const SHORTEST = 6;

export async function personalValuesIn(db: Kysely<DB>): Promise<string[]> {
  const rows = await sql<{ value: string | null }>`
    select full_name as value from candidates union select email from candidates union select phone from candidates
    union select birth_date::text from candidates union select ambition_note from candidates union select education from candidates
    union select display_name from users union select email from users
    union select contact_name from organisations union select contact_email from organisations union select contact_phone from organisations
    union select decision_note from match_proposals union select note from employer_decisions union select note from match_decisions
    union select note from placement_follow_ups union select note from placement_milestones union select note from organisation_verifications
  `.execute(db);
  const values = rows.rows.flatMap(({ value }) => (value !== null && value.trim().length >= SHORTEST ? [value.trim()] : []));
  // A phone number is also found written without its spaces.
  return [...new Set([...values, ...values.filter((value) => /^\+?[\d\s]{8,}$/.test(value)).map((value) => value.replace(/\s/g, ''))])];
}

/** Each log line holding one of `values` (case-insensitively), as "value in line…", for a failing assertion to show. */
export function personalDataIn(lines: readonly string[], values: readonly string[]): string[] {
  const lowered = values.map((value) => [value, value.toLowerCase(), JSON.stringify(value.toLowerCase()).slice(1, -1)] as const);
  return lines.flatMap((line) => {
    const text = line.toLowerCase();
    return lowered
      .filter(([, plain, escaped]) => text.includes(plain) || text.includes(escaped))
      .map(([value]) => `${value} in ${line.slice(0, 300)}`);
  });
}
