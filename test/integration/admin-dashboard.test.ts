// The programme office's area: never to anonymous requests or users outside the admin group; to
// admins, the programmes, the dashboards with their charts, the CSV exports and one project's page
// with its actions. Sign-in goes through Cognito's managed login (a stand-in token endpoint here).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-runtime.ts';
import { documentClient } from '#shared/data/client.ts';
import { getProject } from '#shared/data/projects.ts';
import { keys } from '#shared/data/table-design.ts';
import { assetFileName } from '#shared/pages/static-assets.ts';
import { local, tableName } from '../support/journey-kit.ts';

type Call = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

const event = (options: {
  groups?: string;
  resource: string;
  path: string;
  pathParameters?: Record<string, string>;
  method?: string;
  accept?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  body?: string;
}) => {
  const base = JSON.parse(
    readFileSync(new URL('../events/apigw-get-form.json', import.meta.url), 'utf8'),
  ) as APIGatewayProxyEvent;
  return {
    ...base,
    resource: options.resource,
    path: options.path,
    httpMethod: options.method ?? 'GET',
    headers: { ...base.headers, Accept: options.accept ?? 'application/json', ...options.headers },
    pathParameters: options.pathParameters ?? null,
    queryStringParameters: options.query ?? null,
    body: options.body ?? null,
    requestContext: {
      ...base.requestContext,
      authorizer: options.groups === undefined ? null : { principalId: 'u-1', groups: options.groups },
    },
  } as unknown as APIGatewayProxyEvent;
};

async function handlerOf(file: string, name: string): Promise<Call> {
  const module = (await import(file)) as { handler: (e: unknown, c: unknown) => Promise<unknown> };
  return (e) => module.handler(e, lambdaContext(name, 15)) as Promise<APIGatewayProxyResult>;
}

describe('the admin area on the local API', () => {
  it('refuses anonymous requests (401, both languages, where to sign in) without reaching a handler', async () => {
    const answers = await Promise.all(
      [
        ['GET', '/admin/programmes'],
        ['GET', '/admin/programmes/sviluppo-pmi'],
        ['GET', '/admin/programmes/sviluppo-pmi/applications.csv'],
        ['GET', '/admin/projects/x'],
        ['POST', '/admin/projects/x/pause'],
      ].map(([method, path]) =>
        fetch(`${local.site}${path}`, {
          method,
          headers: { Accept: 'application/json', Cookie: 'pmi_admin_session=forged.token.value' },
        }),
      ),
    );

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      const body = (await answer.json()) as { message: string; signIn: string };
      expect(body.message).toContain('ufficio del programma');
      expect(body.message).toContain('programme office');
      expect(body.signIn).toBe('/admin/sign-in');
    }
  });

  it('serves the office its pages as the local administrator when no token is sent, the old console addresses redirecting there', async () => {
    const list = await fetch(`${local.site}/admin/programmes`, { headers: { Accept: 'application/json' } });
    const page = await fetch(`${local.site}/admin/programmes/sviluppo-pmi?lang=en`, {
      headers: { Accept: 'text/html' },
    });
    const old = await fetch(`${local.site}/_local/programmes/sviluppo-pmi?lang=en`, {
      headers: { Accept: 'text/html' },
      redirect: 'manual',
    });
    const oldAction = await fetch(`${local.site}/_local/projects/p-1/pause`, {
      method: 'POST',
      redirect: 'manual',
    });

    expect(list.status).toBe(200);
    expect(((await list.json()) as { programmes: { id: string }[] }).programmes.map((p) => p.id)).toContain(
      'sviluppo-pmi',
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/admin/programmes/sviluppo-pmi/applications.csv');
    expect([old.status, old.headers.get('location')]).toEqual([
      302,
      '/admin/programmes/sviluppo-pmi?lang=en',
    ]);
    expect([oldAction.status, oldAction.headers.get('location')]).toEqual([307, '/admin/projects/p-1/pause']);
  });

  it('says sign-in is not configured locally and points to the local console', async () => {
    const answer = await fetch(`${local.site}/admin/sign-in?lang=en`, { headers: { Accept: 'text/html' } });

    expect(answer.status).toBe(503);
    const page = await answer.text();
    expect(page).toContain('Cognito sign-in is not configured here');
    expect(page).toContain(`${local.site}/_local/programmes`);
  });

  it('serves the scripts from this site (no CDN) under hashed names, cached for good and gzipped', async () => {
    const library = await fetch(`${local.site}/assets/${assetFileName('chart')}`);
    const drawing = await fetch(`${local.site}/assets/${assetFileName('dashboard-charts')}`);
    const score = await fetch(`${local.site}/assets/${assetFileName('assessment-score')}`);
    const oldName = await fetch(`${local.site}/assets/chart.umd.min.js`);
    const otherHash = await fetch(`${local.site}/assets/chart-0123456789.js`);
    const unknown = await fetch(`${local.site}/assets/other.js`);

    expect(assetFileName('chart')).toMatch(/^chart-[0-9a-f]{10}\.js$/);
    expect(library.status).toBe(200);
    expect(library.headers.get('content-type')).toContain('text/javascript');
    expect(library.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch asks for gzip and inflates it: the header says it travelled compressed.
    expect(library.headers.get('content-encoding')).toBe('gzip');
    expect(await library.text()).toContain('Chart.js');
    expect(await drawing.text()).toContain('dashboard-data');
    expect(await score.text()).toContain('dma-overall');
    expect([oldName.status, otherHash.status, unknown.status]).toEqual([404, 404, 404]);
  });
});

describe('unlocking a firm from the admin area', () => {
  it('frees a place held by an ended application (recorded with who acted), refuses cross-site posts, offers the form', async () => {
    // Prepare: a place held by a withdrawn application.
    const call = await handlerOf('#functions/http/admin-dashboard.ts', 'adminDashboard');
    const vatNumber = `0${String(Date.now()).slice(-6)}0010`;
    const { vatCheckDigit } = await import('#shared/domain/vat-number.ts');
    const vat = `${vatNumber.slice(0, 10)}${vatCheckDigit(vatNumber.slice(0, 10))}`;
    const applicationId = randomUUID();
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.companyInProgramme('sviluppo-pmi', vat),
          type: 'company-lock',
          applicationId,
          createdAt: 'x',
        },
      }),
    );
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.application(applicationId),
          applicationId,
          programmeId: 'sviluppo-pmi',
          status: 'withdrawn',
          statusHistory: [],
        },
      }),
    );
    const post = (headers: Record<string, string>) =>
      call(
        event({
          groups: 'admin',
          method: 'POST',
          resource: '/admin/programmes/{programmeId}/{export}',
          path: '/admin/programmes/sviluppo-pmi/unlock',
          pathParameters: { programmeId: 'sviluppo-pmi', export: 'unlock' },
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ vatNumber: vat }),
        }),
      );

    // Act
    const crossSite = await post({ Origin: 'https://evil.example' });
    const unlocked = await post({});
    const page = await call(
      event({
        groups: 'admin',
        accept: 'text/html',
        resource: '/admin/programmes/{programmeId}',
        path: '/admin/programmes/sviluppo-pmi',
        pathParameters: { programmeId: 'sviluppo-pmi' },
      }),
    );

    // Assess
    expect(crossSite.statusCode).toBe(403);
    expect(unlocked.statusCode).toBe(200);
    expect(JSON.parse(unlocked.body)).toMatchObject({ outcome: 'unlocked' });
    const { getCompanyLock } = await import('#shared/data/applications.ts');
    expect(await getCompanyLock(tableName, 'sviluppo-pmi', vat)).toBeUndefined();
    expect(page.body).toMatch(/<form method="post" action="[^"]*\/admin\/programmes\/sviluppo-pmi\/unlock/);
  });
});

describe('the admin dashboard handler', () => {
  it('refuses signed-in users outside the admin group, and serves admins programmes, counters, exports and charts', async () => {
    const call = await handlerOf('#functions/http/admin-dashboard.ts', 'adminDashboard');
    const dashboard = (groups: string, accept = 'application/json', exportName?: string) =>
      call(
        event({
          groups,
          accept,
          resource: exportName
            ? '/admin/programmes/{programmeId}/{export}'
            : '/admin/programmes/{programmeId}',
          path: '/admin/programmes/sviluppo-pmi',
          pathParameters: { programmeId: 'sviluppo-pmi', ...(exportName ? { export: exportName } : {}) },
        }),
      );

    const outsider = await dashboard('managers');
    const admin = await dashboard('admin');
    const csv = await dashboard('admin', 'application/json', 'applications.csv');
    const page = await dashboard('admin', 'text/html');
    const list = await call(
      event({ groups: 'admin', resource: '/admin/programmes', path: '/admin/programmes' }),
    );

    expect(outsider.statusCode).toBe(403);
    expect(admin.statusCode).toBe(200);
    expect(JSON.parse(admin.body)).toMatchObject({
      programmeId: 'sviluppo-pmi',
      counters: { applications: expect.any(Number) },
    });
    expect(csv.statusCode).toBe(200);
    // The spreadsheet CSV in the requester's language (this event asks for English), with its BOM.
    expect(csv.body.split('\n')[0]).toMatch(/^\uFEFFApplication ID,/);
    expect(page.body).toContain('data-testid="counter-applications"');
    expect(page.body).toContain(`src="/assets/${assetFileName('chart')}"`);
    expect(page.headers?.['Content-Security-Policy']).toContain("script-src 'self'");
    const ids = (JSON.parse(list.body) as { programmes: { id: string }[] }).programmes.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['sviluppo-pmi', 'mechnet']));
  });

  it('links and posts under the stage when the site sits on the API’s own URL', async () => {
    const call = await handlerOf('#functions/http/admin-dashboard.ts', 'adminDashboard');
    process.env.SITE_BASE_PATH = '/prod';
    try {
      const page = await call(
        event({
          groups: 'admin',
          accept: 'text/html',
          resource: '/admin/programmes/{programmeId}',
          path: '/admin/programmes/mechnet',
          pathParameters: { programmeId: 'mechnet' },
        }),
      );
      expect(page.body).toContain('href="/prod/admin/programmes/mechnet/applications.csv"');
      expect(page.body).toContain(`src="/prod/assets/${assetFileName('chart')}"`);
      expect(page.body).toContain('href="/prod/admin/programmes/mechnet?lang=');
    } finally {
      delete process.env.SITE_BASE_PATH;
    }
  });
});

describe('the admin project handler', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = randomUUID();
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.project(projectId),
          projectId,
          applicationId: randomUUID(),
          programmeId: 'sviluppo-pmi',
          managerId: randomUUID(),
          title: 'MES e raccolta dati di macchina',
          amountEur: 40_000,
          durationMonths: 12,
          launchedAt: '2026-11-02T09:00:00.000Z',
          status: 'monitoring',
          proposal: { kpis: [{ name: 'OEE', unit: '%', baseline: 55, target: 70 }] },
        },
      }),
    );
  });

  const projectEvent = (options: Partial<Parameters<typeof event>[0]> & { action?: string }) =>
    event({
      groups: 'admin',
      resource: options.action ? '/admin/projects/{projectId}/{action}' : '/admin/projects/{projectId}',
      path: `/admin/projects/${projectId}${options.action ? `/${options.action}` : ''}`,
      pathParameters: { projectId, ...(options.action ? { action: options.action } : {}) },
      ...options,
    });

  it('shows the project in the requester’s language, with its KPIs and the actions its state allows', async () => {
    const call = await handlerOf('#functions/http/admin-projects.ts', 'adminProjects');

    const italian = await call(projectEvent({ accept: 'text/html', query: { lang: 'it' } }));
    const english = await call(projectEvent({ accept: 'text/html', query: { lang: 'en' } }));
    const outsider = await call(projectEvent({ groups: 'reviewers' }));
    const missing = await call(
      projectEvent({ pathParameters: { projectId: randomUUID() }, headers: { 'Accept-Language': 'en' } }),
    );

    expect(italian.statusCode).toBe(200);
    expect(italian.body).toContain('Andamento degli indicatori');
    expect(italian.body).toContain('Sospendi il monitoraggio');
    expect(italian.body).not.toContain('Riprendi il monitoraggio');
    expect(english.body).toContain('OEE (%)');
    expect(english.body).toContain('Pause monitoring');
    expect(outsider.statusCode).toBe(403);
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).message).toBe('The project does not exist.');
  });

  it('acts only on a reasoned POST from this site, and says when the state does not allow it', async () => {
    const call = await handlerOf('#functions/http/admin-projects.ts', 'adminProjects');
    const form = (action: string, body: string, headers: Record<string, string> = {}) =>
      call(
        projectEvent({
          action,
          method: 'POST',
          accept: 'text/html',
          body,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: 'https://abc123.execute-api.eu-south-1.amazonaws.com',
            ...headers,
          },
        }),
      );

    const crossSite = await form('pause', 'reason=x&lang=en', { Origin: 'https://evil.example' });
    const noReason = await form('pause', 'reason=&lang=en');
    const unknownAction = await form('delete', 'reason=x');
    const paused = await form('pause', 'reason=Azienda+in+cassa+integrazione&lang=it');
    const pausedAgain = await form('pause', 'reason=di+nuovo&lang=en');

    expect(crossSite.statusCode).toBe(403);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Give a reason');
    expect(unknownAction.statusCode).toBe(404);
    expect(paused.statusCode).toBe(200);
    expect(paused.body).toContain('Fatto: il progetto è stato aggiornato.');
    expect(paused.body).toContain('Riprendi il monitoraggio');
    expect(pausedAgain.statusCode).toBe(409);
    expect(pausedAgain.body).toContain('not possible in the project’s current state');
    expect(await getProject(tableName, projectId)).toMatchObject({
      status: 'paused',
      controlReason: 'Azienda in cassa integrazione',
      controlledBy: 'u-1',
    });
  });
});

describe('signing in with Cognito’s managed login', () => {
  let cognito: Server;
  let cognitoUrl: string;
  const exchanges: URLSearchParams[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    // A stand-in for Cognito's token endpoint: checks PKCE like Cognito does.
    const { createHash } = await import('node:crypto');
    const challenges = new Map<string, string>([['good-code', '']]);
    cognito = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => {
        raw += chunk;
      });
      request.on('end', () => {
        const form = new URLSearchParams(raw);
        exchanges.push(form);
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        const ok =
          request.url === '/oauth2/token' &&
          form.get('code') === 'good-code' &&
          challenges.get('expected') === challenge;
        response.writeHead(ok ? 200 : 400, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify(
            ok
              ? { access_token: 'header.payload.sig', id_token: 'i', expires_in: 3600 }
              : { error: 'invalid_grant' },
          ),
        );
      });
    });
    (cognito as Server & { challenges?: Map<string, string> }).challenges = challenges;
    await new Promise<void>((resolve) => cognito.listen(0, '127.0.0.1', resolve));
    const address = cognito.address();
    cognitoUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    Object.assign(process.env, {
      ADMIN_SIGN_IN_DOMAIN: cognitoUrl,
      ADMIN_CLIENT_ID: 'office-client',
      PUBLIC_BASE_URL: 'https://abc123.execute-api.eu-south-1.amazonaws.com/prod',
    });
  });

  afterAll(async () => {
    process.env = saved;
    await new Promise((resolve) => cognito.close(resolve));
  });

  it('sends the browser to Cognito with PKCE, then keeps the session in an HttpOnly cookie and lands where asked', async () => {
    const call = await handlerOf('#functions/http/admin-sign-in.ts', 'adminSignIn');
    const challenges = (cognito as Server & { challenges: Map<string, string> }).challenges;

    // Act: start, then come back from Cognito with the code.
    const start = await call(
      event({
        resource: '/admin/sign-in',
        path: '/admin/sign-in',
        accept: 'text/html',
        query: { next: '/admin/programmes/mechnet', lang: 'en' },
      }),
    );
    const location = new URL(String(start.headers?.Location));
    const pending = String(start.multiValueHeaders?.['Set-Cookie']?.[0]);
    challenges.set('expected', location.searchParams.get('code_challenge') ?? '');
    const cookieValue = pending.split(';')[0] ?? '';
    const back = await call(
      event({
        resource: '/admin/callback',
        path: '/admin/callback',
        accept: 'text/html',
        headers: { Cookie: cookieValue },
        query: { code: 'good-code', state: location.searchParams.get('state') ?? '' },
      }),
    );
    const forged = await call(
      event({
        resource: '/admin/callback',
        path: '/admin/callback',
        accept: 'text/html',
        headers: { Cookie: cookieValue },
        query: { code: 'good-code', state: 'someone-else' },
      }),
    );
    const signOut = await call(event({ resource: '/admin/sign-out', path: '/admin/sign-out' }));

    // Assess
    expect(start.statusCode).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(`${cognitoUrl}/oauth2/authorize`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'office-client',
      redirect_uri: 'https://abc123.execute-api.eu-south-1.amazonaws.com/prod/admin/callback',
      code_challenge_method: 'S256',
      lang: 'en',
    });
    expect(pending).toMatch(/^pmi_admin_signin=.+; Path=\/; Max-Age=600; HttpOnly; Secure; SameSite=Lax$/);
    expect(back.statusCode).toBe(302);
    expect(back.headers?.Location).toBe(
      'https://abc123.execute-api.eu-south-1.amazonaws.com/prod/admin/programmes/mechnet',
    );
    expect(back.multiValueHeaders?.['Set-Cookie']).toEqual([
      'pmi_admin_session=header.payload.sig; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax',
      'pmi_admin_signin=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax',
    ]);
    expect(exchanges.at(0)?.get('redirect_uri')).toBe(
      'https://abc123.execute-api.eu-south-1.amazonaws.com/prod/admin/callback',
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('Signing in did not succeed');
    expect(signOut.statusCode).toBe(302);
    expect(String(signOut.headers?.Location)).toContain(`${cognitoUrl}/logout?client_id=office-client`);
    expect(signOut.multiValueHeaders?.['Set-Cookie']?.[0]).toMatch(/^pmi_admin_session=; .*Max-Age=0/);
  });

  it('refuses a code Cognito does not accept (wrong PKCE verifier), keeping nobody signed in', async () => {
    const call = await handlerOf('#functions/http/admin-sign-in.ts', 'adminSignIn');

    const back = await call(
      event({
        resource: '/admin/callback',
        path: '/admin/callback',
        accept: 'text/html',
        headers: {
          Cookie: `pmi_admin_signin=st.wrong-verifier.${Buffer.from('/admin').toString('base64url')}`,
        },
        query: { code: 'good-code', state: 'st' },
      }),
    );

    expect(back.statusCode).toBe(400);
    expect(JSON.stringify(back.multiValueHeaders ?? {})).not.toContain('pmi_admin_session=h');
  });
});
