/**
 * The CPR number (docs/domain.md): parsed and checked as a real calendar date,
 * encrypted at rest with AES-256-GCM under `CPR_ENCRYPTION_KEY`, and looked
 * up by a keyed HMAC so a duplicate is found without decrypting anything
 * (refused at one jobcentre, flagged across two).
 *
 * Where it may go: the server, and — masked as DDMMYY-•••• — a consultant of
 * the candidate's own jobcentre. Never to employers, the search index, logs,
 * or the candidate's export (that says only "CPR registered: yes", through
 * `hasRegisteredCpr`).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.server.js';
import { insertCprDuplicateFlags } from '../../db/queries/cpr-duplicates.js';
import { insertCandidateCpr, lockCprLookupHash, selectCandidatesWithCprHash, selectCprCiphertext } from '../../db/queries/inactivity.js';
import type { SessionUser } from '../auth/session.server.js';
import { Conflict, Forbidden } from '../lib/errors.js';

/** Message keys (review namespace) for the ways a typed CPR can be wrong. */
export const CPR_ERRORS = {
  format: 'review:cpr.errors.format',
  date: 'review:cpr.errors.date',
  noKey: 'review:cpr.errors.noKey',
  duplicate: 'review:cpr.errors.duplicate',
} as const;

export type CprParseResult = { ok: true; cpr: string; birthDate: string } | { ok: false; error: (typeof CPR_ERRORS)['format' | 'date'] };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The century follows from the first digit of the serial number (the CPR
 * office's table); it matters for 29 February, which exists in 2000 but not
 * in 1900.
 */
function fullYear(yy: number, firstSerialDigit: number): number {
  if (firstSerialDigit <= 3) return 1900 + yy;
  if (firstSerialDigit === 4 || firstSerialDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/**
 * Parses DDMMYY-SSSS or DDMMYYSSSS (spaces around the dash allowed) to the
 * ten digits. The date must exist. There is deliberately no modulus-11 check:
 * numbers issued since 2007 may fail it and are still valid.
 */
export function parseCpr(input: string): CprParseResult {
  const match = /^(\d{2})(\d{2})(\d{2})\s*-?\s*(\d{4})$/.exec(input.trim());
  if (!match) return { ok: false, error: CPR_ERRORS.format };
  const [, dd = '', mm = '', yy = '', serial = ''] = match;
  const day = Number(dd);
  const month = Number(mm);
  const year = fullYear(Number(yy), Number(serial[0]));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, error: CPR_ERRORS.date };
  return { ok: true, cpr: `${dd}${mm}${yy}${serial}`, birthDate: `${year}-${mm}-${dd}` };
}

/** DDMMYY-•••• : enough for a consultant to tell two people apart, never the serial number. */
export function maskCpr(cpr: string): string {
  const digits = cpr.replace(/\D/g, '');
  return `${digits.slice(0, 6)}-••••`;
}

export class CprKeyError extends Error {}

/** A value that cannot be decrypted: another key, or tampered with. */
export class CprDecryptionError extends Error {}

export type CprCipher = {
  /** `v1.<iv>.<ciphertext>.<tag>` (base64url), a fresh random IV each time. */
  encrypt(cpr: string): string;
  decrypt(stored: string): string;
  /** HMAC-SHA256 of the ten digits under a key derived from the encryption key; equal CPRs give equal hashes. */
  lookupHash(cpr: string): string;
};

const VERSION = 'v1';
// Binds each ciphertext to its purpose, so a value copied into another column does not decrypt as a CPR.
const AAD = Buffer.from('jobbro:candidate-cpr:v1');

/**
 * A cipher for the 64-hex-character key (`env.cprEncryptionKey`). The lookup
 * key comes from HKDF, so the encryption key itself is never used for two
 * purposes.
 */
export function createCprCipher(hexKey: string): CprCipher {
  if (!/^[0-9a-f]{64}$/i.test(hexKey)) throw new CprKeyError('CPR_ENCRYPTION_KEY must be 64 hex characters (a 256-bit key)');
  const key = Buffer.from(hexKey, 'hex');
  const lookupKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'jobbro:cpr-lookup:v1', 32));
  const digitsOf = (cpr: string) => {
    const parsed = parseCpr(cpr);
    if (!parsed.ok) throw new CprKeyError('Only a parsed CPR number can be encrypted or hashed');
    return parsed.cpr;
  };
  return {
    encrypt(cpr) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(digitsOf(cpr), 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(stored) {
      const [version, iv, body, tag] = stored.split('.');
      if (version !== VERSION || !iv || !body || !tag) throw new CprDecryptionError('Not a stored CPR value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(AAD);
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new CprDecryptionError('The CPR value does not decrypt with this key');
      }
    },
    lookupHash(cpr) {
      return createHmac('sha256', lookupKey).update(digitsOf(cpr)).digest('hex');
    },
  };
}

/** The cipher for the configured key, or null when none is configured (CPR numbers cannot be stored then). */
export function cprCipherOf(env: { cprEncryptionKey: string | undefined }): CprCipher | null {
  return env.cprEncryptionKey ? createCprCipher(env.cprEncryptionKey) : null;
}

/**
 * Stores a parsed CPR for a candidate of `jobcentreId`, inside the caller's
 * transaction. The same number at the same jobcentre is refused: the
 * consultant may know their own candidates. The same number at another
 * jobcentre is NOT announced (issue 21.15: the answer would tell this
 * consultant that another jobcentre has the person): the number is stored
 * and the pair flagged (cpr_duplicate_flags) for the two jobcentres to settle.
 * @throws Conflict(CPR_ERRORS.duplicate) when the jobcentre already has the number.
 */
export async function storeCandidateCpr(
  trx: Executor,
  cipher: CprCipher,
  input: { candidateId: string; jobcentreId: string; cpr: string; createdBy: string | null },
): Promise<void> {
  const lookupHash = cipher.lookupHash(input.cpr);
  await lockCprLookupHash(trx, lookupHash);
  const holders = await selectCandidatesWithCprHash(trx, lookupHash);
  if (holders.some((holder) => holder.jobcentre_id === input.jobcentreId)) throw new Conflict(CPR_ERRORS.duplicate);
  await insertCandidateCpr(trx, {
    candidate_id: input.candidateId,
    cpr_ciphertext: cipher.encrypt(input.cpr),
    cpr_lookup_hash: lookupHash,
    created_by: input.createdBy,
  });
  await insertCprDuplicateFlags(
    trx,
    input.candidateId,
    holders.map((holder) => holder.candidate_id),
  );
}

/**
 * Whether the candidate has a CPR number on file — all the candidate's data
 * export may say about it ("CPR registered: yes").
 */
export async function hasRegisteredCpr(db: Executor, candidateId: string): Promise<boolean> {
  return (await selectCprCiphertext(db, candidateId)) !== null;
}

/**
 * The masked CPR (DDMMYY-••••) for a consultant of the candidate's own
 * jobcentre; null when none is stored or no key is configured.
 * @throws Forbidden for anyone else.
 */
export async function maskedCprForConsultant(
  deps: { db: Executor; cipher: CprCipher | null },
  viewer: Pick<SessionUser, 'role' | 'jobcentreId'>,
  candidate: { id: string; jobcentreId: string },
): Promise<string | null> {
  if (viewer.role !== 'consultant' || viewer.jobcentreId !== candidate.jobcentreId)
    throw new Forbidden('Only the candidate’s own jobcentre sees the CPR');
  if (!deps.cipher) return null;
  const stored = await selectCprCiphertext(deps.db, candidate.id);
  if (stored === null) return null;
  try {
    return maskCpr(deps.cipher.decrypt(stored));
  } catch (error) {
    // Stored under an earlier key: say so instead of failing the page.
    if (error instanceof CprDecryptionError) return '••••••-••••';
    throw error;
  }
}
