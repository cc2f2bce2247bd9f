/**
 * The candidate's own profile, step by step. Every function works on the
 * profile of the logged-in user only (there is no candidate id to pass, so
 * nobody can reach another person's profile), validates its step's input,
 * and saves only that step's fields: bad input changes nothing. Each change
 * queues a search-index update in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/client.server.js';
import {
  findCandidateByUserId,
  replaceCandidateLanguages,
  replaceCandidateOccupations,
  replaceCandidateSkills,
  selectLanguagesOfCandidate,
  selectOccupationsOfCandidate,
  selectSkillsOfCandidate,
  updateCandidate,
  type CandidateLanguageRow,
  type CandidateOccupationRow,
  type CandidateRow,
  type CandidateSkillRow,
} from '../../db/queries/candidates.js';
import { touchCandidateActivity } from '../../db/queries/inactivity.js';
import type { Cefr, DB } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import type { SessionUser } from '../auth/session.server.js';
import { Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { danishLevelToCefr } from '../taxonomy/language-levels.js';
import {
  addSkillSchema,
  ambitionsSchema,
  availabilitySchema,
  experienceSchema,
  languagesSchema,
  placeSchema,
  removeSkillSchema,
  type AddSkillInput,
  type AmbitionsInput,
  type AvailabilityInput,
  type ExperienceInput,
  type LanguagesInput,
  type PlaceInput,
} from './profile-schemas.js';
import { fieldsOf } from '../lib/field-errors.js';
import type { z } from 'zod';

export type ProfileDeps = { db: Kysely<DB>; clock: () => Date };

export type Profile = {
  candidate: CandidateRow;
  skills: CandidateSkillRow[];
  languages: CandidateLanguageRow[];
  occupations: CandidateOccupationRow[];
};

type Viewer = Pick<SessionUser, 'id' | 'role'>;

/**
 * What `find` reads of the logged-in candidate's own profile: the one rule
 * for every "my profile" read, whichever columns it needs.
 * @throws Forbidden for other roles, NotFound without a profile.
 */
export async function readOwnCandidate<T>(user: Viewer, find: (userId: string) => Promise<T | undefined>): Promise<T> {
  if (user.role !== 'candidate') throw new Forbidden('Only candidates have a candidate profile');
  const found = await find(user.id);
  if (!found) throw new NotFound('Candidate profile');
  return found;
}

/** The candidate row of the logged-in candidate. @throws Forbidden for other roles, NotFound without a profile. */
export function ownCandidate(db: Executor, user: Viewer): Promise<CandidateRow> {
  return readOwnCandidate(user, (userId) => findCandidateByUserId(db, userId));
}

/** The whole profile of the logged-in candidate. */
export async function loadOwnProfile(deps: Pick<ProfileDeps, 'db'>, user: Viewer): Promise<Profile> {
  const candidate = await ownCandidate(deps.db, user);
  const [skills, languages, occupations] = await Promise.all([
    selectSkillsOfCandidate(deps.db, candidate.id),
    selectLanguagesOfCandidate(deps.db, candidate.id),
    selectOccupationsOfCandidate(deps.db, candidate.id),
  ]);
  return { candidate, skills, languages, occupations };
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInput('errors.invalid', fieldsOf(parsed.error.issues));
  return parsed.data;
}

/** Runs `change` in a transaction on the user's own candidate, records the activity (inactivity review) and queues the index update. */
async function changeOwn(deps: ProfileDeps, user: Viewer, change: (trx: Executor, candidate: CandidateRow) => Promise<void>): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const candidate = await ownCandidate(trx, user);
    await change(trx, candidate);
    await touchCandidateActivity(trx, candidate.id, deps.clock());
    await enqueueIndexChange(trx, { index: 'candidates', id: candidate.id, operation: 'upsert' });
  });
}

/** Adds a skill, or updates its years and where it was learned. */
export async function addSkill(deps: ProfileDeps, user: Viewer, input: AddSkillInput): Promise<void> {
  const data = parse(addSkillSchema, input);
  await changeOwn(deps, user, async (trx, candidate) => {
    const skills = (await selectSkillsOfCandidate(trx, candidate.id)).filter((s) => s.skill_uri !== data.skill);
    skills.push({ skill_uri: data.skill, years: data.years ?? null, learned_where: data.where ?? null });
    if (skills.length > 60) throw new InvalidInput('errors.invalid', { skill: ['errors.tooMany'] });
    await replaceCandidateSkills(trx, candidate.id, skills);
  });
}

export async function removeSkill(deps: ProfileDeps, user: Viewer, input: { skill: string }): Promise<void> {
  const data = parse(removeSkillSchema, input);
  await changeOwn(deps, user, async (trx, candidate) => {
    const skills = (await selectSkillsOfCandidate(trx, candidate.id)).filter((s) => s.skill_uri !== data.skill);
    await replaceCandidateSkills(trx, candidate.id, skills);
  });
}

/** Occupations held before and education. */
export async function saveExperience(deps: ProfileDeps, user: Viewer, input: ExperienceInput): Promise<void> {
  const data = parse(experienceSchema, input);
  await changeOwn(deps, user, async (trx, candidate) => {
    const previous = new Map((await selectOccupationsOfCandidate(trx, candidate.id)).map((o) => [o.occupation_uri, o.years]));
    await replaceCandidateOccupations(
      trx,
      candidate.id,
      [...new Set(data.occupations)].map((uri) => ({ occupation_uri: uri, years: previous.get(uri) ?? null })),
    );
    await updateCandidate(trx, candidate.id, { education: data.education ?? null });
  });
}

/** Danish (as DU programme + module or test, mapped to CEFR) and the other languages. */
export async function saveLanguages(deps: ProfileDeps, user: Viewer, input: LanguagesInput): Promise<void> {
  const data = parse(languagesSchema, input);
  let spoken: Cefr | null = null;
  let written: Cefr | null = null;
  if (data.danishProgramme) {
    const level = danishLevelToCefr({
      programme: data.danishProgramme,
      module: data.danishModule === 0 ? undefined : data.danishModule,
      test: data.danishTest,
    });
    spoken = level.spoken;
    written = level.written;
  }
  const seen = new Set<string>();
  const others: CandidateLanguageRow[] = [];
  data.languageCode.forEach((code, i) => {
    if (code === '' || seen.has(code)) return;
    seen.add(code);
    const spokenLevel = parseLevel(data.languageSpoken[i]);
    if (!spokenLevel) return;
    others.push({
      code,
      spoken: spokenLevel,
      written: parseLevel(data.languageWritten[i]),
      // The checkbox carries the row number: without JavaScript a new row's code is unknown when the page is drawn.
      is_mother_tongue: data.motherTongue.includes(String(i)),
      evidence: 'self_reported',
    });
  });
  await changeOwn(deps, user, async (trx, candidate) => {
    await updateCandidate(trx, candidate.id, {
      danish_programme: data.danishProgramme ?? null,
      danish_module: data.danishProgramme ? (data.danishModule ?? null) : null,
      danish_test: data.danishProgramme ? (data.danishTest ?? null) : null,
      danish_evidence: data.danishProgramme ? data.danishEvidence : null,
      danish_spoken: spoken,
      danish_written: written,
    });
    await replaceCandidateLanguages(trx, candidate.id, others);
  });
}

function parseLevel(value: string | undefined): Cefr | null {
  switch (value) {
    case 'A1':
    case 'A2':
    case 'B1':
    case 'B2':
    case 'C1':
    case 'C2':
      return value;
    default:
      return null;
  }
}

/** Where the candidate lives (postal code; the municipality follows) and how far they can travel. */
export async function savePlace(deps: ProfileDeps, user: Viewer, input: PlaceInput): Promise<void> {
  const data = parse(placeSchema, input);
  await changeOwn(deps, user, async (trx, candidate) => {
    await updateCandidate(trx, candidate.id, {
      postal_code: data.postalCode,
      max_travel_km: data.maxTravelKm,
      driving_licence: data.drivingLicence,
    });
  });
}

/** From when and how many hours a week. The date may not be in the past. */
export async function saveAvailability(deps: ProfileDeps, user: Viewer, input: AvailabilityInput): Promise<void> {
  const data = parse(availabilitySchema(deps.clock), input);
  await changeOwn(deps, user, async (trx, candidate) => {
    await updateCandidate(trx, candidate.id, { available_from: data.availableFrom, hours_per_week: data.hoursPerWeek ?? null });
  });
}

/**
 * Sectors and occupations the candidate wants, and a note in their own words
 * (e.g. "seven months of web-development training"); the matcher ranks slots
 * in these sectors and occupations higher.
 */
export async function saveAmbitions(deps: ProfileDeps, user: Viewer, input: AmbitionsInput): Promise<void> {
  const data = parse(ambitionsSchema, input);
  await changeOwn(deps, user, async (trx, candidate) => {
    await updateCandidate(trx, candidate.id, {
      ambition_sectors: [...new Set(data.sectors)],
      ambition_occupations: [...new Set(data.occupations)],
      ambition_note: data.note ?? null,
    });
  });
}
