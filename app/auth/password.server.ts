/**
 * Password hashing for log-in. argon2id is memory-hard, so a stolen hash
 * costs an attacker real memory per guess; the parameters are the OWASP
 * minimum (19 MiB, 2 passes), which keeps a log-in under ~50 ms here.
 */
import { hash, verify } from '@node-rs/argon2';

// Algorithm is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2;

const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password into a PHC string (`$argon2id$v=19$...`) carrying its own salt and parameters. */
export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, options);
}

/** True when `plain` matches `storedHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(storedHash, plain);
  } catch {
    return false;
  }
}
