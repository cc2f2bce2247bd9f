/**
 * A rule's finding in the reader's language. Rules give an English message
 * for logs and the API and, beside it, a `ruleDetail` key with its values;
 * a rule that gives none (a new rule not yet translated) falls back to its
 * English message rather than showing nothing.
 */
import type { TFunction } from 'i18next';
import type { RuleDetail } from '~/rules/verdict';

/** `t` of the workbench namespace. */
export function ruleDetailText(t: TFunction<'workbench'>, detail: RuleDetail | null | undefined, fallback: string): string {
  if (!detail) return fallback;
  return t(`ruleDetail.${detail.key}`, { ...detail.params, defaultValue: fallback });
}
