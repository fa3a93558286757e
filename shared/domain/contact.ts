// Contact details: e-mail addresses and telephone numbers as people type them.
import * as z from 'zod';

const emailSchema = z.email();

/** Trims and lower-cases the domain (the local part is case-sensitive in theory, never in practice here). */
export function normaliseEmail(raw: string): string {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : trimmed.slice(0, at) + trimmed.slice(at).toLowerCase();
}

/** Whether an address is a plausible mailbox (the HTML spec's rule, at most 254 characters). */
export function isValidEmail(raw: string): boolean {
  const email = normaliseEmail(raw);
  return email.length <= 254 && emailSchema.safeParse(email).success;
}

/**
 * Normalises a telephone number to digits with an optional leading "+" ("0039" becomes "+39");
 * spaces, dots, dashes, slashes and parentheses are dropped.
 */
export function normalisePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s./()-]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/**
 * Whether a number looks dialable: 6 to 15 digits (E.164 maximum), optionally international.
 * Italian numbers without prefix start with 0 (landline) or 3 (mobile).
 */
export function isValidPhone(raw: string): boolean {
  const phone = normalisePhone(raw);
  if (/^\+[1-9]\d{5,14}$/.test(phone)) return true;
  return /^[03]\d{5,10}$/.test(phone);
}
