/**
 * Where a rule's text is looked up: the workbench namespace (`rule.<id>`,
 * `ruleShort.<id>`), then the namespace of a rule added beside it (the
 * løntilskud net-job-creation rule keeps its texts in `netjobs`), so a new
 * rule brings its own texts without editing the workbench file.
 */
export function ruleTextKeys(kind: 'rule' | 'ruleShort', rule: string): string[] {
  return [`${kind}.${rule}`, `netjobs:${kind}.${rule}`];
}
