/**
 * The JSON API's request and response bodies. Requests reuse the employer
 * input schemas (app/employers/schemas.ts), so the API and the forms check
 * exactly the same rules; the OpenAPI document is generated from these.
 */
import { z } from 'zod';
import { slotInputSchema, slotStatuses, slotViewSchema } from '../employers/schemas.js';

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

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** For `invalid_input`: field path → messages; for `rule_violation`: the rule, its source and figures. */
    details: z.record(z.string(), z.unknown()),
  }),
}).meta({ id: 'Error' });
export type ApiErrorBody = z.output<typeof errorBodySchema>;
