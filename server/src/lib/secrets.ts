import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';

// Loaded at the first password check, not at start-up (a native module: ~100 ms, issue 19).
const requireLazily = createRequire(import.meta.url);
const argon2 = (): typeof import('@node-rs/argon2') => requireLazily('@node-rs/argon2');

/** argon2id (algorithm 2 in @node-rs/argon2's const enum) with OWASP's minimum (19 MiB, t=2, p=1). */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2().hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await argon2().verify(stored, password);
  } catch {
    return false;
  }
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session cookies and API tokens are long random strings: a fast hash is enough at rest. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
