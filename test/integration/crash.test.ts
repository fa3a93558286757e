// An acknowledged answer survives a crash: the stack runs as `npm start` does, in a child process;
// managers answer their offer links over HTTP, and the moment the last 200 arrives the whole process
// group is killed with SIGKILL (no clean stop, nothing flushed). Started again on the same data,
// every journey goes on from its answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildStack, freePort, startChildStack } from '../support/child-stack.ts';
import { eventually, randomVatNumber, validApplication } from '../support/fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'percorso-pmi-crash-'));
let stack: ChildStack | undefined;

afterAll(async () => {
  await stack?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Mail {
  to: string;
  subject: string;
  text: string;
}

async function outboxOf(site: string): Promise<Mail[]> {
  const response = await fetch(`${site}/_local/outbox`, { headers: { Accept: 'application/json' } });
  return (await response.json()) as Mail[];
}

describe('a crash right after answers were acknowledged', () => {
  it('resumes every journey whose offer link answered 200 before the SIGKILL', async () => {
    // Prepare: four journeys waiting on their offer.
    const port = await freePort();
    stack = await startChildStack({ dataDir, port, timeScale: 0.001 });
    const companies: string[] = [];
    for (let index = 0; index < 4; index++) {
      const application = validApplication({ vatNumber: randomVatNumber() });
      application.company.name = `Officina Crash ${index} ${Date.now()}`;
      const response = await fetch(`${stack.site}/applications`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(application),
      });
      if (response.status !== 201) throw new Error(`apply: ${response.status} ${await response.text()}`);
      companies.push(application.company.name);
    }
    const site = stack.site;
    const links = await eventually(async () => {
      const mails = await outboxOf(site);
      const found = companies.map(
        (name) =>
          mails.find((m) => m.subject.includes(name) && m.subject.includes('Proposta di incarico'))?.text,
      );
      return found.every(Boolean) ? found : undefined;
    }, 60_000);

    // Act: answer every link, SIGKILL the group right after the 200s, start again on the same data.
    const answers = await Promise.all(
      links.map((text) =>
        fetch(text?.match(/https?:\/\/\S+\/tasks\/[A-Za-z0-9_-]{43}/)?.[0] ?? '', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ decision: 'accept' }),
        }),
      ),
    );
    await stack.kill();
    stack = await startChildStack({ dataDir, port, timeScale: 0.001 });
    const restarted = stack.site;
    const introduced = await eventually(async () => {
      const mails = await outboxOf(restarted);
      const found = companies.filter((name) =>
        mails.some((m) => m.subject.includes(name) && m.subject.includes('Incarico confermato')),
      );
      return found.length === companies.length ? found : undefined;
    }, 90_000).catch(() => [] as string[]);
    const mails = await outboxOf(restarted);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(introduced).toEqual(companies);
    for (const name of companies) {
      expect(
        mails.filter((m) => m.subject.includes(name) && m.subject.includes('Proposta di incarico')),
      ).toHaveLength(1);
    }
  }, 300_000);
});
