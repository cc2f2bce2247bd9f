/**
 * The one way profile-step actions answer: `saveStep` runs the step's domain
 * function on a parsed submission; on bad input it answers 400 with the
 * field errors (message keys) and what the person typed, so nothing is lost;
 * on success it goes on to the next step (or stays, with a "saved" notice).
 */
import type { Submission } from '@conform-to/react';
import { data, redirect } from '@remix-run/node';
import { InvalidInput } from '../lib/errors.js';

/**
 * A profile step's answer to a parsed submission (`parseSubmission`): bad
 * input → 400 with Conform's reply (field errors as message keys, what the
 * person typed kept); otherwise save, and on to the next step (or stay, with
 * a "saved" notice). A rule the domain function checks beyond the schema
 * lands on its field the same way.
 */
export async function saveStep<Value>(
  submission: Submission<unknown, string[], Value>,
  save: (value: Value) => Promise<void>,
  paths: { stay: string; next: string },
) {
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  try {
    await save(submission.value);
  } catch (error) {
    if (error instanceof InvalidInput) return data(submission.reply({ fieldErrors: error.fields }), { status: 400 });
    throw error;
  }
  return redirect(submission.payload.then === 'stay' ? `${paths.stay}?saved=1` : paths.next);
}
