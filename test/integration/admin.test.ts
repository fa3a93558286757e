// The admin commands against DynamoDB Local: the managers CSV import (all rows or none, re-import
// updates instead of duplicating), programmes loading, the cohort match draft, and the CLI as a
// child process. The CSV fixtures' e-mail domain is made unique per run, so reruns never collide.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '#infra/admin/commands.ts';
import { applicationsWaitingForManager, matchCommand } from '#infra/admin/match.ts';
import { documentClient } from '#shared/data/client.ts';
import { getManager, listManagersByStatus, putManager } from '#shared/data/managers.ts';
import { getProgrammeStored } from '#shared/data/programmes.ts';
import { keys } from '#shared/data/table-design.ts';
import { type Manager, managerStatuses } from '#shared/domain/manager.ts';
import { programmePresets } from '#shared/programmes/presets.ts';
import { importManagers } from '#shared/use-cases/import-managers.ts';
import { loadProgrammes } from '#shared/use-cases/load-programmes.ts';
import { localTarget, runAdminCli } from '../support/admin-cli.ts';
import { randomVatNumber } from '../support/fixtures.ts';

const tableName = process.env.TABLE_NAME ?? '';
if (!tableName) throw new Error('TABLE_NAME is not set: run this file in the integration project');

/** A fixture CSV with its e-mail addresses moved to a domain of this run only. */
function fixtureCsv(name: string): { text: string; domain: string } {
  const domain = `run-${randomUUID().slice(0, 8)}.example.it`;
  const text = readFileSync(new URL(`../events/${name}`, import.meta.url), 'utf8').replaceAll(
    /@example\.it\b/gi,
    `@${domain}`,
  );
  return { text, domain };
}

async function managersOfDomain(domain: string): Promise<Manager[]> {
  const lists = await Promise.all(managerStatuses.map((status) => listManagersByStatus(tableName, status)));
  return lists.flat().filter((manager) => manager.email.endsWith(`@${domain}`));
}

function captured(): CommandContext & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    tableName,
    target: localTarget,
    lang: 'en',
    lines,
    errors,
    output: { out: (text) => lines.push(text), err: (text) => errors.push(text) },
  };
}

describe('managers import', () => {
  it('imports every row of a valid file, and a re-import updates instead of duplicating', async () => {
    const { text, domain } = fixtureCsv('managers.valid.csv');
    const progress: string[] = [];

    const first = await importManagers(tableName, text, {
      concurrency: 4,
      onProgress: (written, total) => progress.push(`${written}/${total}`),
    });

    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect([first.rows, first.created.length, first.updated.length, first.written]).toEqual([6, 6, 0, 6]);
    expect(progress).toEqual(['4/6', '6/6']);
    const stored = await managersOfDomain(domain);
    expect(stored).toHaveLength(6);
    const ferri = first.created.find((entry) => entry.manager.name === 'Alessandra Ferri')!.manager;
    expect(await getManager(tableName, ferri.managerId)).toEqual({ ...ferri });
    expect(stored.find((manager) => manager.name === 'Laura Sala')?.status).toBe('inactive');

    // The same file again: nothing to write. With one capacity changed: that manager, same ID.
    const again = await importManagers(tableName, text);
    expect(again.ok && [again.created.length, again.updated.length, again.unchanged.length]).toEqual([
      0, 0, 6,
    ]);
    const changed = text.replace('MI;MB,3,86', 'MI;MB,5,86');
    const third = await importManagers(tableName, changed);
    expect(third.ok && third.updated.map((entry) => entry.manager.managerId)).toEqual([ferri.managerId]);
    expect((await getManager(tableName, ferri.managerId))?.capacity).toBe(5);
    expect(await managersOfDomain(domain)).toHaveLength(6);
  });

  it('reports the bad rows with their line numbers and imports nothing from that file', async () => {
    const { text, domain } = fixtureCsv('managers.bad.csv');

    const result = await importManagers(tableName, text);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...new Set(result.problems.map((problem) => problem.line))]).toEqual([3, 4, 5, 6, 8]);
    expect(result.problems).toContainEqual({
      line: 5,
      column: 'email',
      message: 'email: the same e-mail address is on line 2: one row per manager.',
    });
    // Rows 2 and 7 are valid on their own, yet the file is refused as a whole.
    expect(await managersOfDomain(domain)).toEqual([]);
  });

  it('validates on a dry run without writing', async () => {
    const { text, domain } = fixtureCsv('managers.valid.csv');
    const result = await importManagers(tableName, text, { dryRun: true });
    expect(result.ok && [result.created.length, result.written]).toEqual([6, 0]);
    expect(await managersOfDomain(domain)).toEqual([]);
  });
});

describe('programmes load', () => {
  it('creates, then reports the changed fields, then finds nothing to change', async () => {
    const id = `admin-test-${randomUUID().slice(0, 8)}`;
    const programme = { ...programmePresets()[0]!, id };

    expect(await loadProgrammes(tableName, [programme])).toEqual([{ id, action: 'create', changes: [] }]);
    const raised = { ...programme, quotas: { assessments: 150 } };
    expect(await loadProgrammes(tableName, [raised], { dryRun: true })).toEqual([
      { id, action: 'update', changes: [{ path: 'quotas.assessments', before: 100, after: 150 }] },
    ]);
    expect((await getProgrammeStored(tableName, id))?.quotas.assessments).toBe(100);
    await loadProgrammes(tableName, [raised]);
    expect((await getProgrammeStored(tableName, id))?.quotas.assessments).toBe(150);
    expect(await loadProgrammes(tableName, [raised])).toEqual([{ id, action: 'unchanged', changes: [] }]);
  });
});

describe('match --dry-run', () => {
  it("drafts the cohort of the programme's waiting SMEs and compares it with greedy", async () => {
    const programmeId = `match-test-${randomUUID().slice(0, 8)}`;
    const manager = (name: string, overrides: Partial<Manager>): Manager => ({
      managerId: randomUUID(),
      name,
      email: `${randomUUID().slice(0, 8)}@example.it`,
      languages: ['it'],
      atecoSections: ['C'],
      atecoDivisions: [],
      competences: ['digital'],
      provinces: ['MI'],
      capacity: 1,
      load: 0,
      merit: 70,
      status: 'active',
      conflicts: [],
      createdAt: '2026-01-10T09:00:00.000Z',
      ...overrides,
    });
    const specialist = manager('Specialista Meccanica', { atecoDivisions: ['25'] });
    const generalist = manager('Generalista', { atecoSections: ['C', 'G'], provinces: ['MI', 'BG'] });
    for (const each of [specialist, generalist]) await putManager(tableName, each);
    await loadProgrammes(tableName, [
      {
        ...programmePresets()[0]!,
        id: programmeId,
        matching: {
          ...programmePresets()[0]!.matching,
          roster: [specialist.managerId, generalist.managerId],
        },
      },
    ]);
    const application = (name: string, division: string, overrides: Record<string, unknown> = {}) => {
      const applicationId = randomUUID();
      const submittedAt = new Date().toISOString();
      return {
        ...keys.application(applicationId),
        ...keys.applicationsOfProgramme(programmeId),
        gsi1sk: `${submittedAt}#${applicationId}`,
        type: 'application',
        applicationId,
        programmeId,
        status: 'eligible',
        statusHistory: [],
        submittedAt,
        language: 'it',
        company: {
          name,
          vatNumber: randomVatNumber(),
          atecoCode: `${division}.00.00`,
          atecoVersion: '2025',
          atecoSection: division === '46' ? 'G' : 'C',
          atecoDivision: division,
          province: 'MI',
        },
        interests: ['digital'],
        journeyExecutionName: applicationId,
        ...overrides,
      };
    };
    const waiting = [application('Officina Alfa', '25'), application('Commercio Beta', '46')];
    const others = [
      application('In offerta', '25', { currentOffer: { managerId: specialist.managerId, round: 1 } }),
      application('Appena arrivata', '25', { status: 'submitted' }),
    ];
    for (const item of [...waiting, ...others]) {
      await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
    }

    const found = await applicationsWaitingForManager(tableName, programmeId);
    expect(found.map((record) => record.applicationId).sort()).toEqual(
      waiting.map((item) => item.applicationId).sort(),
    );

    const context = captured();
    expect(await matchCommand(programmeId, true, context)).toBe(0);
    const text = context.lines.join('\n');
    expect(text).toContain('2 SMEs waiting for a manager; 2 active managers');
    expect(text).toMatch(/Optimal \(min-cost flow\): +2\/2 SMEs matched/);
    expect(text).toMatch(/Officina Alfa.*Specialista Meccanica/);
    expect(text).toMatch(/Commercio Beta.*Generalista/);

    const refused = captured();
    expect(await matchCommand(programmeId, false, refused)).toBe(2);
    expect(refused.errors.join('\n')).toContain('Confirm with --yes');
  });
});

describe('applications unlock', () => {
  it('frees a place held by an ended application, refuses one in progress, records the release', async () => {
    // Prepare: two firms' places, one held by a closed application, one by a journey in progress.
    const { runCommand } = await import('#infra/admin/commands.ts');
    const programmeId = `unlock-${randomUUID().slice(0, 8)}`;
    const [endedVat, runningVat] = [randomVatNumber(), randomVatNumber()];
    for (const [vat, status] of [
      [endedVat, 'withdrawn'],
      [runningVat, 'manager_assigned'],
    ] as const) {
      const applicationId = randomUUID();
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.companyInProgramme(programmeId, vat),
            type: 'company-lock',
            applicationId,
            createdAt: 'x',
          },
        }),
      );
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.application(applicationId), applicationId, programmeId, status, statusHistory: [] },
        }),
      );
    }
    const run = async (vat: string) => {
      const context = captured();
      const code = await runCommand({ name: 'applications unlock', programme: programmeId, vat }, context);
      return { code, text: [...context.lines, ...context.errors].join('\n') };
    };

    // Act
    const ended = await run(`IT${endedVat}`);
    const again = await run(endedVat);
    const running = await run(runningVat);
    const invalid = await run('12345');

    // Assess
    expect(ended).toMatchObject({ code: 0, text: expect.stringMatching(/^Unlocked/) });
    expect(again).toMatchObject({ code: 0, text: expect.stringMatching(/^Nothing to unlock/) });
    expect(running).toMatchObject({
      code: 1,
      text: expect.stringMatching(/still in progress \(manager_assigned\)/),
    });
    expect(invalid).toMatchObject({ code: 1, text: expect.stringMatching(/not a valid Partita IVA/) });
    const { getCompanyLock } = await import('#shared/data/applications.ts');
    expect(await getCompanyLock(tableName, programmeId, endedVat)).toBeUndefined();
    expect(await getCompanyLock(tableName, programmeId, runningVat)).toBeDefined();
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const records = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :unlock)',
        ExpressionAttributeValues: { ':pk': `PROGRAMME#${programmeId}`, ':unlock': 'UNLOCK#' },
      }),
    );
    expect(records.Items).toEqual([expect.objectContaining({ vatNumber: endedVat, actor: 'cli' })]);
  });
});

describe('the CLI process', () => {
  const runCli = runAdminCli;

  it('prints its help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: npm run admin -- <command>');
    expect(stdout).toContain('managers import FILE.csv');
  });

  it('refuses a bad file against the stack, with line numbers and exit code 1', async () => {
    const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '';
    const { code, stderr } = await runCli([
      'managers',
      'import',
      'test/events/managers.bad.csv',
      '--endpoint',
      endpoint,
      '--table',
      tableName,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('nothing was imported');
    expect(stderr).toContain('line 3: email:');
    expect(stderr).toContain('line 8: expected 13 cells');
  });
});
