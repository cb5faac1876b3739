import crypto from 'node:crypto';

/** Letters and digits that read unambiguously when typed from a note (no i, l, o, 0, 1). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * An account's station code, the last part of its packer station's address
 * (`/station/<code>`): it names the account at the PIN login, so packer usernames need only
 * be unique within an account. Random (31^8 ≈ 8.5e11), so it tells nothing about the account.
 */
export function newStationCode(): string {
  return Array.from(crypto.randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** A code as typed: trimmed, lower case. */
export const normalizeStationCode = (code: string) => code.trim().toLowerCase();

/** Who a PIN login is for, as the attempt limiter counts it: the username within its account. */
export const stationLoginId = (stationCode: string, username: string) =>
  `user:${stationCode}/${username}`;
