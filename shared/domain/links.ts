// Secret links (status pages now, human tasks later): an opaque random identifier travels in the
// URL; only its SHA-256 is stored, so a leaked table dump opens nothing.
import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe (43 characters). */
export function newLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a link secret. */
export function hashLinkSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Cheap shape check before touching the table: anything else is an unknown link. */
export function looksLikeLinkSecret(candidate: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(candidate);
}
