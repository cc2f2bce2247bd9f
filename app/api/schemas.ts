/**
 * The JSON API's request and response bodies. Requests reuse the employer
 * input schemas (app/employers/schemas.ts), so the API and the forms check
 * exactly the same rules; the OpenAPI document is generated from these.
 */
import { z } from 'zod';
import { slotInputSchema, slotStatuses, slotViewSchema } from '../employers/schemas.js';

const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

// `.meta({ id })` names each OpenAPI component; no global patching of Zod is needed.
export const slotBodySchema = slotInputSchema.meta({ id: 'SlotInput' });
export const slotResponseSchema = slotViewSchema.meta({ id: 'Slot' });
export const slotListResponseSchema = z.object({ slots: z.array(slotResponseSchema) }).meta({ id: 'SlotList' });

export const slotListQuerySchema = z.object({
  status: z.enum(slotStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const slotIdParamsSchema = z.object({ slotId: z.uuid() });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** For `invalid_input`: field path → messages; for `rule_violation`: the rule, its source and figures. */
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'Error' });
export type ApiErrorBody = z.output<typeof errorBodySchema>;

/**
 * A candidate approved for the employer's slot, as the employer API shows
 * them (app/matching/views.server.ts, EmployerMatchView): what the slot page
 * shows and nothing else. Strict, so the conformance test fails on any
 * extra field (a candidate id, a score, a distance).
 */
export const employerMatchSchema = z
  .strictObject({
    reference: z.uuid().describe('This approved candidate on this slot. The same person has another reference on every other slot.'),
    skills: z.array(z.string()).describe('ESCO skill URIs'),
    danishSpoken: z.enum(cefrLevels).nullable(),
    danishWritten: z.enum(cefrLevels).nullable(),
    availableFrom: z.iso.date(),
    hoursPerWeek: z.number().int().nullable(),
    area: z.string().describe('The municipality the candidate lives in'),
    decision: z.enum(['invite', 'decline']).nullable().describe('Your decision on the candidate, if any'),
    shared: z
      .strictObject({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
      .nullable()
      .describe('Name and contact, only once the candidate has agreed to share them with you for this slot'),
  })
  .meta({ id: 'EmployerMatch' });

export const employerMatchListSchema = z.strictObject({ slotId: z.uuid(), matches: z.array(employerMatchSchema) }).meta({ id: 'EmployerMatchList' });
