/**
 * Skill suggestions over the shipped taxonomy, for loaders. A `.server`
 * module, so that a route using it keeps the taxonomy out of the browser
 * bundle.
 */
import { suggestSkills, type SkillSuggestion } from './skill-suggestions.js';
import { getTaxonomy, type Locale } from './taxonomy.js';

export type { SkillSuggestion } from './skill-suggestions.js';

/** See {@link suggestSkills}; over the taxonomy the app ships. */
export function suggestSkillsFor(input: { occupations: readonly string[]; have: Iterable<string>; lang: Locale; limit?: number }): SkillSuggestion[] {
  return suggestSkills(getTaxonomy(), input);
}
