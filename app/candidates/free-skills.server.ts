/**
 * Skills in the candidate's own words (issue 25, item 4). When the lookup
 * finds nothing that fits, a candidate keeps what they typed, in their
 * language; consultants of their jobcentre map it to a taxonomy skill
 * (which is then added to the candidate's skills, so the matcher counts it)
 * or leave it as written. Either way the candidate is told, in their
 * language, through the notifications module.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import { replaceCandidateSkills, selectSkillsOfCandidate } from '../../db/queries/candidates.js';
import {
  countFreeSkillsOfCandidate,
  deleteFreeSkill,
  findFreeSkillForReview,
  insertFreeSkill,
  selectFreeSkillsOfCandidate,
  selectOpenFreeSkills,
  setFreeSkillDecision,
  type FreeSkillRow,
  type OpenFreeSkillRow,
} from '../../db/queries/free-skills.js';
import { touchCandidateActivity } from '../../db/queries/inactivity.js';
import type { DB } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import type { SessionUser } from '../auth/session.server.js';
import { asConsultant, type ConsultantUser } from '../consultants/consultant.js';
import { supportedLngs } from '../i18n/i18n.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { notify } from '../notifications/emit.server.js';
import { recipientLanguage } from '../notifications/kinds.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { skillLabel } from './labels.js';
import { MAX_FREE_SKILLS, MAX_FREE_SKILL_LENGTH } from './free-skills.js';
import { fieldErrorsOf } from './profile-schemas.js';
import { ownCandidate } from './profile.server.js';

export type FreeSkillDeps = { db: Kysely<DB>; clock: () => Date };
type Viewer = Pick<SessionUser, 'id' | 'role'>;

export const freeSkillSchema = z.object({
  // Messages are keys in the `skills` namespace, shown beside the field.
  text: z
    .string({ message: 'skills:own.errors.required' })
    .trim()
    .min(1, 'skills:own.errors.required')
    .max(MAX_FREE_SKILL_LENGTH, 'skills:own.errors.tooLong'),
  lang: z.enum(supportedLngs),
});
export type FreeSkillInput = z.input<typeof freeSkillSchema>;

export const removeFreeSkillSchema = z.object({ freeSkill: z.uuid() });

export const reviewFreeSkillSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('map'),
    freeSkill: z.uuid(),
    skill: z.string().refine((uri) => getTaxonomy().skillByUri.has(uri), 'skills:review.errors.skillUnknown'),
  }),
  z.object({ decision: z.literal('leave'), freeSkill: z.uuid() }),
]);
export type ReviewFreeSkillInput = z.input<typeof reviewFreeSkillSchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInput('errors.invalid', fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

/** The logged-in candidate's own words, oldest first. */
export async function loadOwnFreeSkills(deps: Pick<FreeSkillDeps, 'db'>, user: Viewer): Promise<FreeSkillRow[]> {
  const candidate = await ownCandidate(deps.db, user);
  return selectFreeSkillsOfCandidate(deps.db, candidate.id);
}

/**
 * Keeps the candidate's words as a skill to be reviewed. The same words
 * (ignoring case and spaces at the ends) are kept once.
 * @throws InvalidInput naming `text` (empty, too long, too many).
 */
export async function addFreeSkill(deps: FreeSkillDeps, user: Viewer, input: FreeSkillInput): Promise<void> {
  const data = parse(freeSkillSchema, input);
  await deps.db.transaction().execute(async (trx) => {
    const candidate = await ownCandidate(trx, user);
    if ((await countFreeSkillsOfCandidate(trx, candidate.id)) >= MAX_FREE_SKILLS) {
      throw new InvalidInput('errors.invalid', { text: ['skills:own.errors.tooMany'] });
    }
    await insertFreeSkill(trx, { candidateId: candidate.id, text: data.text, lang: data.lang, at: deps.clock() });
    await touchCandidateActivity(trx, candidate.id, deps.clock());
  });
}

/** Removes one of the candidate's own words (a mapped skill stays among their skills). */
export async function removeFreeSkill(deps: FreeSkillDeps, user: Viewer, input: { freeSkill: unknown }): Promise<void> {
  const data = parse(removeFreeSkillSchema, input);
  await deps.db.transaction().execute(async (trx) => {
    const candidate = await ownCandidate(trx, user);
    if (!(await deleteFreeSkill(trx, candidate.id, data.freeSkill))) throw new NotFound('Free-text skill', data.freeSkill);
    await touchCandidateActivity(trx, candidate.id, deps.clock());
  });
}

/** Words waiting for review, of the consultant's jobcentre (one candidate's when `candidateId` is given), oldest first. */
export async function listOpenFreeSkills(
  deps: Pick<FreeSkillDeps, 'db'>,
  user: ConsultantUser,
  filter: { candidateId: string | null },
): Promise<OpenFreeSkillRow[]> {
  const consultant = asConsultant(user);
  return selectOpenFreeSkills(deps.db, { jobcentreId: consultant.jobcentreId, candidateId: filter.candidateId, limit: 200 });
}

/**
 * A consultant maps the candidate's words to a taxonomy skill (added to the
 * candidate's skills unless they have it) or leaves them as written; the
 * candidate is notified in their language; audit-logged.
 * @throws NotFound, Forbidden (another jobcentre's candidate), Conflict (already reviewed), InvalidInput (unknown skill).
 */
export async function reviewFreeSkill(deps: FreeSkillDeps, user: ConsultantUser, input: ReviewFreeSkillInput): Promise<void> {
  const consultant = asConsultant(user);
  const data = parse(reviewFreeSkillSchema, input);
  const at = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findFreeSkillForReview(trx, data.freeSkill);
    if (!row) throw new NotFound('Free-text skill', data.freeSkill);
    if (row.jobcentre_id !== consultant.jobcentreId) throw new Forbidden("Only the candidate's own jobcentre reviews their words");
    if (row.status !== 'open') throw new Conflict('These words were reviewed already');
    const mappedSkillUri = data.decision === 'map' ? data.skill : null;
    await setFreeSkillDecision(trx, row.id, { status: mappedSkillUri ? 'mapped' : 'left', mappedSkillUri, decidedBy: consultant.id, at });
    if (mappedSkillUri) {
      const skills = await selectSkillsOfCandidate(trx, row.candidate_id);
      if (!skills.some((skill) => skill.skill_uri === mappedSkillUri)) {
        await replaceCandidateSkills(trx, row.candidate_id, [...skills, { skill_uri: mappedSkillUri, years: null, learned_where: null }]);
        await enqueueIndexChange(trx, { index: 'candidates', id: row.candidate_id, operation: 'upsert' });
      }
    }
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: mappedSkillUri ? 'candidate.free_skill.mapped' : 'candidate.free_skill.left',
      subjectType: 'candidate',
      subjectId: row.candidate_id,
      details: { freeSkillId: row.id, skill: mappedSkillUri },
    });
    if (row.candidate_user_id) {
      const lng = recipientLanguage('candidate', row.candidate_locale);
      await notify(
        trx,
        {
          kind: `free_skill.${mappedSkillUri ? 'mapped' : 'left'}`,
          actorUserId: consultant.id,
          subjectType: 'candidate_free_skill',
          subjectId: row.id,
          at,
        },
        [
          {
            userId: row.candidate_user_id,
            kind: 'free_skill_reviewed',
            // i18next picks `title_left`/`next_left` from the context; a mapping uses the plain texts.
            params: mappedSkillUri ? { ownWords: row.text, skillLabel: skillLabel(mappedSkillUri, lng) } : { ownWords: row.text, context: 'left' },
            link: '/candidate/profile/skills',
          },
        ],
      );
    }
  });
}
