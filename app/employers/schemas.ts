/**
 * What employers send: the company sign-up, a workplace, a slot, an invitation,
 * a decision on a candidate, an API key. One Zod schema per input, shared by
 * the forms (Conform coerces form strings) and the JSON API (/api/v1).
 *
 * Every issue message is a key under `employer:errors.*`, so a form shows it
 * in the reader's language and the API in English (app/api/http.server.ts).
 * Whether a workplace has room under the ratio rule needs the database and is
 * checked in the domain layer (slots.server.ts).
 */
import { z } from 'zod';
import { getPostalCode } from '../geo/places.js';
import { calendarDate } from '../lib/dates.js';
import { isValidCvr, isValidPNumber } from '../organisations/cvr.js';
import { checkSlotTerms } from '../rules/slot-rules.js';
import { cefrLevels, danishLevelToCefr, danishProgrammes } from '../taxonomy/language-levels.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';

export const slotTypes = ['igu', 'praktik', 'loentilskud'] as const;
export const slotStatuses = ['draft', 'published', 'filled', 'closed'] as const;
export const declineReasons = ['skills', 'danish', 'availability', 'position_filled', 'other'] as const;

/** Message keys (employer:errors.<key>). */
export type ErrorKey =
  | 'required'
  | 'tooLong'
  | 'cvrFormat'
  | 'cvrChecksum'
  | 'pNumberFormat'
  | 'postalCodeFormat'
  | 'postalCodeUnknown'
  | 'email'
  | 'passwordShort'
  | 'passwordCommon'
  | 'passwordPersonal'
  | 'passwordMismatch'
  | 'fte'
  | 'wholeNumber'
  | 'positions'
  | 'weeks'
  | 'hours'
  | 'date'
  | 'dateRange'
  | 'skillUnknown'
  | 'occupationUnknown'
  | 'languageUnknown'
  | 'skillTwice'
  | 'tooMany'
  | 'choose'
  | 'iguDuration'
  | 'iguHours'
  | 'praktikDuration'
  | 'loentilskudDuration'
  | 'iguPayBasis'
  | 'withinMonthsIguOnly'
  | 'withinMonthsRange'
  | 'danishModule'
  | 'ratioRule'
  | 'workplaceUnknown'
  | 'startInPast'
  | 'cvrTaken'
  | 'pNumberTaken'
  | 'emailTaken';

const e = (key: ErrorKey) => ({ error: key });

/** Spaces, dashes and a "DK" prefix are what people type around numbers. */
export function normaliseNumber(value: string): string {
  return value.trim().replace(/^DK/i, '').replace(/[\s-]/g, '');
}

/** Which CVR message applies, or null for a valid number. */
export function cvrErrorKey(value: string): 'cvrFormat' | 'cvrChecksum' | null {
  const digits = normaliseNumber(value);
  if (!/^\d{8}$/.test(digits) || digits.startsWith('0')) return 'cvrFormat';
  return isValidCvr(digits) ? null : 'cvrChecksum';
}

const text = (max: number) => z.string(e('required')).trim().min(1, e('required')).max(max, e('tooLong'));
const optionalText = (max: number) => z.string().trim().max(max, e('tooLong')).optional();

export const cvrSchema = z
  .string(e('required'))
  .superRefine((value, ctx) => {
    const key = cvrErrorKey(value);
    if (key) ctx.addIssue({ code: 'custom', message: key });
  })
  .transform(normaliseNumber);

export const pNumberSchema = z
  .string(e('required'))
  .refine((value) => isValidPNumber(value), e('pNumberFormat'))
  .transform(normaliseNumber);

export const postalCodeSchema = z
  .string(e('required'))
  .trim()
  .superRefine((value, ctx) => {
    if (!/^\d{4}$/.test(value)) ctx.addIssue({ code: 'custom', message: 'postalCodeFormat' });
    else if (!getPostalCode(value)) ctx.addIssue({ code: 'custom', message: 'postalCodeUnknown' });
  });

/**
 * Full-time equivalents of one workplace (a P-number): the ratio rule trusts
 * them. 0..20,000 with at most two decimals (numeric(8,2) in the database,
 * which checks the same bounds); Denmark's largest single workplaces employ
 * around 10,000.
 */
export const FTE_MAX = 20_000;
const fteSchema = z.number(e('fte')).min(0, e('fte')).max(FTE_MAX, e('fte')).multipleOf(0.01, e('fte'));

export const workplaceFields = {
  pNumber: pNumberSchema,
  workplaceName: text(200),
  address: text(200),
  postalCode: postalCodeSchema,
  employeesFte: fteSchema,
};

export const workplaceSchema = z.object(workplaceFields);
export type WorkplaceInput = z.output<typeof workplaceSchema>;

// The same bounds as app/auth/password-policy.server.ts (which also refuses common and personal passwords, on the server).
export const passwordSchema = z.string(e('passwordShort')).min(10, e('passwordShort')).max(256, e('tooLong'));
export const emailSchema = z
  .string(e('email'))
  .trim()
  .toLowerCase()
  .pipe(z.email(e('email')).max(254, e('email')));

export const companySignupSchema = z
  .object({
    cvr: cvrSchema,
    companyName: text(200),
    contactName: text(120),
    email: emailSchema,
    phone: optionalText(40),
    password: passwordSchema,
    passwordRepeat: z.string(e('passwordMismatch')),
    ...workplaceFields,
  })
  .refine((value) => value.password === value.passwordRepeat, { path: ['passwordRepeat'], message: 'passwordMismatch' });
export type CompanySignupInput = z.output<typeof companySignupSchema>;

export const invitationSchema = z.object({ email: emailSchema });

export const acceptInvitationSchema = z
  .object({ displayName: text(120), password: passwordSchema, passwordRepeat: z.string(e('passwordMismatch')) })
  .refine((value) => value.password === value.passwordRepeat, { path: ['passwordRepeat'], message: 'passwordMismatch' });

export const apiKeyNameSchema = z.object({ name: text(100) });

const skillUriSchema = z.string().refine((uri) => getTaxonomy().skillByUri.has(uri), e('skillUnknown'));
/** A slot starts within ten years of today either way (whether a new one may start in the past is the domain's rule). */
const slotStartDate = calendarDate(
  { earliest: { yearsFromToday: -10 }, latest: { yearsFromToday: 10 } },
  { messages: { invalid: 'date', tooEarly: 'dateRange', tooLate: 'dateRange' } satisfies Record<string, ErrorKey> },
);

/** Which field a failed scheme rule belongs to, and its message key. */
const RULE_FIELDS: Record<string, { field: 'weeks' | 'hoursPerWeek'; key: ErrorKey }> = {
  'igu.duration': { field: 'weeks', key: 'iguDuration' },
  'igu.min_hours': { field: 'hoursPerWeek', key: 'iguHours' },
  'praktik.max_duration': { field: 'weeks', key: 'praktikDuration' },
  'loentilskud.max_duration': { field: 'weeks', key: 'loentilskudDuration' },
};

/** The day a job was vacated: up to ten years back, or ahead when notice has been given. */
const vacatedOnDate = calendarDate(
  { earliest: { yearsFromToday: -10 }, latest: { yearsFromToday: 10 } },
  { messages: { invalid: 'date', tooEarly: 'dateRange', tooLate: 'dateRange' } satisfies Record<string, ErrorKey> },
);

/**
 * Løntilskud net job creation (app/rules/net-job-creation.ts): what the
 * employer answers. Optional here because other schemes do not ask; a
 * løntilskud slot needs them (checked below, a field error each).
 */
export const netJobFields = {
  netJobsFteNow: fteSchema.optional(),
  netJobsFte12mAgo: fteSchema.optional(),
  netJobsFillsVacancy: z.enum(['yes', 'no'], e('choose')).optional(),
  netJobsVacatedOn: vacatedOnDate.optional(),
};

const slotObject = z.object({
  type: z.enum(slotTypes, e('choose')),
  workplaceId: z.uuid(e('workplaceUnknown')),
  title: text(200),
  occupationUri: z
    .string()
    .refine((uri) => getTaxonomy().occupationByUri.has(uri), e('occupationUnknown'))
    .optional(),
  description: z.string().trim().max(5000, e('tooLong')).default(''),
  mustSkills: z.array(skillUriSchema).max(20, e('tooMany')).default([]),
  niceSkills: z.array(skillUriSchema).max(20, e('tooMany')).default([]),
  danishSpoken: z.enum(cefrLevels, e('choose')).optional(),
  danishWritten: z.enum(cefrLevels, e('choose')).optional(),
  /** Danish as danskuddannelse instead of CEFR: programme and module passed. */
  danishProgramme: z.enum(danishProgrammes, e('choose')).optional(),
  danishModule: z.number(e('danishModule')).int(e('danishModule')).min(1, e('danishModule')).max(6, e('danishModule')).optional(),
  /** IGU only: the level may be reached within N months (the school part teaches Danish). */
  danishWithinMonths: z
    .number(e('withinMonthsRange'))
    .int(e('withinMonthsRange'))
    .min(1, e('withinMonthsRange'))
    .max(24, e('withinMonthsRange'))
    .optional(),
  languages: z
    .array(z.string().refine((code) => getTaxonomy().languageByCode.has(code), e('languageUnknown')))
    .max(10, e('tooMany'))
    .default([]),
  positions: z.number(e('positions')).int(e('positions')).min(1, e('positions')).max(100, e('positions')),
  startDate: slotStartDate,
  weeks: z.number(e('weeks')).int(e('weeks')).min(1, e('weeks')).max(104, e('weeks')),
  hoursPerWeek: z.number(e('hours')).gt(0, e('hours')).max(48, e('hours')),
  mentor: z.boolean().default(false),
  payBasis: optionalText(200),
  ...netJobFields,
});

/** A slot as the employer describes it; the scheme's rules (docs/domain.md) are checked field by field. */
export const slotInputSchema = slotObject
  .superRefine((slot, ctx) => {
    for (const verdict of checkSlotTerms({ type: slot.type, weeks: slot.weeks, hoursPerWeek: slot.hoursPerWeek })) {
      const target = RULE_FIELDS[verdict.rule];
      if (!verdict.ok && target) ctx.addIssue({ code: 'custom', path: [target.field], message: target.key });
    }
    if (slot.type === 'igu' && !slot.payBasis) ctx.addIssue({ code: 'custom', path: ['payBasis'], message: 'iguPayBasis' });
    if (slot.type !== 'igu' && slot.danishWithinMonths !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['danishWithinMonths'], message: 'withinMonthsIguOnly' });
    }
    slot.niceSkills.forEach((uri, index) => {
      if (slot.mustSkills.includes(uri)) ctx.addIssue({ code: 'custom', path: ['niceSkills', index], message: 'skillTwice' });
    });
  })
  .superRefine(
    (slot, ctx) => {
      if (slot.type !== 'loentilskud') return;
      if (slot.netJobsFteNow === undefined) ctx.addIssue({ code: 'custom', path: ['netJobsFteNow'], message: 'required' });
      if (slot.netJobsFte12mAgo === undefined) ctx.addIssue({ code: 'custom', path: ['netJobsFte12mAgo'], message: 'required' });
      if (slot.netJobsFillsVacancy === undefined) ctx.addIssue({ code: 'custom', path: ['netJobsFillsVacancy'], message: 'choose' });
      if (slot.netJobsFillsVacancy === 'yes' && slot.netJobsVacatedOn === undefined) {
        ctx.addIssue({ code: 'custom', path: ['netJobsVacatedOn'], message: 'required' });
      }
    },
    // Also when other fields are wrong: the employer sees every missing answer at the first try, not one round later.
    { when: (payload) => isLoentilskud(payload.value) },
  );

function isLoentilskud(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'loentilskud';
}
export type SlotInput = z.output<typeof slotInputSchema>;

/**
 * The Danish requirement to store: CEFR as given, else derived from
 * programme + module (spoken and written), else none.
 */
export function danishRequirement(input: Pick<SlotInput, 'danishSpoken' | 'danishWritten' | 'danishProgramme' | 'danishModule'>): {
  spoken: (typeof cefrLevels)[number] | null;
  written: (typeof cefrLevels)[number] | null;
} {
  if (input.danishSpoken || input.danishWritten || !input.danishProgramme) {
    return { spoken: input.danishSpoken ?? null, written: input.danishWritten ?? null };
  }
  return danishLevelToCefr({ programme: input.danishProgramme, module: input.danishModule });
}

export const decisionSchema = z.discriminatedUnion('decision', [
  // confirmChange: changing an earlier answer tells the candidate and the jobcentre, so it is asked for explicitly.
  z.object({ decision: z.literal('invite'), note: optionalText(1000), confirmChange: z.literal('yes').optional() }),
  z.object({
    decision: z.literal('decline'),
    reason: z.enum(declineReasons, e('choose')),
    note: optionalText(1000),
    confirmChange: z.literal('yes').optional(),
  }),
]);
export type DecisionInput = z.output<typeof decisionSchema>;

/** A slot as the employer (and the API) sees it. */
export const slotViewSchema = z.object({
  id: z.uuid(),
  type: z.enum(slotTypes),
  status: z.enum(slotStatuses),
  /** `waiting_for_verification`: published, but the company is not yet verified, so no candidate sees it. */
  visibility: z.enum(['draft', 'waiting_for_verification', 'visible', 'ended']),
  workplaceId: z.uuid(),
  workplaceName: z.string(),
  title: z.string(),
  description: z.string(),
  occupationUri: z.string().nullable(),
  mustSkills: z.array(z.string()),
  niceSkills: z.array(z.string()),
  danishSpoken: z.enum(cefrLevels).nullable(),
  danishWritten: z.enum(cefrLevels).nullable(),
  danishWithinMonths: z.number().int().nullable(),
  languages: z.array(z.string()),
  positions: z.number().int(),
  startDate: z.string(),
  weeks: z.number().int(),
  hoursPerWeek: z.number(),
  mentor: z.boolean(),
  payBasis: z.string().nullable(),
  /** Løntilskud only: the employer's net-job-creation answers, with when they were given; null when not answered. */
  netJobs: z
    .object({
      fteNow: z.number(),
      fte12mAgo: z.number(),
      fillsVacancy: z.boolean(),
      vacatedOn: z.string().nullable(),
      answeredAt: z.string(),
    })
    .nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  pipeline: z.object({
    found: z.number().int(),
    approved: z.number().int(),
    invited: z.number().int(),
    declined: z.number().int(),
    placed: z.number().int(),
  }),
});
export type SlotView = z.output<typeof slotViewSchema>;
