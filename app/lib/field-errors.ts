/**
 * Zod's issues as errors by field, the one shape `InvalidInput` carries to
 * forms and to the API: a field's path joined with dots (`languageCode.2`),
 * `_` for the input as a whole.
 */
import type { z } from 'zod';

/** Zod's issues by field path (`_` for the whole input), each message passed through `message` (e.g. into English). */
export function fieldsOf(issues: readonly z.core.$ZodIssue[], message: (text: string) => string = (text) => text): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    (fields[key] ??= []).push(message(issue.message));
  }
  return fields;
}
