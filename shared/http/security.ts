// Response headers for every page and JSON answer. Pages carry no script; the one stylesheet is
// inline and allowed by its hash, forms may post only to this site.
import { createHash } from 'node:crypto';

/** Hash-source for an inline <style> block, for the CSP. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/**
 * Headers that PRODUCT.md requires of link pages, applied to every response: nothing cached,
 * nothing indexed, no referrer leaking a link secret to another site.
 */
export function securityHeaders(
  allowedStyleHashes: readonly string[] = [],
  /** Script sources for the few pages that draw charts ("'self'"); absent = no script at all. */
  scriptSources: readonly string[] = [],
): Record<string, string> {
  const styleSrc = allowedStyleHashes.length > 0 ? allowedStyleHashes.join(' ') : "'none'";
  return {
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex, nofollow',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Content-Security-Policy': [
      "default-src 'none'",
      `style-src ${styleSrc}`,
      ...(scriptSources.length > 0 ? [`script-src ${scriptSources.join(' ')}`] : []),
      "img-src 'self' data:",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
  };
}
