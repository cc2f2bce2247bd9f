/**
 * Zod schemas for the consultant's forms and query strings, shared by routes.
 * Empty form fields arrive as '' and mean "not given". Messages of the
 * fields a person fills in are keys of `forms:consultant.*`, with figures
 * after colons ('tooLong:200'), shown beside the field in the consultant's
 * language (app/consultants/form-ui.tsx).
 */
import { z } from 'zod';
import { calendarDate } from '../lib/dates.js';
import { decimalNumber } from '../lib/numbers.js';
import { REJECT_REASONS } from './consultant.js';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const dateRangeMessage = ({ earliest, latest }: { earliest: string; latest: string }) => `dateRange:${earliest}:${latest}`;
/** Placement, follow-up, milestone and course dates: within ten years of today either way. */
const isoDate = calendarDate(
  { earliest: { yearsFromToday: -10 }, latest: { yearsFromToday: 10 } },
  { messages: { invalid: 'date', tooEarly: dateRangeMessage, tooLate: dateRangeMessage } },
);
/** Text the person must write: `missing` says what is missing. */
const requiredText = (max: number, missing = 'required') =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `tooLong:${max}` });
/** A choice from a list the page offers. */
const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'choose' });
/**
 * Refine arguments: the date in `later` comes after (`strictly`) or not
 * before the one in `earlier`, checked once both dates are valid (whatever
 * else the form got wrong, so every mistake is named at once).
 */
function dateOrder(
  earlier: string,
  later: string,
  message: string,
  strictly = false,
): [
  (value: Record<string, unknown>) => boolean,
  { path: string[]; message: string; when: (payload: { issues: ReadonlyArray<{ path?: readonly PropertyKey[] }> }) => boolean },
] {
  return [
    (value) =>
      value[later] === undefined || (strictly ? String(value[later]) > String(value[earlier]) : String(value[later]) >= String(value[earlier])),
    { path: [later], message, when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === earlier || issue.path?.[0] === later) },
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

/** A decision's note (queue and proposal page). */
const decisionNote = optional(z.string().max(1000, { error: 'tooLong:1000' }));
/**
 * Refine arguments: rejecting for "other" says why in the note (rejectMatch
 * checks it too; here the message stands beside the note).
 */
const noteForOther: [
  (value: { reason: string; note?: string | undefined }) => boolean,
  { path: string[]; message: string; when: (payload: { issues: readonly unknown[] }) => boolean },
] = [
  (value) => value.reason !== 'other' || (value.note ?? '').trim() !== '',
  { path: ['note'], message: 'noteForOther', when: (payload) => payload.issues.length === 0 },
];

/** The queue's ticked proposals: one ticked sends a text, several a list. */
const selectedProposals = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(z.uuid(), { error: 'chooseProposals' }).min(1, { error: 'chooseProposals' }).max(200, { error: 'tooManyProposals' }),
);

/** The queue's form: decide the ticked proposals at once. */
export const decisionFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), proposalId: selectedProposals }),
  z
    .object({ intent: z.literal('reject'), proposalId: selectedProposals, reason: choice(REJECT_REASONS), note: decisionNote })
    .refine(...noteForOther),
]);

/** The proposal page's form: approve or reject this one proposal. */
export const proposalDecisionFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), note: decisionNote }),
  z.object({ intent: z.literal('reject'), reason: choice(REJECT_REASONS), note: decisionNote }).refine(...noteForOther),
]);

export const verificationFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('verify'),
    organisationId: z.uuid(),
    cvrChecked: z.literal('on', { error: 'confirmCheck' }),
    contactConfirmed: z.literal('on', { error: 'confirmCheck' }),
    note: optional(z.string().max(1000, { error: 'tooLong:1000' })),
  }),
  z.object({ intent: z.literal('suspend'), organisationId: z.uuid(), note: requiredText(1000, 'suspendNote') }),
]);

export const placementFormSchema = z.discriminatedUnion('intent', [
  z
    .object({ intent: z.literal('create'), proposalId: z.uuid(), startDate: isoDate, endDate: isoDate })
    .refine(...dateOrder('startDate', 'endDate', 'endBeforeStart')),
  z.object({ intent: z.literal('employerAnswer'), proposalId: z.uuid(), decision: z.enum(['invite', 'decline']) }),
  z.object({ intent: z.literal('start'), placementId: z.uuid(), on: isoDate }),
  z
    .object({
      intent: z.literal('followUp'),
      placementId: z.uuid(),
      on: isoDate,
      note: optional(z.string().max(2000, { error: 'tooLong:2000' })),
      nextFollowUp: optional(isoDate),
    })
    .refine(...dateOrder('on', 'nextFollowUp', 'nextFollowUpAfterVisit', true)),
  z.object({ intent: z.literal('endEarly'), placementId: z.uuid(), on: isoDate, reason: requiredText(1000, 'endedReason') }),
  z.object({ intent: z.literal('complete'), placementId: z.uuid(), on: isoDate }),
  z.object({ intent: z.literal('outcome'), placementId: z.uuid(), on: isoDate, outcome: choice(['ordinary_job', 'education', 'back_to_programme']) }),
  z.object({ intent: z.literal('milestone'), placementId: z.uuid(), on: isoDate, kind: z.enum(['school_part', 'bonus_6m', 'bonus_24m']) }),
  z.object({ intent: z.literal('extend'), placementId: z.uuid(), newEnd: isoDate, reason: requiredText(1000, 'extensionReason') }),
]);

/** Ticked boxes: one arrives as a string, several as a list; none ticked is a choice still to make. */
const tickedIds = (missing: string) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.uuid(), { error: missing }).min(1, { error: missing }).max(200));

export const cohortFormSchema = z.discriminatedUnion('intent', [
  z
    .object({
      intent: z.literal('create'),
      networkId: z.uuid({ error: 'choose' }),
      title: requiredText(200, 'cohortTitle'),
      sector: requiredText(50, 'choose'),
      courseStart: isoDate,
      courseEnd: isoDate,
      seats: decimalNumber({ min: 1, max: 200, integer: true, message: 'wholeNumber:1:200' }),
    })
    .refine(...dateOrder('courseStart', 'courseEnd', 'courseEndBeforeStart')),
  z.object({ intent: z.literal('match'), cohortId: z.uuid() }),
  z.object({ intent: z.literal('approve'), cohortId: z.uuid(), candidateId: tickedIds('chooseCandidates') }),
  z.object({ intent: z.literal('reject'), cohortId: z.uuid(), candidateId: tickedIds('chooseCandidates'), reason: choice(REJECT_REASONS) }),
]);
