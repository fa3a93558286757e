import { describe, expect, it } from 'vitest';
import { hashLinkSecret, looksLikeLinkSecret, newLinkSecret } from '#shared/domain/links.ts';

describe('secret links', () => {
  it('are 256-bit URL-safe strings, different every time, stored only as a SHA-256', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => newLinkSecret()));
    expect(secrets.size).toBe(1000);
    for (const secret of secrets) expect(looksLikeLinkSecret(secret)).toBe(true);
    const [first] = secrets;
    expect(hashLinkSecret(first!)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkSecret(first!)).not.toContain(first!);
  });

  it('rejects anything of another shape before touching the table', () => {
    expect(looksLikeLinkSecret('')).toBe(false);
    expect(looksLikeLinkSecret('a'.repeat(42))).toBe(false);
    expect(looksLikeLinkSecret(`${'a'.repeat(42)}=`)).toBe(false);
    expect(looksLikeLinkSecret(`${'a'.repeat(42)}/`)).toBe(false);
  });
});
