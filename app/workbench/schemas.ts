/**
 * Zod schemas for the caseload's query string and the candidate page's
 * forms, shared by routes and domain. Empty fields mean "not given".
 */
import { z } from 'zod';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const CASELOAD_PAGE_SIZE = 25;
export const CASELOAD_STATUSES = ['pending', 'active', 'in_placement', 'inactive', 'archived'] as const;
export const CASELOAD_SORTS = ['name', 'waited', 'danish', 'registered'] as const;
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export const caseloadQuerySchema = z.object({
  // PostgreSQL text cannot hold NUL: refuse it like any other invalid filter.
  q: optional(
    z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\u0000]*$/),
  ),
  status: optional(z.enum(CASELOAD_STATUSES)),
  minDays: optional(z.coerce.number().int().min(0).max(3650)),
  danish: optional(z.enum(CEFR_LEVELS)),
  sector: optional(
    z
      .string()
      .max(50)
      .regex(/^[a-z_]+$/),
  ),
  sort: optional(z.enum(CASELOAD_SORTS)),
  dir: optional(z.enum(['asc', 'desc'])),
  page: optional(z.coerce.number().int().min(1).max(1000)),
});
export type CaseloadQuery = z.output<typeof caseloadQuerySchema>;

export const caseloadActionSchema = z.object({
  intent: z.enum(['confirm', 'decline']),
  candidateId: z.uuid(),
});

/**
 * The candidate page's three forms, told apart by their intent. Messages are
 * keys of `forms:consultant.*` (app/consultants/form-ui.tsx), shown beside the field. The edit's values are only read as text here:
 * what they mean (a known postal code, a date from today) is checked by
 * editCandidateOnBehalf with the candidate's own rules, naming the field.
 */
export const candidatePageActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('note'),
    body: z.string({ error: 'noteRequired' }).trim().min(1, { error: 'noteRequired' }).max(4000, { error: 'tooLong:4000' }),
  }),
  z.object({ intent: z.literal('status'), status: z.enum(['active', 'inactive', 'archived'], { error: 'choose' }) }),
  z.object({
    intent: z.literal('edit'),
    // A field left empty arrives as missing: the domain's rules then name it.
    postalCode: z.string().default(''),
    maxTravelKm: z.string().default(''),
    drivingLicence: optional(z.string()),
    availableFrom: z.string().default(''),
    hoursPerWeek: optional(z.string()),
  }),
]);
