/**
 * The confirmation rule (issue 21.10): a self-registered candidate is
 * 'pending' until the jobcentre of their municipality confirms them. Until
 * then they may look at offers, but not act: no interest, no place in any
 * queue, list or match. Pure, so every layer asks the same question.
 */
import { RuleViolation } from '../lib/errors.js';

export const UNCONFIRMED_RULE = 'account.unconfirmed';

export type ConfirmationState = { status: 'pending' | 'active' | 'inactive' | 'archived'; confirmed_at: Date | string | null };

/** Confirmed by a jobcentre and not paused or archived. */
export function isConfirmed(candidate: ConfirmationState): boolean {
  return candidate.status === 'active' && candidate.confirmed_at !== null;
}

/** @throws RuleViolation(account.unconfirmed) for a candidate no jobcentre has confirmed. */
export function assertConfirmed(candidate: ConfirmationState): void {
  if (candidate.status === 'pending' || candidate.confirmed_at === null) {
    throw new RuleViolation(
      UNCONFIRMED_RULE,
      'The jobcentre has not confirmed this candidate yet',
      'Jobbro: self-registration waits for the jobcentre',
    );
  }
}
