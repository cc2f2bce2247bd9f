/**
 * Turns a typed domain error from a consultant form into data the page can
 * show (rule, message, source) with the matching HTTP status; anything else
 * is rethrown for the error boundary.
 */
import { data } from '@remix-run/node';
import { DomainError, InvalidInput, RuleViolation, httpStatusOf } from '../lib/errors.js';
import type { RuleDetail } from '../rules/verdict.js';

/** `fields`: for invalid input, the field names with their messages, shown beside the problem. */
export type FormProblem = {
  code: string;
  message: string;
  rule: string | null;
  source: string | null;
  /** The rule's finding in the reader's language (`ruleDetail.<key>` of the workbench namespace), when the rule gives one. */
  detail: RuleDetail | null;
  fields: Record<string, string[]> | null;
};

/** What the page shows of a typed domain error; anything else is rethrown. */
export function problemOf(error: unknown): FormProblem {
  if (!(error instanceof DomainError)) throw error;
  return {
    code: error.code,
    message: error.message,
    rule: error instanceof RuleViolation ? error.rule : null,
    source: error instanceof RuleViolation ? (error.source ?? null) : null,
    detail: error instanceof RuleViolation ? (error.detail ?? null) : null,
    fields: error instanceof InvalidInput ? error.fields : null,
  };
}

export function formProblem(error: unknown) {
  const problem = problemOf(error);
  return data({ ok: false as const, problem }, { status: httpStatusOf(error) });
}
