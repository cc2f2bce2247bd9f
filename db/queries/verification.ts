/**
 * SQL for employer verification by a jobcentre: the organisations with a
 * workplace in the jobcentre's municipality, their status changes, the
 * history of checks, and the published slots whose index entry must follow.
 */
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../client.server.js';

export type EmployerToVerifyRow = {
  id: string;
  cvr: string;
  name: string;
  status: 'unverified' | 'verified' | 'suspended';
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  verified_at: Date | null;
  workplaces: number;
};

function inMunicipality(municipalityCode: string) {
  return sql<SqlBool>`exists (select 1 from workplaces w join postal_codes pc on pc.code = w.postal_code
    where w.organisation_id = organisations.id and pc.municipality_code = ${municipalityCode})`;
}

export async function selectJobcentreMunicipality(db: Executor, jobcentreId: string): Promise<string | undefined> {
  const row = await db.selectFrom('jobcentres').select('municipality_code').where('id', '=', jobcentreId).executeTakeFirst();
  return row?.municipality_code;
}

/** Organisations with at least one workplace in the municipality; unverified first. */
export async function selectEmployersInMunicipality(db: Executor, municipalityCode: string): Promise<EmployerToVerifyRow[]> {
  return db
    .selectFrom('organisations')
    .select([
      'organisations.id',
      'organisations.cvr',
      'organisations.name',
      'organisations.status',
      'organisations.contact_name',
      'organisations.contact_email',
      'organisations.contact_phone',
      sql<Date | null>`organisations.verified_at`.as('verified_at'),
      sql<number>`(select count(*)::int from workplaces w where w.organisation_id = organisations.id)`.as('workplaces'),
    ])
    .where(inMunicipality(municipalityCode))
    .orderBy(sql`case organisations.status when 'unverified' then 0 when 'suspended' then 1 else 2 end`)
    .orderBy('organisations.name')
    .execute();
}

export async function organisationInMunicipality(
  db: Executor,
  organisationId: string,
  municipalityCode: string,
): Promise<{ id: string; cvr: string } | undefined> {
  return db
    .selectFrom('organisations')
    .select(['id', 'cvr'])
    .where('id', '=', organisationId)
    .where(inMunicipality(municipalityCode))
    .forUpdate()
    .executeTakeFirst();
}

export async function setOrganisationStatus(
  db: Executor,
  organisationId: string,
  change: { status: 'verified' | 'suspended'; by: string; at: Date },
): Promise<void> {
  await db
    .updateTable('organisations')
    .set(change.status === 'verified' ? { status: 'verified', verified_at: change.at, verified_by: change.by } : { status: 'suspended' })
    .where('id', '=', organisationId)
    .execute();
}

export async function insertVerification(
  db: Executor,
  row: {
    organisation_id: string;
    action: 'verified' | 'suspended';
    cvr_checked: boolean;
    contact_confirmed: boolean;
    note: string | null;
    jobcentre_id: string;
    decided_by: string;
    decided_at: Date;
  },
): Promise<void> {
  await db.insertInto('organisation_verifications').values(row).execute();
}

export async function selectPublishedSlotIdsOf(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('slots').select('id').where('organisation_id', '=', organisationId).where('status', '=', 'published').execute();
  return rows.map((row) => row.id);
}
