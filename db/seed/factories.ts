/**
 * Factories shared by tests and the seed: `build*` returns a valid Insertable
 * row from a seeded RNG (override any column), `insert*` writes one. Rows that
 * point at reference data (postal codes, jobcentres) expect the reference data
 * to be loaded (db/seed/load-reference.ts).
 */
import { createHash } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import { addDays, addYears } from './seed-dates.js';
import type { Executor } from '../client.server.js';
import type { Cefr, CandidateTable, JobcentreTable, OrganisationTable, SlotTable, SlotType, UserTable, WorkplaceTable } from '../schema.js';
import type { Rng } from './random.js';
import {
  AMBITION_NOTES,
  COMPANY_NAME_PATTERNS,
  DANISH_FIRST_NAMES,
  DANISH_SURNAMES,
  EDUCATIONS,
  ORIGINS,
  PLACE_NAMES,
  PUBLIC_SECTOR_PATTERNS,
  SECTOR_TITLES,
  SECTOR_WEIGHTS,
  STREETS,
  residenceBases,
  type Origin,
  type SeedSector,
} from './vocabulary.js';

export type NewOrganisation = Insertable<OrganisationTable>;
export type NewWorkplace = Insertable<WorkplaceTable>;
export type NewCandidate = Insertable<CandidateTable>;
export type NewSlot = Insertable<SlotTable>;
export type NewUser = Insertable<UserTable>;

/** Scheme limits the factories respect (docs/domain.md); app/rules holds the rules the product enforces. */
export const SLOT_LIMITS = {
  igu: { weeks: 104, minHours: 25 },
  praktik: { maxWeeks: 13 },
  loentilskud: { maxWeeks: 52 },
} as const;

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** A valid CVR number: 7 random digits (first not 0) and the check digit that makes the weighted sum divisible by 11. */
export function generateCvr(rng: Rng): string {
  for (;;) {
    const body = String(rng.int(1, 9)) + rng.digits(6);
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += Number(body[i]) * CVR_WEIGHTS[i];
    const check = (11 - (sum % 11)) % 11;
    // A remainder needing check digit 10 has no valid number: draw again.
    if (check < 10) return body + String(check);
  }
}

/** A P-number: 10 digits; real ones begin with 10, so these do too. */
export function generatePNumber(rng: Rng): string {
  return `10${rng.digits(8)}`;
}

/**
 * A name-based UUID (version-5 layout over SHA-256) from stable parts such as
 * the seed and a row's number: seeded rows keep their ids across runs and
 * machines, and unlike ids drawn from a 32-bit RNG they do not collide.
 */
export function stableUuid(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function pickSector(rng: Rng): SeedSector {
  return rng.weighted(SECTOR_WEIGHTS);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function danishPersonName(rng: Rng): string {
  return `${rng.pick(DANISH_FIRST_NAMES)} ${rng.pick(DANISH_SURNAMES)}`;
}

/** A plausible Danish company name for a sector, e.g. "Kantinen Aabenraa ApS". */
export function companyName(rng: Rng, sector: SeedSector, town: string): { name: string; isPrivate: boolean } {
  const pattern = rng.pick(COMPANY_NAME_PATTERNS[sector]);
  const base = pattern.replace('{town}', town).replace('{surname}', rng.pick(DANISH_SURNAMES)).replace('{place}', rng.pick(PLACE_NAMES));
  if (PUBLIC_SECTOR_PATTERNS.has(pattern)) return { name: `${base} (${town} Kommune)`, isPrivate: false };
  return {
    name: `${base} ${rng.weighted([
      ['ApS', 6],
      ['A/S', 2],
      ['I/S', 1],
    ] as const)}`,
    isPrivate: true,
  };
}

export function buildOrganisation(rng: Rng, overrides: Partial<NewOrganisation> = {}, context: { town?: string } = {}): NewOrganisation {
  const sector = isSeedSector(overrides.sector) ? overrides.sector : pickSector(rng);
  const { name, isPrivate } = companyName(rng, sector, context.town ?? 'Aabenraa');
  const contact = danishPersonName(rng);
  const cvr = overrides.cvr ?? generateCvr(rng);
  const status = overrides.status ?? 'verified';
  return {
    cvr,
    name,
    sector,
    is_private: isPrivate,
    contact_name: contact,
    // example.dk-like addresses under our own demo domain: never a real inbox.
    contact_email: `${slug(contact)}.${cvr}@demo.jobbro.dk`,
    contact_phone: `+45 ${rng.int(20, 99)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
    status,
    verified_at: status === 'verified' ? new Date('2026-01-15T09:00:00Z') : null,
    verified_by: null,
    ...overrides,
  };
}

function isSeedSector(value: string | null | undefined): value is SeedSector {
  return value !== null && value !== undefined && value in COMPANY_NAME_PATTERNS;
}

export function buildWorkplace(
  rng: Rng,
  overrides: Partial<NewWorkplace> & { organisation_id: string },
  context: { town?: string; sector?: string | null } = {},
): NewWorkplace {
  const fte = rng.weighted([
    [rng.int(3, 12), 5],
    [rng.int(12, 50), 4],
    [rng.int(50, 250), 1],
  ] as const);
  // Net job creation varies: most places grew a little, some shrank.
  const fte12mAgo = Math.max(0, Math.round(fte * (0.8 + rng.next() * 0.35) * 2) / 2);
  const town = context.town ?? 'Aabenraa';
  const sectorTitle = isSeedSector(context.sector) ? SECTOR_TITLES[context.sector].toLowerCase() : 'afdeling';
  return {
    p_number: generatePNumber(rng),
    name: `${town} – ${sectorTitle}`,
    address: `${rng.pick(STREETS)} ${rng.int(1, 120)}`,
    postal_code: '6200',
    ordinary_employees_fte: fte,
    ordinary_employees_fte_12m_ago: rng.chance(0.9) ? fte12mAgo : null,
    ...overrides,
  };
}

/**
 * Danish as programme + module passed mapped to CEFR (docs/domain.md, "Danish
 * language levels"), spoken and written; the final module means the test
 * was passed.
 */
export function danishLevelFor(programme: 'DU1' | 'DU2' | 'DU3', module: number): { spoken: Cefr; written: Cefr } {
  const table: Record<'DU1' | 'DU2' | 'DU3', readonly (readonly [Cefr, Cefr])[]> = {
    // modules 0..6 → [spoken, written]
    DU1: [
      ['A1', 'A1'],
      ['A1', 'A1'],
      ['A1', 'A1'],
      ['A2', 'A1'],
      ['A2', 'A1'],
      ['A2', 'A2'],
      ['B1', 'A2'],
    ],
    DU2: [
      ['A1', 'A1'],
      ['A1', 'A1'],
      ['A2', 'A1'],
      ['A2', 'A2'],
      ['A2', 'A2'],
      ['B1', 'A2'],
      ['B1', 'B1'],
    ],
    DU3: [
      ['A1', 'A1'],
      ['A2', 'A2'],
      ['A2', 'A2'],
      ['B1', 'B1'],
      ['B1', 'B1'],
      ['B2', 'B2'],
      ['C1', 'C1'],
    ],
  };
  const [spoken, written] = table[programme][Math.max(0, Math.min(6, module))];
  return { spoken, written };
}

const FINAL_TEST = { DU1: 'PD1', DU2: 'PD2', DU3: 'PD3' } as const;
const FINAL_MODULE = { DU1: 6, DU2: 6, DU3: 5 } as const;

export function pickOrigin(rng: Rng): Origin {
  return rng.weighted(ORIGINS.map((o) => [o, o.weight] as const));
}

/** Danish fields of a candidate: programme, module, CEFR levels, test and evidence. */
export function buildDanish(
  rng: Rng,
  yearsInDenmark: number,
): Pick<NewCandidate, 'danish_programme' | 'danish_module' | 'danish_spoken' | 'danish_written' | 'danish_test' | 'danish_evidence'> {
  if (yearsInDenmark < 0.3 && rng.chance(0.7)) {
    return { danish_programme: null, danish_module: null, danish_spoken: null, danish_written: null, danish_test: null, danish_evidence: null };
  }
  const programme = rng.weighted([
    ['DU1', 2],
    ['DU2', 5],
    ['DU3', 3],
  ] as const);
  // Roughly one module per half year, with spread.
  const module = Math.max(1, Math.min(6, Math.round(yearsInDenmark * 2 * (0.5 + rng.next())) || 1));
  const passedFinal = module >= FINAL_MODULE[programme];
  const level = danishLevelFor(programme, module);
  const studieproeven = programme === 'DU3' && module === 6 && rng.chance(0.5);
  return {
    danish_programme: programme,
    danish_module: module,
    danish_spoken: level.spoken,
    danish_written: level.written,
    danish_test: studieproeven ? 'STUDIEPROEVEN' : passedFinal ? FINAL_TEST[programme] : null,
    danish_evidence: passedFinal ? 'official_test' : rng.chance(0.8) ? 'module_test' : 'self_reported',
  };
}

/**
 * A candidate in a municipal programme. Ages 18–58 and 0–22 years in Denmark,
 * so that IGU eligibility (age, time in Denmark, residence basis) varies.
 */
export function buildCandidate(
  rng: Rng,
  overrides: Partial<NewCandidate> & { jobcentre_id: string },
  context: { today?: string; origin?: Origin; sectors?: readonly string[] } = {},
): NewCandidate {
  const today = context.today ?? new Date().toISOString().slice(0, 10);
  const origin = context.origin ?? pickOrigin(rng);
  const female = rng.chance(0.45);
  const age = rng.weighted([
    [rng.int(18, 24), 3],
    [rng.int(25, 39), 6],
    [rng.int(40, 49), 3],
    [rng.int(50, 58), 1],
  ] as const);
  const birthDate = addDays(addYears(today, -age), -rng.int(0, 364));
  const yearsInDenmark =
    origin.nationality === 'UA'
      ? 0.5 + rng.next() * 4
      : rng.weighted([
          [rng.next() * 2, 4],
          [2 + rng.next() * 3, 4],
          [5 + rng.next() * 5, 2],
          [10 + rng.next() * 12, 1],
        ] as const);
  // Nobody arrives before turning 1.
  const arrivalDate = addDays(today, -Math.min(Math.round(yearsInDenmark * 365), (age - 1) * 365));
  const status = rng.weighted([
    ['active', 85],
    ['pending', 10],
    ['inactive', 5],
  ] as const);
  const sectors = context.sectors ?? [pickSector(rng)];
  return {
    status,
    confirmed_at: status === 'active' ? new Date(`${addDays(today, -rng.int(1, 200))}T10:00:00Z`) : null,
    full_name: `${rng.pick(female ? origin.female : origin.male)} ${rng.pick(origin.family)}`,
    email: null,
    phone: `+45 ${rng.int(20, 99)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
    birth_date: birthDate,
    arrival_date: arrivalDate,
    residence_basis: rng.weighted(residenceBases(origin.nationality)),
    gender: female ? 'female' : 'male',
    nationality: origin.nationality,
    postal_code: '6200',
    max_travel_km: rng.weighted([
      [10, 2],
      [15, 2],
      [25, 4],
      [40, 2],
      [60, 1],
    ] as const),
    available_from: addDays(today, rng.int(-30, 90)),
    hours_per_week: rng.weighted([
      [37, 5],
      [30, 3],
      [25, 2],
      [20, 1],
    ] as const),
    driving_licence: rng.chance(0.25),
    ...buildDanish(rng, yearsInDenmark),
    ambition_occupations: [],
    ambition_sectors: [...sectors],
    ambition_note: rng.chance(0.4) ? rng.pick(AMBITION_NOTES) : null,
    education: rng.chance(0.8) ? rng.pick(EDUCATIONS) : null,
    // Most wait weeks, some months: the programme's goal is a first offer within a month, and a quarter of
    // the people wait longer than about four months (one draw, squared, up to 240 days).
    waiting_since: addDays(today, -Math.round((rng.int(0, 400) / 400) ** 2 * 240)),
    ...overrides,
  };
}

/** Weeks and hours that respect the scheme's rules. */
export function slotTerms(rng: Rng, type: SlotType): { weeks: number; hours_per_week: number } {
  if (type === 'igu') return { weeks: SLOT_LIMITS.igu.weeks, hours_per_week: rng.pick([25, 30, 32, 37]) };
  if (type === 'praktik') return { weeks: rng.pick([4, 6, 8, 10, 13]), hours_per_week: rng.pick([15, 20, 25, 30, 37]) };
  return { weeks: rng.pick([13, 26, 39, 52]), hours_per_week: rng.pick([25, 30, 37]) };
}

export function buildSlot(
  rng: Rng,
  overrides: Partial<NewSlot> & { organisation_id: string; workplace_id: string },
  context: { today?: string; title?: string } = {},
): NewSlot {
  const today = context.today ?? new Date().toISOString().slice(0, 10);
  const type =
    overrides.type ??
    rng.weighted([
      ['praktik', 45],
      ['igu', 30],
      ['loentilskud', 25],
    ] as const);
  const status = overrides.status ?? (rng.chance(0.88) ? 'published' : 'draft');
  const sector = overrides.sector ?? null;
  const title = context.title ?? (isSeedSector(sector) ? SECTOR_TITLES[sector] : 'Medhjælper');
  const terms = slotTerms(rng, type);
  const spoken = rng.weighted([
    [null, 2],
    ['A1', 2],
    ['A2', 4],
    ['B1', 2],
  ] as const);
  return {
    type,
    status,
    title,
    description: slotDescription(type, title),
    occupation_uri: null,
    sector,
    danish_spoken: spoken,
    danish_written: spoken === 'B1' && rng.chance(0.5) ? 'A2' : null,
    // IGU may include work-oriented Danish, so a level "within 6 months" is accepted.
    danish_within_months: type === 'igu' && spoken !== null && rng.chance(0.4) ? 6 : null,
    languages: rng.chance(0.2) ? [rng.pick(['en', 'ar', 'uk', 'ti'])] : [],
    positions: rng.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const),
    start_date: addDays(today, rng.int(7, 120)),
    ...terms,
    mentor: rng.chance(0.8),
    pay_basis: type === 'igu' ? rng.pick(['EGU-sats efter overenskomst', 'Elevløn, 1. år']) : type === 'loentilskud' ? 'Overenskomst' : null,
    pooled_network_id: null,
    published_at: status === 'published' ? new Date(`${addDays(today, -rng.int(0, 30))}T08:00:00Z`) : null,
    ...overrides,
  };
}

function slotDescription(type: SlotType, title: string): string {
  const scheme =
    type === 'igu'
      ? 'IGU-forløb på to år med skoleperioder og løn efter overenskomst.'
      : type === 'praktik'
        ? 'Virksomhedspraktik med fast kontaktperson, så du kan vise hvad du kan.'
        : 'Job med løntilskud og mulighed for fastansættelse.';
  return `Vi søger en ${title.toLowerCase()} til et godt team. ${scheme} Vi lærer dig op på stedet.`;
}

export function buildUser(rng: Rng, overrides: Partial<NewUser> & Pick<NewUser, 'role'>): NewUser {
  const name = danishPersonName(rng);
  return {
    email: `${slug(name)}.${rng.digits(6)}@test.jobbro.dk`,
    password_hash: null,
    display_name: name,
    locale: 'da',
    organisation_id: null,
    jobcentre_id: null,
    ...overrides,
  };
}

// ---- insert helpers ----------------------------------------------------------

export async function insertOrganisation(db: Executor, row: NewOrganisation): Promise<Selectable<OrganisationTable>> {
  return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertWorkplace(db: Executor, row: NewWorkplace): Promise<Selectable<WorkplaceTable>> {
  return db.insertInto('workplaces').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertCandidate(db: Executor, row: NewCandidate): Promise<Selectable<CandidateTable>> {
  return db.insertInto('candidates').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertSlot(db: Executor, row: NewSlot): Promise<Selectable<SlotTable>> {
  return db.insertInto('slots').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertUser(db: Executor, row: NewUser): Promise<Selectable<UserTable>> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The jobcentre of a municipality, created ("Jobcenter <name>") when missing. Needs the reference data. */
export async function ensureJobcentre(db: Executor, municipalityCode: string): Promise<Selectable<JobcentreTable>> {
  const existing = await db.selectFrom('jobcentres').selectAll().where('municipality_code', '=', municipalityCode).executeTakeFirst();
  if (existing) return existing;
  const municipality = await db.selectFrom('municipalities').select('name_da').where('code', '=', municipalityCode).executeTakeFirstOrThrow();
  return db
    .insertInto('jobcentres')
    .values({ municipality_code: municipalityCode, name: `Jobcenter ${municipality.name_da}` })
    .returningAll()
    .executeTakeFirstOrThrow();
}
