/**
 * Skills suggested for the occupations someone has held or offers: each
 * occupation's essential skills, then its optional ones (curated after ESCO,
 * see docs/taxonomy.md), without the skills already chosen. The same choice
 * runs over the taxonomy (server) and over a catalogue small enough for the
 * browser, so a page can follow ticked occupations without asking again.
 */
import type { Locale, Taxonomy } from './taxonomy.js';

export interface SkillSuggestion {
  uri: string;
  /** The skill's label in the reader's language. */
  label: string;
  /** Essential for at least one of the occupations, or only optional. */
  relation: 'essential' | 'optional';
}

type SuggestionInput = { occupations: readonly string[]; have: Iterable<string>; limit?: number };

/**
 * Suggestions for `occupations` (in the order given): all essential skills
 * before any optional one, each skill once, none of `have`, at most `limit`.
 * Unknown occupation URIs suggest nothing.
 */
export function suggestSkills(
  taxonomy: Pick<Taxonomy, 'occupationByUri' | 'skillByUri'>,
  input: SuggestionInput & { lang: Locale },
): SkillSuggestion[] {
  const found = input.occupations.flatMap((uri) => {
    const occupation = taxonomy.occupationByUri.get(uri);
    return occupation ? [{ essential: occupation.essentialSkills, optional: occupation.optionalSkills }] : [];
  });
  return pickSuggestions(
    found,
    (uri) => {
      const skill = taxonomy.skillByUri.get(uri);
      return skill ? { uri, label: skill.labels[input.lang] } : undefined;
    },
    input,
  );
}

/**
 * Every occupation's skills in one language, for the browser: the skills
 * some occupation names ([URI, label]) and each occupation's [essential,
 * optional] skills as positions in that list. Tuples and positions, because
 * the experience page sends all of it (≈ 800 skills, ≈ 290 occupations).
 */
export interface SuggestionCatalogue {
  skills: Array<[uri: string, label: string]>;
  occupations: Record<string, [essential: number[], optional: number[]]>;
}

export function suggestionCatalogue(taxonomy: Pick<Taxonomy, 'occupations' | 'skillByUri'>, lang: Locale): SuggestionCatalogue {
  const skills: SuggestionCatalogue['skills'] = [];
  const position = new Map<string, number>();
  const positions = (uris: readonly string[]) =>
    uris.flatMap((uri) => {
      const skill = taxonomy.skillByUri.get(uri);
      if (!skill) return [];
      let at = position.get(uri);
      if (at === undefined) {
        at = skills.push([uri, skill.labels[lang]]) - 1;
        position.set(uri, at);
      }
      return [at];
    });
  const occupations: SuggestionCatalogue['occupations'] = {};
  for (const occupation of taxonomy.occupations) {
    occupations[occupation.uri] = [positions(occupation.essentialSkills), positions(occupation.optionalSkills)];
  }
  return { skills, occupations };
}

/** {@link suggestSkills} over a {@link SuggestionCatalogue} (its language is the catalogue's). */
export function suggestFromCatalogue(catalogue: SuggestionCatalogue, input: SuggestionInput): SkillSuggestion[] {
  const found = input.occupations.flatMap((uri) => {
    const skills = catalogue.occupations[uri];
    return skills ? [{ essential: skills[0], optional: skills[1] }] : [];
  });
  return pickSuggestions(
    found,
    (at) => {
      const skill = catalogue.skills[at];
      return skill ? { uri: skill[0], label: skill[1] } : undefined;
    },
    input,
  );
}

function pickSuggestions<SkillRef>(
  occupations: ReadonlyArray<{ essential: readonly SkillRef[]; optional: readonly SkillRef[] }>,
  skillOf: (ref: SkillRef) => { uri: string; label: string } | undefined,
  input: { have: Iterable<string>; limit?: number },
): SkillSuggestion[] {
  const skip = new Set(input.have);
  const suggestions: SkillSuggestion[] = [];
  for (const relation of ['essential', 'optional'] as const) {
    for (const occupation of occupations) {
      for (const ref of occupation[relation]) {
        const skill = skillOf(ref);
        if (!skill || skip.has(skill.uri)) continue;
        skip.add(skill.uri);
        suggestions.push({ uri: skill.uri, label: skill.label, relation });
      }
    }
  }
  return suggestions.slice(0, input.limit ?? suggestions.length);
}
