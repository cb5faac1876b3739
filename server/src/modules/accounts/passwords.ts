import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm; a test checks the `$argon2id$` prefix). */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** How many secrets were checked in this process: the concurrency tests count argon2 work with it. */
export const secretChecks = { count: 0 };

export async function verifySecret(stored: string, secret: string): Promise<boolean> {
  secretChecks.count += 1;
  try {
    return await verify(stored, secret);
  } catch {
    return false;
  }
}

/**
 * A hash of a random secret, verified against when the user does not exist, so a login
 * for an unknown e-mail takes as long as one with a wrong password.
 */
let dummyHash: Promise<string> | undefined;
export function dummySecretHash(): Promise<string> {
  dummyHash ??= hashSecret(`dummy-${Math.random()}`);
  return dummyHash;
}
