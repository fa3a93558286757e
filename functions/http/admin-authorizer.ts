// The /admin routes' Lambda REQUEST authorizer. It reads the session cookie set by the sign-in
// callback (browsers) or an `Authorization: Bearer` access token (scripts), verifies it against the
// programme office's Cognito user pool and app client (signature, expiry, issuer, client, token use),
// and lets through members of the admin group only. No valid token → 401; signed in without the
// group → 403 (API Gateway answers both; the handler is never reached). Nothing personal is logged.

import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { functionCatalog } from '#infra/functions.ts';
import {
  cognitoTokenVerifier,
  identify,
  requestToken,
  type TokenVerifier,
} from '#shared/auth/admin-session.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';

const { ADMIN_USER_POOL_ID: userPoolId, ADMIN_CLIENT_ID: clientId } = readFunctionEnv(
  functionCatalog.adminAuthorizer,
);
/** Without a configured pool (the local runtime) nobody is let in. */
const verifier = userPoolId && clientId ? cognitoTokenVerifier(userPoolId, clientId).verify : undefined;

export async function authorize(
  event: Pick<APIGatewayRequestAuthorizerEvent, 'headers' | 'methodArn'>,
  verify: TokenVerifier | undefined,
): Promise<APIGatewayAuthorizerResult> {
  const who = await identify(requestToken(event.headers), verify);
  // API Gateway's documented way to answer 401 from a Lambda authorizer.
  if (who === 'unauthenticated') throw new Error('Unauthorized');
  const allowed = who !== 'forbidden';
  return {
    principalId: allowed ? who.username : 'outside-admin-group',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: allowed ? 'Allow' : 'Deny', Resource: event.methodArn },
      ],
    },
    ...(allowed ? { context: { groups: who.groups.join(',') } } : {}),
  };
}

export const handler = (event: APIGatewayRequestAuthorizerEvent) => authorize(event, verifier);
