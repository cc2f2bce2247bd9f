/**
 * Zod schemas for the consultant's forms and query strings, shared by routes.
 * Empty form fields arrive as '' and mean "not given".
 */
import { z } from 'zod';
import { calendarDate } from '../lib/dates.js';
import { decimalNumber } from '../lib/numbers.js';
import { REJECT_REASONS } from './consultant.js';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
/** Placement, follow-up, milestone and course dates: within ten years of today either way. */
const isoDate = calendarDate({ earliest: { yearsFromToday: -10 }, latest: { yearsFromToday: 10 } });
/** Refine arguments: `end` is not before `start` (checked once both dates are valid). */
function endNotBeforeStart(
  start: string,
  end: string,
): [(value: Record<string, unknown>) => boolean, { path: string[]; message: string; when: (payload: { issues: readonly unknown[] }) => boolean }] {
  return [
    (value) => String(value[end]) >= String(value[start]),
    { path: [end], message: `must be on or after ${start}`, when: (payload) => payload.issues.length === 0 },
  ];
}

/**
 * The last queue page one may ask for (rows 976–1,000). Pages are read with
 * OFFSET, so a page costs reading every row before it: on the national seed
 * the first page takes ≈ 4 ms and the 20th ≈ 13–26 ms with PGlite, whatever
 * the jobcentre's size (selectQueue). Past the first pages a consultant
 * narrows the filters instead, and the page says so.
 */
export const QUEUE_MAX_PAGE = 40;

// Filter text goes to PostgreSQL, whose text cannot hold NUL (a 500 otherwise): such a query is refused like any other invalid one.
const filterText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000]*$/);

export const queueQuerySchema = z.object({
  scheme: optional(z.enum(['igu', 'praktik', 'loentilskud'])),
  sector: optional(filterText(50)),
  /** An organisation's id, for links from elsewhere; the filter form sends employerName. */
  employer: optional(z.uuid()),
  employerName: optional(filterText(200)),
  minScore: optional(z.coerce.number().min(0).max(100)),
  sort: optional(z.enum(['score', 'waited', 'start'])),
  candidate: optional(filterText(100)),
  minDays: optional(z.coerce.number().int().min(0).max(3650)),
  source: optional(z.enum(['matcher', 'interest'])),
  // A missing, malformed or out-of-range page shows the first page rather than dropping the filters.
  page: z.coerce.number().int().min(1).max(QUEUE_MAX_PAGE).catch(1),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

const ids = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.uuid()).min(1).max(200));

/** A decision's note (queue and proposal page): message keys of the forms namespace, shown beside the field. */
const decisionNote = optional(z.string().max(1000, 'forms:consultant.decisionNoteTooLong'));
const rejectReason = z.enum(REJECT_REASONS, { message: 'forms:consultant.reasonRequired' });
/** Refine arguments: the reason "other" says why in the note (rejectMatch checks it too; here it stands beside the field). */
const noteForOther: [
  (value: { reason: string; note?: string | undefined }) => boolean,
  { path: string[]; message: string; when: (payload: { issues: readonly unknown[] }) => boolean },
] = [
  (value) => value.reason !== 'other' || (value.note ?? '').trim() !== '',
  { path: ['note'], message: 'forms:consultant.noteRequiredForOther', when: (payload) => payload.issues.length === 0 },
];

/** The queue's selected proposals: one checkbox ticked sends a text, several a list. */
const selectedProposals = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z
    .array(z.uuid(), { message: 'forms:consultant.selectProposals' })
    .min(1, 'forms:consultant.selectProposals')
    .max(200, 'forms:consultant.tooManyProposals'),
);

/** The queue's form: decide the ticked proposals at once. */
export const decisionFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), proposalId: selectedProposals }),
  z.object({ intent: z.literal('reject'), proposalId: selectedProposals, reason: rejectReason, note: decisionNote }).refine(...noteForOther),
]);

/** The proposal page's form: approve or reject this one proposal. */
export const proposalDecisionFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), note: decisionNote }),
  z.object({ intent: z.literal('reject'), reason: rejectReason, note: decisionNote }).refine(...noteForOther),
]);

export const verificationFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('verify'),
    organisationId: z.uuid(),
    cvrChecked: z.literal('on'),
    contactConfirmed: z.literal('on'),
    note: optional(z.string().max(1000)),
  }),
  z.object({ intent: z.literal('suspend'), organisationId: z.uuid(), note: z.string().trim().min(1).max(1000) }),
]);

export const placementFormSchema = z.discriminatedUnion('intent', [
  z
    .object({ intent: z.literal('create'), proposalId: z.uuid(), startDate: isoDate, endDate: isoDate })
    .refine(...endNotBeforeStart('startDate', 'endDate')),
  z.object({ intent: z.literal('employerAnswer'), proposalId: z.uuid(), decision: z.enum(['invite', 'decline']) }),
  z.object({ intent: z.literal('start'), placementId: z.uuid(), on: isoDate }),
  z.object({
    intent: z.literal('followUp'),
    placementId: z.uuid(),
    on: isoDate,
    note: optional(z.string().max(2000)),
    nextFollowUp: optional(isoDate),
  }),
  z.object({ intent: z.literal('endEarly'), placementId: z.uuid(), on: isoDate, reason: z.string().trim().min(1).max(1000) }),
  z.object({ intent: z.literal('complete'), placementId: z.uuid(), on: isoDate }),
  z.object({ intent: z.literal('outcome'), placementId: z.uuid(), on: isoDate, outcome: z.enum(['ordinary_job', 'education', 'back_to_programme']) }),
  z.object({ intent: z.literal('milestone'), placementId: z.uuid(), on: isoDate, kind: z.enum(['school_part', 'bonus_6m', 'bonus_24m']) }),
  z.object({ intent: z.literal('extend'), placementId: z.uuid(), newEnd: isoDate, reason: z.string().trim().min(1).max(1000) }),
]);

export const cohortFormSchema = z.discriminatedUnion('intent', [
  z
    .object({
      intent: z.literal('create'),
      networkId: z.uuid(),
      title: z.string().trim().min(1).max(200),
      sector: z.string().trim().min(1).max(50),
      courseStart: isoDate,
      courseEnd: isoDate,
      seats: decimalNumber({ min: 1, max: 200, integer: true, message: 'must be a whole number from 1 to 200' }),
    })
    .refine(...endNotBeforeStart('courseStart', 'courseEnd')),
  z.object({ intent: z.literal('match'), cohortId: z.uuid() }),
  z.object({ intent: z.literal('approve'), cohortId: z.uuid(), candidateId: ids }),
  z.object({ intent: z.literal('reject'), cohortId: z.uuid(), candidateId: ids, reason: z.enum(REJECT_REASONS) }),
]);
