/**
 * Numbers typed into forms. `Number()` reads far more than a person writes:
 * '1e5', '0x10', 'Infinity', ' 12 ' and '' (0) all pass it, and the rules
 * (the ratio rule's FTE, IGU hours, headcounts) would trust them. Here a
 * number is plain decimal digits with at most one decimal separator ('.' or
 * the Danish ','), optionally negative so a range message can say why.
 */
import { z } from 'zod';

const DECIMAL_TEXT = /^-?\d{1,12}(?:[.,]\d{1,6})?$/;

/** The number a person wrote, or NaN for anything else ('1e5', '0x10', 'Infinity', '', '1 000'). */
export function parseDecimalText(text: string): number {
  const trimmed = text.trim();
  return DECIMAL_TEXT.test(trimmed) ? Number(trimmed.replace(',', '.')) : NaN;
}

/**
 * A bounded number from a form (text, parsed by `parseDecimalText`) or JSON
 * (a finite number). Every refusal carries `message`.
 */
export function decimalNumber(options: { min: number; max: number; integer?: boolean; message: string }) {
  const { min, max, message } = options;
  let schema = z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
  if (options.integer) schema = schema.int({ error: message });
  return z.preprocess((value) => (typeof value === 'string' ? parseDecimalText(value) : value), schema);
}
