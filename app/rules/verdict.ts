/**
 * The outcome of checking one domain rule. Every verdict names the rule id and
 * its legal source so a consultant can see why something was allowed or not.
 */
export type Verdict = {
  rule: string;
  ok: boolean;
  message: string;
  source: string;
};

/** The verdicts that refuse. */
export function failures(verdicts: readonly Verdict[]): Verdict[] {
  return verdicts.filter((v) => !v.ok);
}
