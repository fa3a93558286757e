// The programme office's dashboard API: never to anonymous requests or users outside the admin
// group (403 in the requester's language); to admins, the counters and the CSV exports.
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-runtime.ts';
import { local } from '../support/journey-kit.ts';

const event = (groups: string | undefined, path: Record<string, string>, accept = 'application/json') => {
  const base = JSON.parse(
    readFileSync(new URL('../events/apigw-get-form.json', import.meta.url), 'utf8'),
  ) as APIGatewayProxyEvent;
  return {
    ...base,
    resource: '/admin/programmes/{programmeId}',
    path: `/admin/programmes/${path.programmeId}`,
    headers: { ...base.headers, Accept: accept },
    pathParameters: path,
    requestContext: {
      ...base.requestContext,
      authorizer: groups === undefined ? null : { claims: { sub: 'u-1', 'cognito:groups': groups } },
    },
  } as unknown as APIGatewayProxyEvent;
};

describe('the admin dashboard API', () => {
  it('refuses anonymous requests on the local API, in the requester language', async () => {
    const italian = await fetch(`${local.site}/admin/programmes/sviluppo-pmi`, {
      headers: { Accept: 'application/json' },
    });
    const english = await fetch(`${local.site}/admin/programmes/sviluppo-pmi/applications.csv`, {
      headers: { Accept: 'application/json', 'Accept-Language': 'en' },
    });

    expect(italian.status).toBe(403);
    expect(((await italian.json()) as { message: string }).message).toContain('ufficio del programma');
    expect(english.status).toBe(403);
    expect(((await english.json()) as { message: string }).message).toContain('programme office');
  });

  it('refuses signed-in users outside the admin group, and serves admins the counters and exports', async () => {
    const { handler } = await import('#functions/http/admin-dashboard.ts');
    const call = (e: APIGatewayProxyEvent) =>
      handler(e, lambdaContext('adminDashboard', 15)) as Promise<APIGatewayProxyResult>;

    const outsider = await call(event('managers', { programmeId: 'sviluppo-pmi' }));
    const admin = await call(event('admin', { programmeId: 'sviluppo-pmi' }));
    const csv = await call(event('admin', { programmeId: 'sviluppo-pmi', export: 'applications.csv' }));
    const page = await call(event('admin', { programmeId: 'sviluppo-pmi' }, 'text/html'));

    expect(outsider.statusCode).toBe(403);
    expect(admin.statusCode).toBe(200);
    expect(JSON.parse(admin.body)).toMatchObject({
      programmeId: 'sviluppo-pmi',
      counters: { applications: expect.any(Number) },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toMatch(/^applicationId,/);
    expect(page.body).toContain('data-testid="counter-applications"');
  });
});
