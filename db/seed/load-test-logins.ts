/**
 * Logins for the load test on a national-scale seed: one consultant for every
 * jobcentre (`consultant.<municipality code>@demo.jobbro.dk`) and a login for
 * the first active seeded candidate of every jobcentre that has one
 * (`candidate.<municipality code>@demo.jobbro.dk`), all with the demo
 * password, so the load test spreads the queue and the offers over the
 * country instead of one person. Idempotent. Not part of the demo seed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { CANDIDATE_EMAIL_DOMAIN, DEMO_PASSWORD } from './seed.js';

/** The login of the load test's consultant of a municipality's jobcentre. */
export const jobcentreConsultantEmail = (municipalityCode: string) => `consultant.${municipalityCode}@demo.jobbro.dk`;

async function addConsultantLogins(db: Kysely<DB>, jobcentreByMunicipality: Map<string, string>, passwordHash: string): Promise<number> {
  const rows = [...jobcentreByMunicipality].map(([municipalityCode, jobcentreId]) => ({
    email: jobcentreConsultantEmail(municipalityCode),
    role: 'consultant' as const,
    display_name: `Konsulent ${municipalityCode}`,
    organisation_id: null,
    jobcentre_id: jobcentreId,
    password_hash: passwordHash,
    locale: 'da' as const,
  }));
  const inserted = await db
    .insertInto('users')
    .values(rows)
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** The login the load test gives one seeded candidate of a municipality's jobcentre. */
export const jobcentreCandidateEmail = (municipalityCode: string) => `candidate.${municipalityCode}@demo.jobbro.dk`;

/** The first active seeded candidate of each jobcentre gets a user; jobcentres whose candidate has one already are skipped. */
async function addCandidateLogins(db: Kysely<DB>, jobcentreByMunicipality: Map<string, string>, passwordHash: string): Promise<number> {
  let created = 0;
  for (const [municipalityCode, jobcentreId] of jobcentreByMunicipality) {
    await db.transaction().execute(async (trx) => {
      const candidate = await trx
        .selectFrom('candidates')
        .select(['id', 'full_name'])
        .where('jobcentre_id', '=', jobcentreId)
        .where('status', '=', 'active')
        .where('email', 'like', `%@${CANDIDATE_EMAIL_DOMAIN}`)
        .orderBy('email')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return;
      const user = await trx
        .insertInto('users')
        .values({
          email: jobcentreCandidateEmail(municipalityCode),
          role: 'candidate',
          display_name: candidate.full_name,
          organisation_id: null,
          jobcentre_id: null,
          password_hash: passwordHash,
          locale: 'da',
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!user) return;
      await trx.updateTable('candidates').set({ user_id: user.id }).where('id', '=', candidate.id).execute();
      created += 1;
    });
  }
  return created;
}

/** Adds the load test's consultant and candidate logins; returns how many of each were new. */
export async function addLoadTestLogins(
  db: Kysely<DB>,
  options: { hashPassword: (password: string) => Promise<string> },
): Promise<{ consultants: number; candidates: number }> {
  const jobcentres = await db.selectFrom('jobcentres').select(['id', 'municipality_code']).orderBy('municipality_code').execute();
  const jobcentreByMunicipality = new Map(jobcentres.map((j) => [j.municipality_code, j.id]));
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  return {
    consultants: await addConsultantLogins(db, jobcentreByMunicipality, passwordHash),
    candidates: await addCandidateLogins(db, jobcentreByMunicipality, passwordHash),
  };
}
