/**
 * Conform's form parsing with Jobbro's number reading: a number field takes
 * plain decimals only (app/lib/numbers.ts), where Conform's default
 * `Number(text)` would take '1e5', '0x10' and 'Infinity'.
 */
import { configureCoercion } from '@conform-to/zod/v4/future';
import { parseWithZod } from '@conform-to/zod/v4';
import type { z } from 'zod';
import { parseDecimalText } from './numbers.js';

const coercion = configureCoercion({ type: { number: parseDecimalText } });

/** `parseWithZod` for a form submission, numbers read strictly. */
export function parseSubmission<Schema extends z.ZodType>(formData: FormData | URLSearchParams, schema: Schema) {
  return parseWithZod(formData, { schema: coercion.coerceFormValue(schema), disableAutoCoercion: true });
}
