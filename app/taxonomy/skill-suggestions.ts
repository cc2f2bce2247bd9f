/**
 * Skills suggested for the occupations someone has held or offers: each
 * occupation's essential skills, then its optional ones (curated after ESCO,
 * see docs/taxonomy.md), without the skills already chosen.
 */
import type { Locale, Taxonomy } from './taxonomy.js';

export interface SkillSuggestion {
  uri: string;
  /** The skill's label in the reader's language. */
  label: string;
  /** Essential for at least one of the occupations, or only optional. */
  relation: 'essential' | 'optional';
}

/**
 * Suggestions for `occupations` (in the order given): all essential skills
 * before any optional one, each skill once, none of `have`, at most `limit`.
 * Unknown occupation URIs suggest nothing.
 */
export function suggestSkills(
  taxonomy: Pick<Taxonomy, 'occupationByUri' | 'skillByUri'>,
  input: { occupations: readonly string[]; have: Iterable<string>; lang: Locale; limit?: number },
): SkillSuggestion[] {
  const skip = new Set(input.have);
  const found = input.occupations.flatMap((uri) => taxonomy.occupationByUri.get(uri) ?? []);
  const suggestions: SkillSuggestion[] = [];
  for (const relation of ['essential', 'optional'] as const) {
    for (const occupation of found) {
      for (const uri of relation === 'essential' ? occupation.essentialSkills : occupation.optionalSkills) {
        const skill = taxonomy.skillByUri.get(uri);
        if (!skill || skip.has(uri)) continue;
        skip.add(uri);
        suggestions.push({ uri, label: skill.labels[input.lang], relation });
      }
    }
  }
  return suggestions.slice(0, input.limit ?? suggestions.length);
}
