/**
 * The outcome of checking one domain rule. Every verdict names the rule id and
 * its legal source so a consultant can see why something was allowed or not.
 */
export type Verdict = {
  rule: string;
  ok: boolean;
  /** English, for logs and the API. */
  message: string;
  source: string;
  /** The same finding for the reader's language: a key of `ruleDetail` in the workbench namespace and its values. */
  detail?: RuleDetail;
};

/** A translatable finding: `ruleDetail.<key>` with `params` interpolated (dates as YYYY-MM-DD, counts as numbers). */
export type RuleDetail = { key: string; params?: Record<string, string | number> };

/** The verdicts that refuse. */
export function failures(verdicts: readonly Verdict[]): Verdict[] {
  return verdicts.filter((v) => !v.ok);
}
