// The programme office's session: tokens are verified for real (RS256 signatures against the pool's
// keys, expiry, issuer, client, token use); only the admin group gets through the authorizer.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorize } from '#functions/http/admin-authorizer.ts';
import {
  cognitoTokenVerifier,
  identify,
  newSignIn,
  readCookie,
  requestToken,
  safeNext,
  sessionCookie,
} from '#shared/auth/admin-session.ts';

const userPoolId = 'eu-south-1_TestPool1';
const clientId = 'office-client-id';
const issuer = `https://cognito-idp.eu-south-1.amazonaws.com/${userPoolId}`;

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

function jwt(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${encode({ alg: 'RS256', kid, typ: 'JWT' })}.${encode(claims)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), privateKey).toString('base64url')}`;
}

const poolKey = keyPair('pool-key');
const strangerKey = keyPair('pool-key'); // same kid, other key: a forged token
const now = () => Math.floor(Date.now() / 1000);
const accessClaims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'b1f0c7e2-0000-4000-8000-000000000001',
  username: 'b1f0c7e2-0000-4000-8000-000000000001',
  iss: issuer,
  client_id: clientId,
  token_use: 'access',
  scope: 'openid',
  'cognito:groups': ['admin'],
  iat: now() - 10,
  exp: now() + 3600,
  ...overrides,
});

function verifier() {
  const { verify, cacheJwks } = cognitoTokenVerifier(userPoolId, clientId);
  cacheJwks({ keys: [poolKey.jwk as never] });
  return verify;
}

const methodArn = 'arn:aws:execute-api:eu-south-1:123456789012:abc/prod/GET/admin/programmes';

describe('the admin authorizer', () => {
  it('lets a member of the admin group through with the session cookie or a Bearer token', async () => {
    // Prepare
    const token = jwt(poolKey.privateKey, poolKey.kid, accessClaims());

    // Act
    const byCookie = await authorize(
      { methodArn, headers: { Cookie: `other=1; ${sessionCookie}=${token}` } },
      verifier(),
    );
    const byBearer = await authorize(
      { methodArn, headers: { authorization: `Bearer ${token}` } },
      verifier(),
    );

    // Assess
    for (const result of [byCookie, byBearer]) {
      expect(result.policyDocument.Statement).toEqual([
        { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: methodArn },
      ]);
      expect(result.context).toEqual({ groups: 'admin' });
    }
  });

  it('denies (403) a signed-in user outside the admin group', async () => {
    const token = jwt(poolKey.privateKey, poolKey.kid, accessClaims({ 'cognito:groups': ['reviewers'] }));

    const result = await authorize({ methodArn, headers: { Authorization: `Bearer ${token}` } }, verifier());

    expect(result.policyDocument.Statement[0]).toMatchObject({ Effect: 'Deny' });
    expect(result.context).toBeUndefined();
  });

  it.each([
    ['no token at all', undefined],
    ['an expired token', jwt(poolKey.privateKey, poolKey.kid, accessClaims({ exp: now() - 60 }))],
    ['a forged signature', jwt(strangerKey.privateKey, strangerKey.kid, accessClaims())],
    ['another app client', jwt(poolKey.privateKey, poolKey.kid, accessClaims({ client_id: 'other' }))],
    ['another user pool', jwt(poolKey.privateKey, poolKey.kid, accessClaims({ iss: `${issuer}x` }))],
    ['an ID token', jwt(poolKey.privateKey, poolKey.kid, accessClaims({ token_use: 'id' }))],
    ['garbage', 'not.a.jwt'],
  ])('refuses (401) %s', async (_what, token) => {
    const headers = token ? { Cookie: `${sessionCookie}=${token}` } : {};

    await expect(authorize({ methodArn, headers }, verifier())).rejects.toThrow('Unauthorized');
  });

  it('refuses everyone where no user pool is configured (the local runtime)', async () => {
    const token = jwt(poolKey.privateKey, poolKey.kid, accessClaims());

    expect(await identify(token, undefined)).toBe('unauthenticated');
    await expect(
      authorize({ methodArn, headers: { Cookie: `${sessionCookie}=${token}` } }, undefined),
    ).rejects.toThrow('Unauthorized');
  });
});

describe('the sign-in helpers', () => {
  it('reads cookies and prefers the session cookie to a Bearer header', () => {
    expect(readCookie('a=1; pmi_admin_session=tok; b=2', sessionCookie)).toBe('tok');
    expect(readCookie('pmi_admin_session=', sessionCookie)).toBeUndefined();
    expect(readCookie(undefined, sessionCookie)).toBeUndefined();
    expect(requestToken({ cookie: `${sessionCookie}=c`, Authorization: 'Bearer b' })).toBe('c');
    expect(requestToken({ Authorization: 'Bearer b' })).toBe('b');
    expect(requestToken({ Authorization: 'Basic b' })).toBeUndefined();
  });

  it('lands only on a path of the admin area after signing in', () => {
    expect(safeNext('/admin/programmes/mechnet?lang=en')).toBe('/admin/programmes/mechnet?lang=en');
    for (const hostile of [
      'https://evil.example/admin',
      '//evil.example/admin',
      '/admin//evil.example',
      '/admin/%2F%2Fevil.example',
      '/\\evil.example',
      '/admin/%2e%2e/%2e%2e/x',
      '/admin/../../x',
      '/status/abc',
      undefined,
    ])
      expect(safeNext(hostile)).toBe('/admin/programmes');
  });

  it('makes a new PKCE pair and state each time (S256 challenge of the verifier)', async () => {
    const { createHash } = await import('node:crypto');
    const first = newSignIn();
    const second = newSignIn();
    expect(first.state).not.toBe(second.state);
    expect(first.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.challenge).toBe(createHash('sha256').update(first.verifier).digest('base64url'));
  });
});
