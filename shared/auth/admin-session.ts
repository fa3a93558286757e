// The programme office's session: people sign in with Cognito's managed login (authorisation code
// with PKCE), the callback keeps the access token in an HttpOnly cookie, and the /admin routes'
// authorizer accepts that cookie (browsers) or an `Authorization: Bearer` header (scripts). Only
// members of the `admin` group get through.
import { createHash, randomBytes } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { logger } from '#shared/observability/powertools.ts';

/** The Cognito group whose members run the programme office. */
export const adminGroup = 'admin';

/** The access token, for the /admin routes. */
export const sessionCookie = 'pmi_admin_session';
/** The sign-in in progress: state, PKCE verifier and where to go after, for the callback only. */
export const signInCookie = 'pmi_admin_signin';

/** A cookie's value from a Cookie header (first match), or undefined. */
export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** A Set-Cookie value: HttpOnly, Secure, SameSite=Lax (GET navigations from Cognito carry it back). */
export function cookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;
}

/** The token of a request: the session cookie, else a Bearer token. */
export function requestToken(headers: Record<string, string | undefined> | null | undefined) {
  let cookieHeader: string | undefined;
  let authorization: string | undefined;
  for (const [key, value] of Object.entries(headers ?? {})) {
    const name = key.toLowerCase();
    if (name === 'cookie') cookieHeader = value;
    else if (name === 'authorization') authorization = value;
  }
  const fromCookie = readCookie(cookieHeader, sessionCookie);
  if (fromCookie) return fromCookie;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return bearer?.[1];
}

/** A fresh sign-in: `state` against forged callbacks, the PKCE verifier and its S256 challenge. */
export function newSignIn(): { state: string; verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return {
    state: randomBytes(16).toString('base64url'),
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
  };
}

/** Where to land after signing in: only a path of this site's admin area, never another host. */
export function safeNext(next: string | undefined | null): string {
  const fallback = '/admin/programmes';
  if (!next || !/^\/admin(\/[A-Za-z0-9._~\-/%]*)?(\?[A-Za-z0-9._~\-=&%]*)?$/.test(next)) return fallback;
  if (next.includes('//') || next.includes('\\') || /%2f|%5c|%2e/i.test(next)) return fallback;
  if (next.split(/[/?]/).some((segment) => segment === '.' || segment === '..')) return fallback;
  return next;
}

export interface AdminIdentity {
  readonly username: string;
  readonly groups: readonly string[];
}

export type TokenVerifier = (token: string) => Promise<{ username: string; groups: string[] }>;

/** Verifies Cognito access tokens of one user pool and app client (signature, expiry, issuer, client). */
export function cognitoTokenVerifier(userPoolId: string, clientId: string) {
  const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId });
  const verify: TokenVerifier = async (token) => {
    const payload = await verifier.verify(token);
    return {
      username: String(payload.username ?? payload.sub),
      groups: (payload['cognito:groups'] ?? []).map(String),
    };
  };
  return { verify, cacheJwks: verifier.cacheJwks.bind(verifier) };
}

/**
 * Who is asking: `unauthenticated` (no token, or one that fails verification: expired, forged,
 * another pool or client), `forbidden` (signed in, not in the admin group) or the admin.
 */
export async function identify(
  token: string | undefined,
  verify: TokenVerifier | undefined,
): Promise<'unauthenticated' | 'forbidden' | AdminIdentity> {
  if (!token || !verify) return 'unauthenticated';
  try {
    const identity = await verify(token);
    return identity.groups.includes(adminGroup) ? identity : 'forbidden';
  } catch (error) {
    // Expired or forged tokens are routine; a key-fetch failure is not. Never the token itself.
    const name = error instanceof Error ? error.name : 'unknown';
    if (!/Jwt|Jws|Expired|Invalid|Parse|Assert/i.test(name))
      logger.warn('Token not verified', { error: name });
    return 'unauthenticated';
  }
}

/**
 * Whether the /admin authorizer let this request through as a member of the admin group (its
 * context carries the groups). Handlers check it again: a route wired without the authorizer, or
 * the local API without a sign-in, is refused all the same.
 */
/** The signed-in user's ID (Cognito's username, a UUID), as the authorizer passed it on. */
export function adminUserId(event: APIGatewayProxyEvent): string | undefined {
  const principalId = (event.requestContext.authorizer as Record<string, unknown> | null | undefined)
    ?.principalId;
  return principalId === undefined || principalId === null ? undefined : String(principalId);
}

export function isAdminRequest(event: APIGatewayProxyEvent): boolean {
  const groups = (event.requestContext.authorizer as Record<string, unknown> | null | undefined)?.groups;
  return typeof groups === 'string' && groups.split(',').includes(adminGroup);
}
