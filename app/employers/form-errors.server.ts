/**
 * Maps a domain error from saving a form to the field errors Conform shows:
 * `InvalidInput` keeps its fields; the ratio rule lands on `positions` with
 * its figures ("ratioRule:<capacity>:<used>"); a conflict becomes a form error.
 * Anything else is not the user's to fix, so it is rethrown.
 */
import { Conflict, InvalidInput } from '../lib/errors.js';
import { RatioRuleViolation } from './slots.server.js';

export function fieldErrorsOf(error: unknown): Record<string, string[]> | null {
  if (error instanceof InvalidInput) return error.fields;
  if (error instanceof RatioRuleViolation) return { positions: [`ratioRule:${error.capacity}:${error.used}`] };
  if (error instanceof Conflict) return { '': ['conflict'] };
  return null;
}
