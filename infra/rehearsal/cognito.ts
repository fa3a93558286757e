// A stand-in for the public endpoints of the programme office's Cognito user pool, as the template
// defines it (pool ID, app client, sign-in domain): the pool's JWKS, which the /admin authorizer
// fetches, and access tokens signed with its key, carrying the claims Cognito puts in them.
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { CloudAssembly } from './cloud-assembly.ts';
import { listenOnLoopback } from './loopback.ts';

export class CognitoStandIn {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly issuer: string;
  readonly requests: string[] = [];
  private readonly keyId = randomUUID();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });

  constructor(assembly: CloudAssembly) {
    const pool = assembly.resourcesOfType('AWS::Cognito::UserPool')[0];
    const client = assembly.resourcesOfType('AWS::Cognito::UserPoolClient')[0];
    if (!pool || !client) throw new Error('The assembly has no Cognito user pool and app client');
    this.userPoolId = assembly.ref(pool.stack, pool.logicalId);
    this.clientId = assembly.ref(client.stack, client.logicalId);
    this.issuer = `https://cognito-idp.${assembly.region}.amazonaws.com/${this.userPoolId}`;
  }

  /** An access token of this pool and client, as Cognito issues it after sign-in. */
  accessToken(user: { username: string; groups: readonly string[] }, lifetimeSeconds = 3600): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { kid: this.keyId, alg: 'RS256' };
    const claims = {
      sub: randomUUID(),
      'cognito:groups': user.groups,
      iss: this.issuer,
      version: 2,
      client_id: this.clientId,
      origin_jti: randomUUID(),
      token_use: 'access',
      scope: 'openid',
      auth_time: now,
      exp: now + lifetimeSeconds,
      iat: now,
      jti: randomUUID(),
      username: user.username,
    };
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${encode(header)}.${encode(claims)}`;
    const signature = createSign('RSA-SHA256')
      .update(signingInput)
      .sign(this.keys.privateKey)
      .toString('base64url');
    return `${signingInput}.${signature}`;
  }

  /** Serves `/<host>/<path>`: the worker threads send Cognito's hosts here. */
  async start(): Promise<{ url: string; close(): Promise<void> }> {
    const jwk = {
      ...this.keys.publicKey.export({ format: 'jwk' }),
      kid: this.keyId,
      alg: 'RS256',
      use: 'sig',
    };
    const jwksPath = `/cognito-idp.${this.issuer.split('.')[1]}.amazonaws.com/${this.userPoolId}/.well-known/jwks.json`;
    const server = createServer((request, response) => {
      this.requests.push(request.url ?? '');
      if (request.method === 'GET' && request.url === jwksPath) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ keys: [jwk] }));
        return;
      }
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: 'not_found' }));
    });
    const { origin, close } = await listenOnLoopback(server);
    return { url: origin, close };
  }
}
