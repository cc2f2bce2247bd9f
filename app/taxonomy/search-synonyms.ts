/**
 * Synonym groups for the search engines (IndexSettings.synonyms): every label
 * and synonym of a skill or occupation, in all four languages, forms one
 * symmetric group, so a free-text search for "dishwasher" also finds slots
 * that say "opvask".
 *
 * Groups are kept small and useful: phrases longer than four words are left
 * out (they never appear as typed queries), and a phrase that belongs to more
 * than one concept ("køkkenmedhjælp" names both a skill and two occupations)
 * is kept only in the group where it is a preferred label, or in none if it is
 * only ever a synonym of several — an ambiguous term would otherwise pull
 * unrelated concepts together.
 */
import { getTaxonomy, locales, type Taxonomy } from './taxonomy.js';

const MAX_WORDS = 4;
const MAX_GROUP = 20;

function clean(term: string): string {
  return term.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Builds the synonym groups of a taxonomy; see {@link taxonomySynonymGroups}. */
export function buildSynonymGroups(taxonomy: Taxonomy): string[][] {
  const concepts = [...taxonomy.occupations, ...taxonomy.skills].map((item) => ({
    preferred: locales.map((l) => clean(item.labels[l])),
    synonyms: locales.flatMap((l) => item.synonyms[l].map(clean)),
  }));

  // How many concepts use a term, and in how many as a preferred label.
  const uses = new Map<string, { all: number; preferred: number }>();
  for (const concept of concepts) {
    for (const term of new Set([...concept.preferred, ...concept.synonyms])) {
      const u = uses.get(term) ?? { all: 0, preferred: 0 };
      u.all++;
      if (concept.preferred.includes(term)) u.preferred++;
      uses.set(term, u);
    }
  }

  const assigned = new Set<string>();
  const groups: string[][] = [];
  for (const concept of concepts) {
    const terms = [...new Set([...concept.preferred, ...concept.synonyms])].filter((term) => {
      if (term.split(' ').length > MAX_WORDS || assigned.has(term)) return false;
      const u = uses.get(term);
      // Leave a term that is someone else's preferred label to that concept.
      if (u && u.preferred > 0 && !concept.preferred.includes(term)) return false;
      assigned.add(term);
      return true;
    });
    if (terms.length >= 2) groups.push(terms.slice(0, MAX_GROUP));
  }
  return groups;
}

let cached: string[][] | undefined;

/** Synonym groups (all languages) for the search engines' settings. */
export function taxonomySynonymGroups(): string[][] {
  cached ??= buildSynonymGroups(getTaxonomy());
  return cached;
}
