// Which form posts count as coming from this site's own pages (secret links, office actions).
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { postedFromThisSite } from '#shared/http/middleware.ts';

const post = (headers: Record<string, string>) =>
  ({ httpMethod: 'POST', headers }) as unknown as APIGatewayProxyEvent;

describe('posts from this site', () => {
  it.each([
    [
      'a page of the deployed API',
      {
        Host: 'abc.execute-api.eu-south-1.amazonaws.com',
        'X-Forwarded-Proto': 'https',
        Origin: 'https://abc.execute-api.eu-south-1.amazonaws.com',
      },
      undefined,
      true,
    ],
    [
      'a page of the public site (custom domain)',
      {
        Host: 'abc.execute-api.eu-south-1.amazonaws.com',
        'X-Forwarded-Proto': 'https',
        Origin: 'https://bandi.example.org',
      },
      'https://bandi.example.org',
      true,
    ],
    [
      'a page of the local API over http',
      { Host: 'localhost:3000', Origin: 'http://localhost:3000' },
      undefined,
      true,
    ],
    ['another site', { Host: 'localhost:3000', Origin: 'https://evil.example' }, undefined, false],
    [
      'plain http to the deployed API',
      {
        Host: 'abc.execute-api.eu-south-1.amazonaws.com',
        'X-Forwarded-Proto': 'https',
        Origin: 'http://abc.execute-api.eu-south-1.amazonaws.com',
      },
      undefined,
      false,
    ],
    [
      'a cross-site fetch without Origin',
      { Host: 'localhost:3000', 'Sec-Fetch-Site': 'cross-site' },
      undefined,
      false,
    ],
    ['a script (no Origin, no Sec-Fetch-Site)', { Host: 'localhost:3000' }, undefined, true],
    [
      'our page under Referrer-Policy no-referrer (Origin: null)',
      { Host: 'localhost:3000', Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
      undefined,
      true,
    ],
    [
      'another site under no-referrer (Origin: null)',
      { Host: 'localhost:3000', Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
      undefined,
      false,
    ],
  ] as const)('%s → %s', (_label, headers, publicBaseUrl, expected) => {
    // Act
    const allowed = postedFromThisSite(post(headers), publicBaseUrl);

    // Assess
    expect(allowed).toBe(expected);
  });
});
