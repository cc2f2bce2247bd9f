/**
 * The experience step's suggested skills as the ticks change: the loader's
 * list while the ticks are the saved occupations, otherwise the list the
 * suggestions route answers for the ticks, asked shortly after the last
 * change. Without JavaScript none of this runs and the list follows a save.
 */
import { useEffect, useState } from 'react';
import type { SkillSuggestion } from '~/taxonomy/skill-suggestions';

/** Ticking several trades in a row asks once. */
const ASK_DELAY_MS = 150;
export const SUGGESTIONS_PATH = '/candidate/profile/experience/suggestions';

const isSuggestion = (item: unknown): item is SkillSuggestion =>
  typeof item === 'object' &&
  item !== null &&
  'uri' in item &&
  typeof item.uri === 'string' &&
  'label' in item &&
  typeof item.label === 'string' &&
  'relation' in item &&
  (item.relation === 'essential' || item.relation === 'optional');

/** The route's `{ suggestions }`, checked by hand: Zod would join the page's bundle for this alone. */
function suggestionsOf(body: unknown): SkillSuggestion[] | undefined {
  if (typeof body !== 'object' || body === null || !('suggestions' in body)) return undefined;
  const { suggestions } = body;
  return Array.isArray(suggestions) && suggestions.every(isSuggestion) ? suggestions : undefined;
}

/**
 * `ticked` and `saved` are URIs in the page's order. `have` (the candidate's
 * skills) is part of what a list was made for: after a skill is added, a list
 * fetched for the ticks is asked again.
 */
export function useTickedSuggestions({
  ticked,
  saved,
  savedSuggestions,
  have,
}: {
  ticked: readonly string[];
  saved: readonly string[];
  savedSuggestions: SkillSuggestion[];
  have: readonly string[];
}): SkillSuggestion[] {
  const tickedKey = ticked.join(' ');
  const madeFor = `${tickedKey}|${have.join(' ')}`;
  const asSaved = tickedKey === saved.join(' ');
  // The last list shown (kept while the next is on its way, or when asking fails).
  const [answer, setAnswer] = useState<{ madeFor: string; suggestions: SkillSuggestion[] }>({ madeFor: '', suggestions: savedSuggestions });

  useEffect(() => {
    if (answer.madeFor === madeFor) return;
    // Kept as the last list shown, so that the next ticks show it until their own list comes.
    if (asSaved || tickedKey === '') {
      setAnswer({ madeFor, suggestions: asSaved ? savedSuggestions : [] });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams(tickedKey.split(' ').map((uri) => ['occupation', uri]));
      fetch(`${SUGGESTIONS_PATH}?${params}`, { signal: controller.signal, headers: { accept: 'application/json' } })
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.json();
        })
        .then((body: unknown) => {
          const suggestions = suggestionsOf(body);
          if (!suggestions) throw new Error('not a list of suggestions');
          setAnswer({ madeFor, suggestions });
        })
        .catch((error: unknown) => {
          // A newer tick (or leaving the page) cancelled this one: expected.
          if (controller.signal.aborted) return;
          // Offline or a server error: the last list stays, the step goes on working.
          console.warn('skill suggestions failed', error);
        });
    }, ASK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [asSaved, tickedKey, madeFor, answer.madeFor, savedSuggestions]);

  if (tickedKey === '') return [];
  if (asSaved) return savedSuggestions;
  const skip = new Set(have);
  return answer.suggestions.filter((s) => !skip.has(s.uri));
}
