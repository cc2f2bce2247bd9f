/**
 * What a new password must be: 10 to 256 characters, not one of the 49,000
 * most common passwords (zxcvbn-ts's `passwords-common` list), not the
 * person's own e-mail or name or the site's name, and not easy to guess by
 * zxcvbn-ts's estimate (score 3 of 4 or better: about 10^8 guesses). Length
 * alone let `aaaaaaaaaa`, `0123456789` and ten spaces through; the estimator
 * knows repeats, sequences and keyboard rows.
 *
 * Server-only (`.server`): the list is about 0.5 MB and is loaded once, on
 * the first check, rather than at start-up or into the browser bundle.
 */
import { InvalidInput } from '../lib/errors.js';

export const PASSWORD_LENGTH = { min: 10, max: 256 } as const;

export type PasswordProblem = 'short' | 'long' | 'common' | 'personal' | 'weak';

/** zxcvbn's score 3: "safely unguessable: moderate protection from an offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

let commonPasswords: Promise<Set<string>> | undefined;

function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((word) => word.toLowerCase())),
  );
  return commonPasswords;
}

type Estimator = { check(password: string, userInputs?: string[]): { score: number } | Promise<{ score: number }> };

let estimator: Promise<Estimator> | undefined;

function loadEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }),
  );
  return estimator;
}

const SITE_WORDS = ['jobbro'];

/** Lower case, without the digits and symbols people put around a word ("Password1!" → "password"). */
function core(value: string): string {
  return value.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

function personalWords(person: { email?: string | null; name?: string | null }): string[] {
  const words: string[] = [...SITE_WORDS];
  const email = person.email?.trim().toLowerCase();
  if (email) words.push(email, email.split('@')[0] ?? '');
  const name = person.name?.trim().toLowerCase();
  if (name) words.push(name, name.replace(/\s+/g, ''), ...name.split(/\s+/));
  return words.filter((word) => word.length >= 3);
}

/**
 * The first thing wrong with a new password, or null when it is acceptable.
 * Letter case does not matter, nor digits and symbols around the word.
 */
export async function passwordProblem(
  password: string,
  person: { email?: string | null; name?: string | null } = {},
): Promise<PasswordProblem | null> {
  if (password.length < PASSWORD_LENGTH.min) return 'short';
  if (password.length > PASSWORD_LENGTH.max) return 'long';
  const lower = password.toLowerCase();
  const stripped = core(password);
  const personal = personalWords(person);
  if (personal.includes(lower) || personal.includes(stripped)) return 'personal';
  const common = await loadCommonPasswords();
  if (common.has(lower) || (stripped.length > 0 && common.has(stripped))) return 'common';
  const { score } = await (await loadEstimator()).check(password, personal);
  if (score < MIN_PASSWORD_SCORE) return 'weak';
  return null;
}

/**
 * Throws `InvalidInput` on the `password` field with the form's own message
 * key for the problem, so each form shows it in its namespace and language.
 */
export async function assertPasswordAllowed(
  password: string,
  person: { email?: string | null; name?: string | null },
  messages: Record<PasswordProblem, string>,
): Promise<void> {
  const problem = await passwordProblem(password, person);
  if (problem) throw new InvalidInput(messages[problem], { password: [messages[problem]] });
}
