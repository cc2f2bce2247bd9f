/**
 * SQL behind the search index documents (app/matching/documents/). Each loader
 * takes a batch of ids and returns only the columns matching needs: no name,
 * contact, CPR, nationality, gender or religion ever leaves these queries.
 * Birth date, arrival date and residence basis are read here only so the
 * caller can compute the IGU eligibility window; they are not indexed.
 *
 * Batches of ids travel as one array parameter (`= any($1::uuid[])`), not
 * as an IN list of a thousand parameters: PGlite parses and plans the
 * latter noticeably slower, and reindexing sends tens of such batches.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../client.server.js';
import type { Cefr, LabelSet, ResidenceBasis, SlotType } from '../schema.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that can be uuids; anything else cannot be in the table (and would make PostgreSQL throw). */
export function uuidsOnly(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => UUID_RE.test(id)))];
}

/** `column = any(ids)` with the ids as one uuid[] parameter. */
function inUuids(column: string, ids: readonly string[]) {
  return sql<boolean>`${sql.ref(column)} = any(${sql.val([...ids])}::uuid[])`;
}

export type CandidateDocumentRow = {
  id: string;
  jobcentre_id: string;
  birth_date: string;
  arrival_date: string;
  residence_basis: ResidenceBasis;
  lat: number;
  lon: number;
  municipality_code: string;
  max_travel_km: number;
  available_from: string;
  hours_per_week: number | null;
  danish_spoken: Cefr | null;
  danish_written: Cefr | null;
  ambition_occupations: string[];
  ambition_sectors: string[];
  waiting_since: string;
};

/** Matchable candidates among `ids`: confirmed and active only. */
export async function selectMatchableCandidates(db: Executor, ids: readonly string[]): Promise<CandidateDocumentRow[]> {
  const valid = uuidsOnly(ids);
  if (valid.length === 0) return [];
  return db
    .selectFrom('candidates')
    .innerJoin('postal_codes', 'postal_codes.code', 'candidates.postal_code')
    .select([
      'candidates.id',
      'candidates.jobcentre_id',
      'candidates.birth_date',
      'candidates.arrival_date',
      'candidates.residence_basis',
      'postal_codes.lat',
      'postal_codes.lon',
      'postal_codes.municipality_code',
      'candidates.max_travel_km',
      'candidates.available_from',
      'candidates.hours_per_week',
      'candidates.danish_spoken',
      'candidates.danish_written',
      'candidates.ambition_occupations',
      'candidates.ambition_sectors',
      'candidates.waiting_since',
    ])
    .where(inUuids('candidates.id', valid))
    .where('candidates.status', '=', 'active')
    .where('candidates.confirmed_at', 'is not', null)
    .execute();
}

export type CandidateDocumentDetailRow = CandidateDocumentRow & {
  /** Skill URIs, ordered. */
  skills: string[];
  /** Language rows, ordered by code. */
  languages: Array<{ code: string; spoken: Cefr; written: Cefr | null }>;
};

/**
 * Matchable candidates among `ids` with their skills and languages, as ONE
 * row holding a JSON array: PGlite turns each result row into an object in
 * JavaScript (about 15 µs a row), while one JSON value is parsed natively.
 * Skills and languages are aggregated set-based (one grouped pass over the
 * batch's rows, joined by id), not by a subquery per candidate: on PGlite a
 * batch of 5,000 then costs about half. Same rows, values and orders as
 * `selectMatchableCandidates` plus `selectCandidateSkills` and
 * `selectCandidateLanguages` (dates stay 'YYYY-MM-DD' text in JSON; doubles
 * keep their shortest exact form).
 */
export async function selectMatchableCandidatesWithDetails(db: Executor, ids: readonly string[]): Promise<CandidateDocumentDetailRow[]> {
  const valid = uuidsOnly(ids);
  if (valid.length === 0) return [];
  const result = await sql<{ rows: CandidateDocumentDetailRow[] }>`
    select coalesce(json_agg(d), '[]'::json) as rows from (
      select c.id, c.jobcentre_id, c.birth_date, c.arrival_date, c.residence_basis,
        p.lat, p.lon, p.municipality_code, c.max_travel_km, c.available_from, c.hours_per_week,
        c.danish_spoken, c.danish_written, c.ambition_occupations, c.ambition_sectors, c.waiting_since,
        coalesce(s.skills, '[]'::json) as skills,
        coalesce(l.languages, '[]'::json) as languages
      from candidates c
      join postal_codes p on p.code = c.postal_code
      left join (
        select candidate_id, json_agg(skill_uri order by skill_uri) as skills
        from candidate_skills where ${inUuids('candidate_id', valid)} group by candidate_id
      ) s on s.candidate_id = c.id
      left join (
        select candidate_id, json_agg(json_build_object('code', code, 'spoken', spoken, 'written', written) order by code) as languages
        from candidate_languages where ${inUuids('candidate_id', valid)} group by candidate_id
      ) l on l.candidate_id = c.id
      where ${inUuids('c.id', valid)} and c.status = 'active' and c.confirmed_at is not null
    ) d`.execute(db);
  return result.rows[0]?.rows ?? [];
}

/** A keyset page of rows, and the page's last id to continue from (null when the page is empty). */
export type DocumentPage<Row> = { rows: Row[]; lastId: string | null };

/**
 * A keyset page of matchable candidates with their skills and languages
 * (the rows `selectMatchableCandidatesWithDetails` returns for those ids).
 * For a full reindex: the page is read in id order from the primary key,
 * and skills and languages by the page's id range, so no list of ids
 * travels and no table is scanned whole per page (a list of 2,000 ids made
 * PostgreSQL scan all 120,000 candidate skills for each batch).
 */
export async function selectMatchableCandidatePage(
  db: Executor,
  afterId: string | null,
  limit: number,
): Promise<DocumentPage<CandidateDocumentDetailRow>> {
  // Rows as JSON arrays, not objects (no column names repeated 2,000 times a page), and languages as
  // 'code:spoken:written' words: codes match ^[a-z]{2,3}(-[a-z]{2,4})?$ and levels are CEFR (check constraints).
  const result = await sql<{ page: DocumentPage<CandidateTuple> }>`
    with page as materialized (
      select c.id from candidates c
      where c.status = 'active' and c.confirmed_at is not null ${afterId === null ? sql`` : sql`and c.id > ${afterId}::uuid`}
      order by c.id limit ${limit}
    ), bounds as (
      select (select id from page order by id limit 1) as first_id, (select id from page order by id desc limit 1) as last_id
    )
    select json_build_object('lastId', (select last_id from bounds), 'rows', coalesce((select json_agg(json_build_array(
        c.id, c.jobcentre_id, c.birth_date, c.arrival_date, c.residence_basis,
        p.lat, p.lon, p.municipality_code, c.max_travel_km, c.available_from, c.hours_per_week,
        c.danish_spoken, c.danish_written, c.ambition_occupations, c.ambition_sectors, c.waiting_since,
        coalesce(s.skills, '[]'::json), coalesce(l.languages, '')))
      from page
      join candidates c on c.id = page.id
      join postal_codes p on p.code = c.postal_code
      left join (
        select candidate_id, json_agg(skill_uri order by skill_uri) as skills
        from candidate_skills
        where candidate_id between (select first_id from bounds) and (select last_id from bounds)
        group by candidate_id
      ) s on s.candidate_id = c.id
      left join (
        select candidate_id, string_agg(concat_ws(':', code, spoken, coalesce(written, '')), ' ' order by code) as languages
        from candidate_languages
        where candidate_id between (select first_id from bounds) and (select last_id from bounds)
        group by candidate_id
      ) l on l.candidate_id = c.id
    ), '[]'::json)) as page`.execute(db);
  const page = result.rows[0]?.page ?? { rows: [], lastId: null };
  return { lastId: page.lastId, rows: page.rows.map(candidateFromTuple) };
}

type CandidateTuple = [
  id: string,
  jobcentre_id: string,
  birth_date: string,
  arrival_date: string,
  residence_basis: ResidenceBasis,
  lat: number,
  lon: number,
  municipality_code: string,
  max_travel_km: number,
  available_from: string,
  hours_per_week: number | null,
  danish_spoken: Cefr | null,
  danish_written: Cefr | null,
  ambition_occupations: string[],
  ambition_sectors: string[],
  waiting_since: string,
  skills: string[],
  /** 'code:spoken:written' words, written empty when unknown. */
  languages: string,
];

const CEFR_LEVELS: readonly Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const asCefr = (level: string | undefined): Cefr | null => CEFR_LEVELS.find((cefr) => cefr === level) ?? null;

function languageFromWord(word: string): { code: string; spoken: Cefr; written: Cefr | null } {
  const [code = '', spoken, written] = word.split(':');
  const spokenLevel = asCefr(spoken);
  // candidate_languages.spoken is not null and checked to be CEFR: anything else means the format broke.
  if (!spokenLevel) throw new Error(`Unexpected language from candidate_languages: ${JSON.stringify(word)}`);
  return { code, spoken: spokenLevel, written: asCefr(written) };
}

function candidateFromTuple([
  id,
  jobcentre_id,
  birth_date,
  arrival_date,
  residence_basis,
  lat,
  lon,
  municipality_code,
  max_travel_km,
  available_from,
  hours_per_week,
  danish_spoken,
  danish_written,
  ambition_occupations,
  ambition_sectors,
  waiting_since,
  skills,
  languages,
]: CandidateTuple): CandidateDocumentDetailRow {
  return {
    id,
    jobcentre_id,
    birth_date,
    arrival_date,
    residence_basis,
    lat,
    lon,
    municipality_code,
    max_travel_km,
    available_from,
    hours_per_week,
    danish_spoken,
    danish_written,
    ambition_occupations,
    ambition_sectors,
    waiting_since,
    skills,
    languages: languages === '' ? [] : languages.split(' ').map(languageFromWord),
  };
}

export async function selectCandidateSkills(
  db: Executor,
  candidateIds: readonly string[],
): Promise<Array<{ candidate_id: string; skill_uri: string }>> {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('candidate_skills')
    .select(['candidate_id', 'skill_uri'])
    .where(inUuids('candidate_id', uuidsOnly(candidateIds)))
    .orderBy('candidate_id')
    .orderBy('skill_uri')
    .execute();
}

export async function selectCandidateLanguages(
  db: Executor,
  candidateIds: readonly string[],
): Promise<Array<{ candidate_id: string; code: string; spoken: Cefr; written: Cefr | null }>> {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('candidate_languages')
    .select(['candidate_id', 'code', 'spoken', 'written'])
    .where(inUuids('candidate_id', uuidsOnly(candidateIds)))
    .orderBy('candidate_id')
    .orderBy('code')
    .execute();
}

/** Network memberships of jobcentres (small: a handful of networks). */
export async function selectJobcentreNetworks(
  db: Executor,
  jobcentreIds: readonly string[],
): Promise<Array<{ jobcentre_id: string; network_id: string }>> {
  const valid = uuidsOnly(jobcentreIds);
  if (valid.length === 0) return [];
  return db
    .selectFrom('jobcentre_network_members')
    .select(['jobcentre_id', 'network_id'])
    .where('jobcentre_id', 'in', valid)
    .orderBy('network_id')
    .execute();
}

/**
 * The ids of a keyset page as ONE text value (space-separated, in order):
 * PGlite turns each result row into an object slowly (a reindex's 25,000
 * candidate ids took 0.4 s as rows).
 */
async function idPage(db: Executor, page: RawBuilder<unknown>): Promise<string[]> {
  const result = await sql<{ ids: string | null }>`select string_agg(id::text, ' ' order by id) as ids from (${page}) page`.execute(db);
  const ids = result.rows[0]?.ids;
  return ids ? ids.split(' ') : [];
}

/** One page of matchable candidate ids after `afterId` (keyset paging). */
export async function selectMatchableCandidateIds(db: Executor, afterId: string | null, limit: number): Promise<string[]> {
  return idPage(
    db,
    sql`select id from candidates
      where status = 'active' and confirmed_at is not null ${afterId === null ? sql`` : sql`and id > ${afterId}::uuid`}
      order by id limit ${limit}`,
  );
}

export type SlotDocumentRow = {
  id: string;
  organisation_id: string;
  type: SlotType;
  title: string;
  description: string;
  occupation_uri: string | null;
  occupation_labels: LabelSet | null;
  sector: string | null;
  danish_spoken: Cefr | null;
  danish_written: Cefr | null;
  danish_within_months: number | null;
  languages: string[];
  positions: number;
  start_date: string;
  weeks: number;
  hours_per_week: number;
  pooled_network_id: string | null;
  lat: number;
  lon: number;
  municipality_code: string;
};

/**
 * Published slots of verified employers among `ids`, with their workplace's
 * coordinates. A slot of an unverified or suspended employer stays out of the
 * index, so a fake employer never reaches candidates.
 */
export async function selectPublishedSlots(db: Executor, ids: readonly string[]): Promise<SlotDocumentRow[]> {
  const valid = uuidsOnly(ids);
  if (valid.length === 0) return [];
  return db
    .selectFrom('slots')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .innerJoin('workplaces', 'workplaces.id', 'slots.workplace_id')
    .innerJoin('postal_codes', 'postal_codes.code', 'workplaces.postal_code')
    .leftJoin('occupations', 'occupations.uri', 'slots.occupation_uri')
    .select([
      'slots.id',
      'slots.organisation_id',
      'slots.type',
      'slots.title',
      'slots.description',
      'slots.occupation_uri',
      'occupations.labels as occupation_labels',
      'slots.sector',
      'slots.danish_spoken',
      'slots.danish_written',
      'slots.danish_within_months',
      'slots.languages',
      'slots.positions',
      'slots.start_date',
      'slots.weeks',
      'slots.hours_per_week',
      'slots.pooled_network_id',
      'postal_codes.lat',
      'postal_codes.lon',
      'postal_codes.municipality_code',
    ])
    .where(inUuids('slots.id', valid))
    .where('slots.status', '=', 'published')
    .where('organisations.status', '=', 'verified')
    .execute();
}

export type SlotDocumentDetailRow = SlotDocumentRow & {
  /** Required skills first, then by URI. */
  skills: Array<{ skill_uri: string; required: boolean; labels: LabelSet }>;
};

type SlotWithSkillUris = Omit<SlotDocumentRow, 'occupation_labels'> & { skills: Array<{ skill_uri: string; required: boolean }> };

/** The skill and occupation labels of slot rows, from one query per batch. */
async function withLabels(db: Executor, rows: readonly SlotWithSkillUris[]): Promise<SlotDocumentDetailRow[]> {
  if (rows.length === 0) return [];
  const { skills, occupations } = await selectLabels(
    db,
    [...new Set(rows.flatMap((row) => row.skills.map((skill) => skill.skill_uri)))],
    [...new Set(rows.flatMap((row) => (row.occupation_uri === null ? [] : [row.occupation_uri])))],
  );
  return rows.map((row) => ({
    ...row,
    occupation_labels: row.occupation_uri === null ? null : (occupations.get(row.occupation_uri) ?? null),
    // slot_skills.skill_uri references skills: every skill has its labels (as the inner join this replaced).
    skills: row.skills.flatMap((skill) => {
      const labels = skills.get(skill.skill_uri);
      return labels ? [{ ...skill, labels }] : [];
    }),
  }));
}

/**
 * Published slots of verified employers among `ids` with their skills, as
 * ONE row holding a JSON array, the skills aggregated set-based (see
 * `selectMatchableCandidatesWithDetails`). Same rows, values and orders as
 * `selectPublishedSlots` plus `selectSlotSkills`. The skill and occupation
 * labels (four languages each, the same few hundred for every slot) come
 * from a second query, once per URI: built into every slot's JSON they were
 * a third of loading the slots.
 */
export async function selectPublishedSlotsWithSkills(db: Executor, ids: readonly string[]): Promise<SlotDocumentDetailRow[]> {
  const valid = uuidsOnly(ids);
  if (valid.length === 0) return [];
  const result = await sql<{ rows: SlotWithSkillUris[] }>`
    select coalesce(json_agg(d), '[]'::json) as rows from (
      select s.id, s.organisation_id, s.type, s.title, s.description, s.occupation_uri,
        s.sector, s.danish_spoken, s.danish_written, s.danish_within_months, s.languages, s.positions, s.start_date,
        s.weeks, s.hours_per_week, s.pooled_network_id, p.lat, p.lon, p.municipality_code,
        coalesce(k.skills, '[]'::json) as skills
      from slots s
      join organisations org on org.id = s.organisation_id
      join workplaces w on w.id = s.workplace_id
      join postal_codes p on p.code = w.postal_code
      left join (
        select ss.slot_id, json_agg(json_build_object('skill_uri', ss.skill_uri, 'required', ss.required)
            order by ss.required desc, ss.skill_uri) as skills
        from slot_skills ss
        where ${inUuids('ss.slot_id', valid)} group by ss.slot_id
      ) k on k.slot_id = s.id
      where ${inUuids('s.id', valid)} and s.status = 'published' and org.status = 'verified'
    ) d`.execute(db);
  return withLabels(db, result.rows[0]?.rows ?? []);
}

/**
 * A keyset page of published slots of verified employers with their skills
 * (the rows `selectPublishedSlotsWithSkills` returns for those ids), read
 * by the page's id range; see `selectMatchableCandidatePage`.
 */
export async function selectPublishedSlotPage(db: Executor, afterId: string | null, limit: number): Promise<DocumentPage<SlotDocumentDetailRow>> {
  const result = await sql<{ page: DocumentPage<SlotWithSkillUris> }>`
    with page as materialized (
      select s.id from slots s join organisations org on org.id = s.organisation_id
      where s.status = 'published' and org.status = 'verified' ${afterId === null ? sql`` : sql`and s.id > ${afterId}::uuid`}
      order by s.id limit ${limit}
    ), bounds as (
      select (select id from page order by id limit 1) as first_id, (select id from page order by id desc limit 1) as last_id
    )
    select json_build_object('lastId', (select last_id from bounds), 'rows', coalesce((select json_agg(d) from (
      select s.id, s.organisation_id, s.type, s.title, s.description, s.occupation_uri,
        s.sector, s.danish_spoken, s.danish_written, s.danish_within_months, s.languages, s.positions, s.start_date,
        s.weeks, s.hours_per_week, s.pooled_network_id, p.lat, p.lon, p.municipality_code,
        coalesce(k.skills, '[]'::json) as skills
      from page
      join slots s on s.id = page.id
      join workplaces w on w.id = s.workplace_id
      join postal_codes p on p.code = w.postal_code
      left join (
        select ss.slot_id, json_agg(json_build_object('skill_uri', ss.skill_uri, 'required', ss.required)
            order by ss.required desc, ss.skill_uri) as skills
        from slot_skills ss
        where ss.slot_id between (select first_id from bounds) and (select last_id from bounds)
        group by ss.slot_id
      ) k on k.slot_id = s.id
    ) d), '[]'::json)) as page`.execute(db);
  const page = result.rows[0]?.page ?? { rows: [], lastId: null };
  return { rows: await withLabels(db, page.rows), lastId: page.lastId };
}

/** Labels of some skills and occupations, by URI, in one query. */
async function selectLabels(
  db: Executor,
  skillUris: readonly string[],
  occupationUris: readonly string[],
): Promise<{ skills: Map<string, LabelSet>; occupations: Map<string, LabelSet> }> {
  const result = await sql<{ skills: Record<string, LabelSet> | null; occupations: Record<string, LabelSet> | null }>`
    select
      (select json_object_agg(uri, labels) from skills where uri = any(${sql.val([...skillUris])}::text[])) as skills,
      (select json_object_agg(uri, labels) from occupations where uri = any(${sql.val([...occupationUris])}::text[])) as occupations`.execute(db);
  const row = result.rows[0];
  return { skills: new Map(Object.entries(row?.skills ?? {})), occupations: new Map(Object.entries(row?.occupations ?? {})) };
}

export async function selectSlotSkills(
  db: Executor,
  slotIds: readonly string[],
): Promise<Array<{ slot_id: string; skill_uri: string; required: boolean; labels: LabelSet }>> {
  if (slotIds.length === 0) return [];
  return db
    .selectFrom('slot_skills')
    .innerJoin('skills', 'skills.uri', 'slot_skills.skill_uri')
    .select(['slot_skills.slot_id', 'slot_skills.skill_uri', 'slot_skills.required', 'skills.labels'])
    .where(inUuids('slot_skills.slot_id', uuidsOnly(slotIds)))
    .orderBy('slot_skills.slot_id')
    .orderBy('slot_skills.required', 'desc')
    .orderBy('slot_skills.skill_uri')
    .execute();
}

/**
 * Tables among `tables` with no column statistics: never analyzed, or empty.
 * PGlite runs no autovacuum, so after a bulk load (the first start's seed, a
 * restore) the planner knows nothing of the data, guesses that an equality
 * keeps 0.5 % of the rows and picks nested loops that cost seconds per query
 * (the bench's slot id page took 2 s instead of 20 ms). Statistics that merely
 * grew stale are harmless: estimates scale with the table's current size.
 */
export async function selectUnanalyzedTables(db: Executor, tables: readonly string[]): Promise<string[]> {
  const result = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and c.relname = any(${sql.val([...tables])}::text[])
      and not exists (select 1 from pg_stats s where s.schemaname = n.nspname and s.tablename = c.relname)
    order by c.relname`.execute(db);
  return result.rows.map((row) => row.relname);
}

/** Refreshes the planner statistics of `tables` (names from `documentTables` only). */
export async function analyzeTables(db: Executor, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    if (!documentTables.includes(table)) throw new Error(`Not a document table: ${table}`);
    await sql`analyze ${sql.table(table)}`.execute(db);
  }
}

/** Every table the document queries above read. */
export const documentTables: readonly string[] = [
  'candidates',
  'candidate_skills',
  'candidate_languages',
  'postal_codes',
  'jobcentre_network_members',
  'slots',
  'slot_skills',
  'skills',
  'organisations',
  'workplaces',
  'occupations',
];

/** One page of ids of published slots of verified employers after `afterId` (keyset paging). */
export async function selectPublishedSlotIds(db: Executor, afterId: string | null, limit: number): Promise<string[]> {
  return idPage(
    db,
    sql`select s.id from slots s join organisations o on o.id = s.organisation_id
      where s.status = 'published' and o.status = 'verified' ${afterId === null ? sql`` : sql`and s.id > ${afterId}::uuid`}
      order by s.id limit ${limit}`,
  );
}
