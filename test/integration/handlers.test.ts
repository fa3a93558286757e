// Handler tests: each Lambda handler invoked directly with an API Gateway / Step Functions event
// from test/events, against DynamoDB Local and the local Step Functions service.
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-runtime.ts';
import { eventually, validApplication } from '../support/fixtures.ts';

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

const fixtureEvent = (name: string) =>
  JSON.parse(readFileSync(new URL(`../events/${name}`, import.meta.url), 'utf8')) as APIGatewayProxyEvent;

let applicationForm: Handler;
let submitApplication: Handler;
let screenEligibility: Handler;

beforeAll(async () => {
  // In AWS there is no PUBLIC_BASE_URL: the status link is built from the request's domain and stage.
  delete process.env.PUBLIC_BASE_URL;
  applicationForm = (await import('#functions/http/application-form.ts')).handler as Handler;
  submitApplication = (await import('#functions/http/submit-application.ts')).handler as Handler;
  screenEligibility = (await import('#functions/journey/screen-eligibility.ts')).handler as Handler;
});

describe('application-form handler', () => {
  it('answers the API Gateway GET / event with the open programmes in the language of Accept-Language', async () => {
    const response = (await applicationForm(
      fixtureEvent('apigw-get-form.json'),
      lambdaContext('applicationForm', 15),
    )) as APIGatewayProxyResult;
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="en"');
    expect(response.body).toContain('Programmes for Lombard firms');
    expect(response.body).toContain('href="/?programme=sviluppo-pmi&amp;lang=en"');
  });

  it('answers GET /?programme=ID with that programme’s form in the language of Accept-Language', async () => {
    // Act
    const event = fixtureEvent('apigw-get-form.json');
    event.queryStringParameters = { programme: 'sviluppo-pmi' };
    const response = (await applicationForm(
      event,
      lambdaContext('applicationForm', 15),
    )) as APIGatewayProxyResult;

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['Content-Type']).toMatch(/^text\/html/);
    expect(response.headers?.['Content-Security-Policy']).toContain("default-src 'none'");
    expect(response.body).toContain('<html lang="en"');
    expect(response.body).toContain('name="company.vatNumber"');
  });
});

describe('submit-application handler', () => {
  it('stores the application, starts its journey and builds the status link from the stage URL', async () => {
    // Prepare
    const event = fixtureEvent('apigw-post-application.json');
    event.body = JSON.stringify(validApplication());

    // Act
    const response = (await submitApplication(
      event,
      lambdaContext('submitApplication', 15),
    )) as APIGatewayProxyResult;

    // Assess
    expect(response.statusCode).toBe(201);
    const body = JSON.parse(response.body) as { applicationId: string; statusUrl: string };
    expect(body.statusUrl).toMatch(
      /^https:\/\/abc123\.execute-api\.eu-south-1\.amazonaws\.com\/dev\/status\/[A-Za-z0-9_-]{43}$/,
    );
    expect(response.headers?.Location).toBe(body.statusUrl);
  });

  it('answers 422 with the fields in error and never echoes the exception', async () => {
    // Prepare
    const event = fixtureEvent('apigw-post-application.json');
    event.body = JSON.stringify({ programmeId: 'sviluppo-pmi', company: { name: '<script>' } });

    // Act
    const response = (await submitApplication(
      event,
      lambdaContext('submitApplication', 15),
    )) as APIGatewayProxyResult;

    // Assess
    expect(response.statusCode).toBe(422);
    const body = JSON.parse(response.body) as { fields: { field: string }[] };
    expect(body.fields.map((f) => f.field)).toContain('company.vatNumber');
    expect(response.body).not.toMatch(/stack|ZodError|at .*\.ts/);
  });
});

describe('screen-eligibility handler', () => {
  it('returns the same outcome when Step Functions retries the task', async () => {
    // Prepare: an application submitted through the intake handler.
    const event = fixtureEvent('apigw-post-application.json');
    event.body = JSON.stringify(validApplication());
    const submitted = (await submitApplication(
      event,
      lambdaContext('submitApplication', 15),
    )) as APIGatewayProxyResult;
    const { applicationId } = JSON.parse(submitted.body) as { applicationId: string };
    const task = { applicationId, programmeId: 'sviluppo-pmi' };

    // Act
    const first = await eventually(async () =>
      screenEligibility(task, lambdaContext('screenEligibility', 15)).catch(() => undefined),
    );
    const retried = await screenEligibility(task, lambdaContext('screenEligibility', 15));

    // Assess
    expect(first).toEqual({ eligible: true });
    expect(retried).toEqual(first);
  });

  it('refuses a payload that is not IDs only', async () => {
    await expect(
      screenEligibility(
        { applicationId: 'not-a-uuid', programmeId: 'x' },
        lambdaContext('screenEligibility', 15),
      ),
    ).rejects.toThrow();
  });
});
