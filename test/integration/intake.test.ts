// Intake end to end on the local stack: the public API, DynamoDB Local, the local Step Functions
// service and the outbox, through HTTP and the AWS SDK as a client would use them.

import { randomUUID } from 'node:crypto';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { documentClient } from '#shared/data/client.ts';
import { eventually, journeyStartsDrained, randomVatNumber, validApplication } from '../support/fixtures.ts';

const local = inject('localStack');
const sfn = new SFNClient({
  endpoint: local.stepFunctions,
  region: 'eu-south-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${local.site}/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const executionArn = (applicationId: string) =>
  `${local.journeyStateMachineArn.replace(':stateMachine:', ':execution:')}:${applicationId}`;

async function finishedExecution(applicationId: string) {
  await journeyStartsDrained();
  return eventually(async () => {
    const execution = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArn(applicationId) }),
    );
    return execution.status === 'RUNNING' ? undefined : execution;
  });
}

/** Waits until the journey has entered the named state (the execution goes on after it). */
async function reachedState(applicationId: string, stateName: string) {
  await journeyStartsDrained();
  return eventually(async () => {
    const history = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: executionArn(applicationId), maxResults: 1000 }),
    );
    const entered = history.events?.some((event) => event.stateEnteredEventDetails?.name === stateName);
    return entered ? history : undefined;
  });
}

async function outboxFor(email: string) {
  const response = await fetch(local.outbox, { headers: { Accept: 'application/json' } });
  const messages = (await response.json()) as { to: string; subject: string; text: string; html: string }[];
  return messages.filter((message) => message.to.includes(email));
}

/** How many journeys there are once every queued start has reached Step Functions. */
async function executionCount(): Promise<number> {
  await journeyStartsDrained();
  const result = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn: local.journeyStateMachineArn, maxResults: 1000 }),
  );
  return result.executions?.length ?? 0;
}

describe('POST /applications (JSON)', () => {
  it('accepts a valid application, starts one journey named after it, and e-mails a receipt with the status link', async () => {
    // Prepare
    const email = `anna.${randomVatNumber()}@example.it`;
    const application = validApplication({ email });

    // Act
    const response = await postJson(application);
    const body = (await response.json()) as { applicationId: string; status: string; statusUrl: string };

    // Assess
    expect(response.status).toBe(201);
    expect(body.status).toBe('submitted');
    expect(body.statusUrl).toMatch(/^http:\/\/localhost:\d+\/status\/[A-Za-z0-9_-]{43}$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    await reachedState(body.applicationId, 'Find a manager');
    const listed = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: local.journeyStateMachineArn, maxResults: 1000 }),
    );
    expect(listed.executions?.filter((e) => e.name === body.applicationId)).toHaveLength(1);
    const receipts = await eventually(async () =>
      (await outboxFor(email)).length > 0 ? outboxFor(email) : undefined,
    );
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.subject).toContain('Sviluppo PMI');
    expect(receipts[0]?.text).toContain(body.statusUrl);
    expect(receipts[0]?.html).toContain(body.statusUrl);
  });

  it('keeps names, e-mails and free text out of the execution history', async () => {
    // Prepare
    const email = `privacy.${randomVatNumber()}@example.it`;
    const application = validApplication({ email });
    const response = await postJson(application);
    const { applicationId } = (await response.json()) as { applicationId: string };
    await reachedState(applicationId, 'Find a manager');

    // Act
    const history = await sfn.send(
      new GetExecutionHistoryCommand({
        executionArn: executionArn(applicationId),
        includeExecutionData: true,
        maxResults: 1000,
      }),
    );

    // Assess
    const text = JSON.stringify(history.events);
    expect(history.events?.length).toBeGreaterThan(5);
    expect(text).toContain(applicationId);
    for (const secret of [
      email,
      application.contact.name,
      application.company.name,
      application.company.vatNumber,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('shows the journey on the status page, in Italian by default and in English on request', async () => {
    // Prepare
    const response = await postJson(validApplication());
    const { applicationId, statusUrl } = (await response.json()) as {
      applicationId: string;
      statusUrl: string;
    };
    await reachedState(applicationId, 'Find a manager');

    // Act
    const italian = await fetch(statusUrl, { headers: { Accept: 'text/html' } });
    const english = await fetch(`${statusUrl}?lang=en`, { headers: { Accept: 'text/html' } });
    const head = await fetch(statusUrl, { method: 'HEAD' });

    // Assess
    expect(italian.status).toBe(200);
    const page = await italian.text();
    expect(page).toContain('Ammessa');
    expect(page).toContain(applicationId);
    expect(await english.text()).toContain('Eligible');
    expect(head.status).toBe(200);
    for (const [name, value] of [
      ['cache-control', 'no-store'],
      ['referrer-policy', 'no-referrer'],
      ['x-robots-tag', 'noindex, nofollow'],
    ]) {
      expect(italian.headers.get(name!)).toBe(value);
    }
  });

  it('screens out a company that is not an SME and tells it why by e-mail', async () => {
    // Prepare
    const email = `large.${randomVatNumber()}@example.it`;
    const application = validApplication({ email });
    application.size = { employees: 320, turnoverEur: 90_000_000, balanceSheetEur: 70_000_000 };

    // Act
    const response = await postJson(application);
    const { applicationId, statusUrl } = (await response.json()) as {
      applicationId: string;
      statusUrl: string;
    };
    const execution = await finishedExecution(applicationId);

    // Assess
    expect(response.status).toBe(201);
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'ineligible', reason: 'not_sme' });
    const messages = await eventually(async () => {
      const found = await outboxFor(email);
      return found.length >= 2 ? found : undefined;
    });
    expect(messages.map((m) => m.subject)).toEqual([
      expect.stringContaining('Candidatura ricevuta'),
      expect.stringContaining('Esito della verifica'),
    ]);
    expect(messages[1]?.text).toContain('definizione europea di PMI');
    expect(await (await fetch(statusUrl, { headers: { Accept: 'text/html' } })).text()).toContain(
      'Non ammessa',
    );
  });

  it('refuses the same company applying twice to the same programme with 409, starting no second journey', async () => {
    // Prepare
    const vatNumber = randomVatNumber();
    const first = await postJson(validApplication({ vatNumber }));
    expect(first.status).toBe(201);
    const before = await executionCount();

    // Act
    const second = await postJson(validApplication({ vatNumber }), { 'Accept-Language': 'en' });

    // Assess
    expect(second.status).toBe(409);
    const body = (await second.json()) as { error: string; message: string };
    expect(body.error).toBe('duplicateApplication');
    expect(body.message).toMatch(/already applied/);
    expect(await executionCount()).toBe(before);
  });

  it('returns the original response for a retried Idempotency-Key, and 422 when the key is reused for another body', async () => {
    // Prepare
    const application = validApplication();
    const key = `retry-${randomVatNumber()}`;

    // Act
    const first = await postJson(application, { 'Idempotency-Key': key });
    const retried = await postJson(application, { 'Idempotency-Key': key });
    const reused = await postJson(validApplication(), { 'Idempotency-Key': key });

    // Assess
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    const firstBody = await first.json();
    expect(await retried.json()).toEqual(firstBody);
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: string }).error).toBe('idempotencyKeyReused');
  });
});

describe('a retry whose first try stored the application and died before answering', () => {
  it('answers as the first try would have (same application, a working status link, its one journey), not as a duplicate', async () => {
    // Prepare: a first try that stored the application; its idempotency record gone, as Powertools
    // deletes it when the handler fails (a timeout after the write)
    const application = validApplication();
    const key = `died-${randomUUID()}`;
    const first = await postJson(application, { 'Idempotency-Key': key });
    const { applicationId } = (await first.json()) as { applicationId: string };
    const idempotencyTable = process.env.IDEMPOTENCY_TABLE_NAME ?? '';
    const records = await documentClient.send(new ScanCommand({ TableName: idempotencyTable }));
    const own = (records.Items ?? []).filter((item) => JSON.stringify(item).includes(applicationId));
    expect(own).toHaveLength(1);
    await documentClient.send(new DeleteCommand({ TableName: idempotencyTable, Key: { id: own[0]?.id } }));

    // Act: the same request again, and the same firm with another key
    const retried = await postJson(application, { 'Idempotency-Key': key });
    const other = await postJson(application, { 'Idempotency-Key': `other-${randomUUID()}` });

    // Assess
    expect(retried.status).toBe(201);
    const body = (await retried.json()) as { applicationId: string; statusUrl: string };
    expect(body.applicationId).toBe(applicationId);
    expect((await fetch(body.statusUrl, { headers: { Accept: 'text/html' } })).status).toBe(200);
    expect(other.status).toBe(409);
    await journeyStartsDrained();
    const listed = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: local.journeyStateMachineArn, maxResults: 1000 }),
    );
    expect(listed.executions?.filter((e) => e.name === applicationId)).toHaveLength(1);
  });
});

describe('Idempotency-Key that holds', () => {
  it('keeps answering the original after a refused reuse: A 201, A same 201, B 422, A same 201, B 422', async () => {
    // Prepare
    const a = validApplication();
    const b = validApplication();
    const key = `hold-${randomVatNumber()}`;

    // Act
    const answers = [];
    for (const body of [a, a, b, a, b]) {
      const response = await postJson(body, { 'Idempotency-Key': key });
      answers.push({ status: response.status, body: (await response.json()) as Record<string, unknown> });
    }

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 422, 201, 422]);
    expect(answers[1]?.body).toEqual(answers[0]?.body);
    expect(answers[3]?.body).toEqual(answers[0]?.body);
    expect(answers[4]?.body.error).toBe('idempotencyKeyReused');
  });

  it('stores one application for 10 concurrent posts with one key and different bodies', async () => {
    // Prepare
    const key = `race-${randomVatNumber()}`;
    const bodies = Array.from({ length: 10 }, () => validApplication());

    // Act
    const responses = await Promise.all(bodies.map((body) => postJson(body, { 'Idempotency-Key': key })));
    const statuses = responses.map((response) => response.status);
    const created = await Promise.all(
      responses
        .filter((r) => r.status === 201)
        .map(async (r) => ((await r.json()) as { applicationId: string }).applicationId),
    );
    // Every other body's firm can still apply: nothing of theirs was stored.
    const later = await Promise.all(bodies.map((body) => postJson(body)));

    // Assess
    expect(new Set(created).size).toBe(1);
    expect(statuses.every((status) => [201, 409, 422].includes(status))).toBe(true);
    expect(later.map((r) => r.status).filter((status) => status === 201)).toHaveLength(9);
  });
});

describe('POST /applications with bad input', () => {
  it('names every wrong field in Italian by default, in English with Accept-Language, and writes nothing', async () => {
    // Prepare
    const vatNumber = randomVatNumber();
    const application = validApplication({ vatNumber });
    application.company.province = 'RM';
    application.contact.email = 'not-an-email';
    application.consent.privacy = false;
    const before = await executionCount();

    // Act
    const italian = await postJson(application);
    const english = await postJson(application, { 'Accept-Language': 'en-GB,en;q=0.9' });

    // Assess
    expect(italian.status).toBe(422);
    const it = (await italian.json()) as { fields: { field: string; message: string }[] };
    expect(it.fields.map((f) => f.field).sort()).toEqual([
      'company.province',
      'consent.privacy',
      'contact.email',
    ]);
    const en = (await english.json()) as { fields: { field: string; message: string }[] };
    expect(en.fields.map((f) => f.field).sort()).toEqual([
      'company.province',
      'consent.privacy',
      'contact.email',
    ]);
    expect(it.fields[0]?.message).not.toEqual(en.fields[0]?.message);
    expect(await executionCount()).toBe(before);
    // Nothing half-written: the same company can still apply (no company lock was left behind).
    const retry = await postJson(validApplication({ vatNumber }));
    expect(retry.status).toBe(201);
  });

  it('refuses control, bidi and invisible characters and text that was not UTF-8 in names, naming the field, and writes nothing', async () => {
    // Prepare: hostile names as an outside client sends them; one Partita IVA for all.
    const vatNumber = randomVatNumber();
    const hostile = [
      ['company', 'name', 'Officina\u0000Rossi S.r.l.'],
      ['company', 'name', 'ACME S.r.l.\r\n\r\nIl link qui sotto è scaduto: usa https://evil.example/'],
      ['company', 'name', '\u200B\u200C\u200D'],
      ['company', 'name', 'fattura\u202Egpj.exe'],
      ['company', 'name', 'Caff\uFFFD S.r.l.'],
      ['contact', 'name', 'Giulia\nBrambilla'],
    ] as const;

    // Act
    const answers = [];
    for (const [section, field, value] of hostile) {
      const application = validApplication({ vatNumber });
      application[section][field] = value;
      const response = await postJson(application, { 'Accept-Language': 'en' });
      answers.push({
        status: response.status,
        body: (await response.json()) as { fields?: { field: string }[] },
      });
    }
    const clean = await postJson(validApplication({ vatNumber }));

    // Assess: each refused with 422 naming its field; the same firm can still apply (no lock taken).
    for (const [i, [section, field]] of hostile.entries()) {
      expect(answers[i]?.status).toBe(422);
      expect(answers[i]?.body.fields?.map((f) => f.field)).toEqual([`${section}.${field}`]);
    }
    expect(clean.status).toBe(201);
  });

  it('refuses a form sent in ISO-8859-1 (not UTF-8) instead of storing unreadable text', async () => {
    // Prepare: "Caffè" as ISO-8859-1 bytes, percent-encoded by a browser that used that charset.
    const form = new URLSearchParams(Object.entries({ programmeId: 'sviluppo-pmi' })).toString();

    // Act
    const response = await fetch(`${local.site}/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body: `${form}&company.name=Caff%E8+Rossi&consent.privacy=on`,
    });

    // Assess
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/codifica diversa da UTF-8/);
  });

  it('names the body when it is not a JSON object at all (null, [], "x", 42)', async () => {
    // Act
    const answers = await Promise.all(
      ['null', '[]', '"x"', '42'].map(async (body) => {
        const response = await postJson(body, { 'Accept-Language': 'en' });
        return {
          status: response.status,
          body: (await response.json()) as { fields?: { field: string; message: string }[] },
        };
      }),
    );

    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(422);
      expect(answer.body.fields).toEqual([
        { field: 'body', message: expect.stringMatching(/must be a JSON object/) },
      ]);
    }
  });

  it('answers a body of 5,000 unknown keys with a short 422 (the first ten named, the rest counted)', async () => {
    // Prepare: about 45 KB of unknown keys.
    const body = {
      ...validApplication(),
      ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 1])),
    };

    // Act
    const response = await postJson(body, { 'Accept-Language': 'en' });
    const text = await response.text();

    // Assess
    expect(response.status).toBe(422);
    expect(text.length).toBeLessThan(4_000);
    const fields = (JSON.parse(text) as { fields: { field: string; message: string }[] }).fields;
    expect(fields).toHaveLength(11);
    expect(fields.at(-1)).toEqual({ field: 'body', message: 'and 4990 more unknown fields.' });
  });

  it('answers a malformed task link with the unknown-link page, and its own 404s with the security headers', async () => {
    // Act
    const malformed = await fetch(`${local.site}/tasks/%E0%A4%A`, { headers: { Accept: 'text/html' } });
    const nowhere = await fetch(`${local.site}/nowhere`);

    // Assess
    expect(malformed.status).toBe(404);
    expect(nowhere.status).toBe(404);
    for (const response of [malformed, nowhere]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('rejects a wrong check digit in the Partita IVA', async () => {
    // Prepare
    const valid = randomVatNumber();
    const application = validApplication({
      vatNumber: valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10),
    });

    // Act
    const response = await postJson(application, { 'Accept-Language': 'en' });

    // Assess
    expect(response.status).toBe(422);
    const body = (await response.json()) as { fields: { field: string }[] };
    expect(body.fields.map((f) => f.field)).toEqual(['company.vatNumber']);
  });

  it('answers 413 for a body over 64 KB, 415 for another media type, 400 for malformed JSON', async () => {
    // Prepare
    const huge = validApplication();
    huge.company.name = 'x'.repeat(70 * 1024);
    const before = await executionCount();

    // Act
    const tooLarge = await postJson(huge);
    const wrongType = await fetch(`${local.site}/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Accept-Language': 'en' },
      body: 'hello',
    });
    const malformed = await postJson('{"programmeId": ', { 'Accept-Language': 'it' });

    // Assess
    expect(tooLarge.status).toBe(413);
    expect(wrongType.status).toBe(415);
    expect(((await wrongType.json()) as { message: string }).message).toMatch(/Unsupported format/);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toMatch(/JSON/);
    expect(await executionCount()).toBe(before);
  });

  it('answers an unknown programme with 422 and writes nothing', async () => {
    // Prepare
    const application = validApplication();
    application.programmeId = 'no-such-programme';
    const before = await executionCount();

    // Act
    const response = await postJson(application, { 'Accept-Language': 'en' });

    // Assess
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toBe('unknownProgramme');
    expect(await executionCount()).toBe(before);
  });
});

describe('the HTML form', () => {
  it('serves the form in Italian, and in English with ?lang=en', async () => {
    // Act
    const italian = await (await fetch(`${local.site}/?programme=sviluppo-pmi`)).text();
    const english = await (await fetch(`${local.site}/?programme=sviluppo-pmi&lang=en`)).text();

    // Assess
    expect(italian).toContain('<html lang="it"');
    expect(italian).toContain('Invia la candidatura');
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('Submit application');
    expect(italian).toMatch(/>English<\/a>/);
    expect(english).toMatch(/>Italiano<\/a>/);
  });

  it('answers a form post with a receipt page, and re-shows the form with an error summary on bad input', async () => {
    // Prepare
    const application = validApplication();
    const fields = new URLSearchParams({
      programmeId: 'sviluppo-pmi',
      lang: 'en',
      'company.name': application.company.name,
      'company.vatNumber': application.company.vatNumber,
      'company.atecoCode': application.company.atecoCode,
      'company.province': application.company.province,
      'size.employees': '12,5',
      'size.turnoverEur': '1.800.000',
      'size.balanceSheetEur': '900000',
      'contact.name': application.contact.name,
      'contact.email': application.contact.email,
      // The form's declaration of state aid (the programme's regime is de minimis), left empty.
      'stateAid.linkedVatNumbers': '',
      'consent.privacy': 'true',
    });
    fields.append('interests', 'digital');
    fields.append('interests', 'supply_chain');
    const bad = new URLSearchParams(fields);
    bad.set('company.vatNumber', '12345');

    // Act
    const rejected = await fetch(`${local.site}/applications`, { method: 'POST', body: bad });
    const accepted = await fetch(`${local.site}/applications`, { method: 'POST', body: fields });

    // Assess
    expect(rejected.status).toBe(422);
    const errorPage = await rejected.text();
    expect(errorPage).toContain('error-summary');
    expect(errorPage).toContain('value="12345"');
    expect(accepted.status).toBe(201);
    const receipt = await accepted.text();
    expect(receipt).toContain('Application received');
    expect(receipt).toMatch(/\/status\/[A-Za-z0-9_-]{43}/);
  });

  it('answers an unknown status link with a friendly 404 page', async () => {
    // Act
    const response = await fetch(`${local.site}/status/${'A'.repeat(43)}`, {
      headers: { Accept: 'text/html' },
    });

    // Assess
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Link non valido');
  });
});
