/**
 * Danish company identifiers. CVR numbers carry a modulus-11 check (weights
 * 2,7,6,5,4,3,2,1 over all eight digits); P-numbers (production units) are
 * ten digits with no check we may rely on, so only their form is checked.
 */
import { InvalidInput } from '../lib/errors.js';

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** Removes the spaces, dashes and "DK" prefix people type around numbers ("DK 13 74 81 36"). */
function normalise(value: string): string {
  return value.trim().replace(/^DK/i, '').replace(/[\s-]/g, '');
}

function cvrProblem(value: string): string | null {
  const digits = normalise(value);
  if (!/^\d{8}$/.test(digits)) return 'A CVR number has 8 digits';
  // CVR numbers are issued from 10000000; a leading zero is a typing slip.
  if (digits.startsWith('0')) return 'A CVR number does not begin with 0';
  if (cvrWeightedSum(digits) % 11 !== 0) return 'This is not a valid CVR number (the check digit does not match)';
  return null;
}

/** Sum of the digits times the CVR weights; a valid number's sum is divisible by 11. */
export function cvrWeightedSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < CVR_WEIGHTS.length; i++) sum += Number(digits[i] ?? 0) * CVR_WEIGHTS[i];
  return sum;
}

/** True for a well-formed CVR number whose check digit matches, e.g. '13748136'. */
export function isValidCvr(value: string): boolean {
  return cvrProblem(value) === null;
}

/** The CVR number as 8 digits; throws `InvalidInput` (field `cvr`) saying what is wrong. */
export function parseCvr(value: string): string {
  const problem = cvrProblem(value);
  if (problem) throw new InvalidInput(problem, { cvr: [problem] });
  return normalise(value);
}

/** True for a P-number's form: 10 digits. No checksum is applied on purpose. */
export function isValidPNumber(value: string): boolean {
  return /^\d{10}$/.test(normalise(value));
}

/** The P-number as 10 digits; throws `InvalidInput` (field `pNumber`). */
export function parsePNumber(value: string): string {
  if (!isValidPNumber(value)) {
    const message = 'A P-number has 10 digits';
    throw new InvalidInput(message, { pNumber: [message] });
  }
  return normalise(value);
}

/** True for a Danish postal code's form: 4 digits. Whether it exists is app/geo/places.ts's concern. */
export function isPostalCodeFormat(value: string): boolean {
  return /^\d{4}$/.test(value.trim());
}
