// State aid on the local stack, as the firm, the programme office and the operator meet it: the
// self-declaration at intake, the de minimis check at screening and at the financing decision
// (with the figures), the aid registered in the RNA (its COR) before the project is launched, the
// wait for the COR with its reminder and escalation, the COR file import that resumes exactly the
// journeys it names, and two programmes approving at once for firms of the same group.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { documentClient } from '#shared/data/client.ts';
import { budgetCommittedEur } from '#shared/data/programme-budget.ts';
import {
  getAidByConcession,
  listAidsOfProgramme,
  readUndertakingAid,
  reserveBudgetWithAid,
} from '#shared/data/state-aid.ts';
import { keys } from '#shared/data/table-design.ts';
import type { AidGrant } from '#shared/domain/state-aid.ts';
import { formatEuro } from '#shared/i18n/format.ts';
import { fileAidRegistry, importCors } from '#shared/use-cases/aid-register.ts';
import { runAdminCli } from '../support/admin-cli.ts';
import { eventually, randomVatNumber } from '../support/fixtures.ts';
import {
  apply,
  assessmentAnswer,
  emailTo,
  finished,
  local,
  newManager,
  newProgramme,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

/** Whole journeys through the local stack: generous when the machine is busy (CI runs suites side by side). */
const slow = 90_000;

const table = () => ['--endpoint', process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '', '--table', tableName];
const target = () => [...table(), '--stepfunctions-endpoint', local.stepFunctions];

/** An ISO date `days` before today (UTC; the tests never run near midnight in Rome by more than a day). */
/** Money as the Italian pages write it. */
const euro = (amount: number) => formatEuro(amount, 'it');

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const deMinimis = (assessmentEur = 0) => ({
  stateAid: {
    regime: 'de_minimis',
    carCode: '12345',
    aidValues: { assessmentEur, financingPercent: 100 },
  },
});

/** A declaration of the firm's single undertaking. */
const declaring = (linkedVatNumbers: string[], aids: { amountEur: number; grantedOn: string }[]) => ({
  linkedVatNumbers,
  deMinimis: aids.map((aid) => ({
    grantingBody: 'Regione Lombardia',
    regulation: 'Reg. (UE) 2023/2831',
    ...aid,
  })),
});

async function submit(body: unknown) {
  const response = await fetch(`${local.site}/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'en' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Drives a journey to the financing request: accept, assess with a project; returns the link. */
async function toFinancing(
  managerEmail: string,
  officeEmail: string,
  programmeId: string,
  stateAid: unknown,
  vatNumber = randomVatNumber(),
  nth = 1,
) {
  const sme = await apply(programmeId, 'it', (application) => {
    application.stateAid = stateAid;
    application.company.vatNumber = vatNumber;
    application.company.legalForm = 'srl';
  });
  expect(
    (
      await postJson(taskLink(await emailTo(managerEmail, /Proposta di incarico/, nth)), {
        decision: 'accept',
      })
    ).status,
  ).toBe(200);
  const assessed = await postJson(
    taskLink(await emailTo(managerEmail, /Registra l’assessment/, nth)),
    assessmentAnswer(true),
  );
  expect(assessed.status).toBe(200);
  const financing = taskLink(
    await emailTo(officeEmail, new RegExp(`Decisione sul finanziamento: ${sme.companyName}`)),
  );
  return { ...sme, vatNumber, financing };
}

const aidOf = (applicationId: string) => eventually(() => getAidByConcession(tableName, applicationId));

describe('state aid', { timeout: slow }, () => {
  it('asks the declaration where the programme checks de minimis aid, and refuses a bad one field by field', async () => {
    // Prepare
    const manager = await newManager();
    const checked = await newProgramme([manager], deMinimis() as never);
    const unchecked = await newProgramme([manager]);
    const firm = randomVatNumber();
    const base = () => ({
      programmeId: checked.id,
      company: {
        name: 'Officina Dichiarante S.r.l.',
        vatNumber: firm,
        atecoCode: '25.62.00',
        province: 'VA',
      },
      size: { employees: 12, turnoverEur: 1_500_000, balanceSheetEur: 900_000 },
      contact: { name: 'Anna Prova', email: `anna.${randomUUID().slice(0, 8)}@example.it` },
      interests: ['digital'],
      consent: { privacy: true },
    });

    // Act
    const missing = await submit(base());
    const ownNumber = await submit({ ...base(), stateAid: declaring([firm], []) });
    const future = await submit({
      ...base(),
      stateAid: declaring([], [{ amountEur: 1_000, grantedOn: '2999-01-01' }]),
    });
    const incomplete = await submit({
      ...base(),
      stateAid: { linkedVatNumbers: ['123'], deMinimis: [{ grantingBody: 'Comune di Varese' }] },
    });
    const elsewhere = await submit({ ...base(), programmeId: unchecked.id });

    // Assess
    const fields = (answer: { body: Record<string, unknown> }) =>
      (answer.body.fields as { field: string; message: string }[]).map((error) => [
        error.field,
        error.message,
      ]);
    expect(missing.status).toBe(422);
    expect(fields(missing)).toEqual([['stateAid', 'State aid declaration: this field is required.']]);
    expect(ownNumber.status).toBe(422);
    expect(fields(ownNumber)).toEqual([
      [
        'stateAid.linkedVatNumbers',
        'VAT numbers of the linked firms: do not list your own firm’s VAT number.',
      ],
    ]);
    expect(fields(future)).toEqual([
      ['stateAid.deMinimis.0.grantedOn', 'De minimis aid 1, date granted: the date cannot be in the future.'],
    ]);
    expect(fields(incomplete).map(([field]) => field)).toEqual([
      'stateAid.linkedVatNumbers',
      'stateAid.deMinimis.0.grantedOn',
      'stateAid.deMinimis.0.amountEur',
      'stateAid.deMinimis.0.regulation',
    ]);
    // A programme that gives no state aid asks nothing and keeps nothing.
    expect(elsewhere.status).toBe(201);
    const kept = await getApplication(tableName, String(elsewhere.body.applicationId));
    expect(kept?.stateAid).toBeUndefined();
    // Nothing was granted: the firm's register says so.
    const register = await runAdminCli(['aid', 'register', '--vat', firm, ...table()]);
    expect(register.code).toBe(0);
    expect(register.stdout).toContain(`No aid recorded for Partita IVA ${firm}.`);
  });

  it('screens out a firm the programme’s first benefit would take over the ceiling, counting only aid in the window', async () => {
    // Prepare: the assessment is worth €5,000 of aid; the ceiling is €300,000 over three years.
    const manager = await newManager();
    const programme = await newProgramme([manager], deMinimis(5_000) as never);

    // Act
    const over = await apply(programme.id, 'it', (a) => {
      a.stateAid = declaring([], [{ amountEur: 295_000.01, grantedOn: daysAgo(30) }]);
    });
    const exactly = await apply(programme.id, 'it', (a) => {
      a.stateAid = declaring(
        [],
        [
          { amountEur: 200_000, grantedOn: daysAgo(400) },
          { amountEur: 95_000, grantedOn: daysAgo(10) },
        ],
      );
    });
    const outOfWindow = await apply(programme.id, 'it', (a) => {
      a.stateAid = declaring([], [{ amountEur: 299_000, grantedOn: daysAgo(3 * 366 + 5) }]);
    });

    // Assess
    const screened = (applicationId: string) =>
      eventually(async () => {
        const application = await getApplication(tableName, applicationId);
        return application?.status === 'submitted' ? undefined : application;
      });
    expect((await screened(over.applicationId))?.ineligibilityReason).toBe('de_minimis_exceeded');
    expect((await screened(exactly.applicationId))?.ineligibilityReason).toBeUndefined();
    expect((await screened(outOfWindow.applicationId))?.ineligibilityReason).toBeUndefined();
    // The firm screened out gave back the place it claimed on arrival; the other two hold theirs.
    const { Item: counters } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.programmeCounters(programme.id),
        ConsistentRead: true,
      }),
    );
    expect(counters?.placesClaimed).toBe(2);
    const notice = await emailTo(over.smeEmail, /Esito della verifica dei requisiti/);
    expect(notice.text).toContain('«de minimis»');
  });

  it('shows the headroom at the decision, refuses more with the figures, and launches only once the COR is recorded', async () => {
    // Prepare: the firm declared €280,000 received a year ago; its headroom is €20,000.
    const manager = await newManager();
    const programme = await newProgramme([manager], deMinimis() as never);
    const sme = await toFinancing(
      manager.email,
      programme.officeEmail,
      programme.id,
      declaring([], [{ amountEur: 280_000, grantedOn: daysAgo(365) }]),
    );

    // Act 1: the office opens the decision and asks for more than the headroom
    const page = await (await fetch(sme.financing, { headers: { Accept: 'text/html' } })).text();
    const tooMuch = await postJson(
      sme.financing,
      { decision: 'approve', amountEur: 35_000 },
      { 'Accept-Language': 'en' },
    );

    // Assess 1
    expect(page).toContain(`massimale ${euro(300_000)}, già utilizzati ${euro(280_000)}`);
    expect(page).toContain(`disponibili ${euro(20_000)}`);
    expect(tooMuch.status).toBe(422);
    expect(JSON.stringify(tooMuch.body)).toContain(
      `Amount approved (€): the aid would exceed the single undertaking’s de minimis ceiling (ceiling ${formatEuro(300_000, 'en')}, already used in the period ${formatEuro(280_000, 'en')}, headroom ${formatEuro(20_000, 'en')}); at most ${formatEuro(20_000, 'en')} can be approved.`,
    );

    // Act 2: within the headroom; the office is asked to register the aid
    expect((await postJson(sme.financing, { decision: 'approve', amountEur: 15_000 })).status).toBe(200);
    const registration = taskLink(await emailTo(programme.officeEmail, /Registrare l’aiuto nel RNA/));
    const pending = await aidOf(sme.applicationId);
    const registrationPage = await (await fetch(registration, { headers: { Accept: 'text/html' } })).text();
    const notACor = await postJson(registration, { cor: 'COR-1' });

    // Assess 2: nothing launched while the aid waits for its COR
    expect(pending).toMatchObject({
      status: 'pending_registration',
      carCode: '12345',
      aidAmountEur: 15_000,
      nominalAmountEur: 15_000,
      beneficiary: { vatNumber: sme.vatNumber, legalForm: 'srl', sizeClass: 'small' },
      regulation: 'Reg. (UE) 2023/2831',
    });
    // Kept ten years from the concession, whatever the programme's retention of personal data.
    const { Item: stored } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: keys.aid(sme.vatNumber, sme.applicationId) }),
    );
    const [year, month, day] = pending.grantedOn.split('-').map(Number) as [number, number, number];
    expect(stored?.expiresAt).toBe(Date.UTC(year + 10, month - 1, day + 1) / 1000);
    expect(registrationPage).toContain(sme.applicationId);
    expect(registrationPage).toContain('12345');
    expect(notACor.status).toBe(422);
    expect((await getApplication(tableName, sme.applicationId))?.projectId).toBeUndefined();
    const status = await (await fetch(sme.statusUrl, { headers: { Accept: 'text/html' } })).text();
    expect(status).toContain(
      'L’ufficio del programma sta registrando l’aiuto nel Registro nazionale aiuti di Stato',
    );

    // Act 3: the COR
    const cor = String(Date.now()).slice(-9);
    expect((await postJson(registration, { cor })).status).toBe(200);
    const launched = await emailTo(sme.smeEmail, /Progetto avviato/);

    // Assess 3: launched, the COR in the firm's e-mail and in the register
    expect(launched.text).toContain(`Codice COR dell’aiuto nel Registro nazionale aiuti di Stato: ${cor}.`);
    expect((await finished(sme.applicationId)).status).toBe('SUCCEEDED');
    const register = await runAdminCli(['aid', 'register', '--vat', sme.vatNumber, ...table()]);
    expect(register.code).toBe(0);
    expect(register.stdout).toContain(cor);
    expect(register.stdout).toContain('registered');
  });

  it('waits for the COR with a reminder, escalates to every office address, then closes and gives the budget back', async () => {
    // Prepare: a week becomes seconds at the tests' time scale.
    const manager = await newManager();
    const offices = [
      `first.${randomUUID().slice(0, 8)}@example.it`,
      `second.${randomUUID().slice(0, 8)}@example.it`,
    ];
    const programme = await newProgramme([manager], {
      ...deMinimis(),
      officeEmails: offices,
      timeouts: {
        offerReminderHours: 240,
        offerExpiryHours: 480,
        noManagerRetryHours: 24,
        escalationReminderHours: 240,
        escalationExpiryHours: 480,
        assessmentReminderHours: 240,
        assessmentExpiryHours: 480,
        financingReminderHours: 240,
        financingExpiryHours: 480,
        registrationReminderHours: 1,
        registrationExpiryHours: 2,
      },
    } as never);
    const sme = await toFinancing(manager.email, offices[0] ?? '', programme.id, declaring([], []));

    // Act
    expect((await postJson(sme.financing, { decision: 'approve', amountEur: 10_000 })).status).toBe(200);
    const committed = await eventually(async () =>
      (await budgetCommittedEur(tableName, programme.id)) > 0
        ? budgetCommittedEur(tableName, programme.id)
        : undefined,
    );
    const first = await emailTo(offices[0] ?? '', /^Registrare l’aiuto nel RNA/);
    const reminder = await emailTo(offices[0] ?? '', /^Promemoria: Registrare l’aiuto nel RNA/, 1, 20_000);
    const escalated = await emailTo(offices[1] ?? '', /^Promemoria: Registrare l’aiuto nel RNA/, 1, 20_000);
    const execution = await finished(sme.applicationId, 30_000);

    // Assess
    expect(committed).toBe(10_000);
    expect(String(first.to)).toBe(offices[0]);
    expect(String(reminder.to)).toBe(offices[0]);
    for (const office of offices) expect(String(escalated.to)).toContain(office);
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'closed_by_office' });
    expect(await budgetCommittedEur(tableName, programme.id)).toBe(0);
    expect((await getAidByConcession(tableName, sme.applicationId))?.status).toBe('cancelled');
    // A COR arriving for it now is refused: the aid was never granted.
    const dir = await mkdtemp(join(tmpdir(), 'cor-'));
    await writeFile(join(dir, 'late.csv'), `concessionId,cor\n${sme.applicationId},99887766\n`);
    const late = await runAdminCli(['aid', 'cor', 'import', join(dir, 'late.csv'), ...target()]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('was cancelled');
  });

  it('exports the pending aids and imports the CORs all or nothing, resuming exactly the journeys named', async () => {
    // Prepare: two approvals waiting for their COR
    const manager = await newManager({ capacity: 3 });
    const programme = await newProgramme([manager], deMinimis() as never);
    const one = await toFinancing(
      manager.email,
      programme.officeEmail,
      programme.id,
      declaring([], []),
      randomVatNumber(),
      1,
    );
    const two = await toFinancing(
      manager.email,
      programme.officeEmail,
      programme.id,
      declaring([], []),
      randomVatNumber(),
      2,
    );
    for (const sme of [one, two])
      expect((await postJson(sme.financing, { decision: 'approve', amountEur: 12_000 })).status).toBe(200);
    await aidOf(one.applicationId);
    await aidOf(two.applicationId);
    await emailTo(programme.officeEmail, /Registrare l’aiuto nel RNA/, 2);
    const dir = await mkdtemp(join(tmpdir(), 'cor-'));
    const file = (name: string, text: string) => writeFile(join(dir, name), text).then(() => join(dir, name));

    // Act 1: the export, as CSV and XML
    const csv = await runAdminCli(['aid', 'export', '--programme', programme.id, ...table()]);
    const xmlPath = join(dir, 'aids.xml');
    const xml = await runAdminCli([
      'aid',
      'export',
      '--programme',
      programme.id,
      '--format',
      'xml',
      '--out',
      xmlPath,
      ...table(),
    ]);

    // Assess 1
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^concessionId,carCode,regime,regulation,beneficiaryTaxCode,beneficiaryVatNumber,beneficiaryName,/,
    );
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual([one.applicationId, two.applicationId].sort());
    expect(csv.stderr).toContain(`2 aid(s) of ${programme.id} waiting for their COR`);
    expect(xml.code).toBe(0);
    expect(await readFile(xmlPath, 'utf8')).toContain(`<concessionId>${one.applicationId}</concessionId>`);

    // Act 2: a file with one good row and one bad: nothing recorded
    const mixed = await runAdminCli([
      'aid',
      'cor',
      'import',
      await file(
        'mixed.csv',
        `concessionId,cor\n${one.applicationId},5550001\n${randomUUID()},5550002\n${two.applicationId},55x\n`,
      ),
      ...target(),
    ]);
    const wrongHeader = await runAdminCli([
      'aid',
      'cor',
      'import',
      await file('header.csv', `id;cor\n${one.applicationId};1\n`),
      ...target(),
    ]);

    // Assess 2
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('line 3: no aid has the concession ID');
    expect(mixed.stderr).toContain('line 4: COR "55x" is not a COR');
    expect(mixed.stderr).toContain('Nothing was recorded: 2 problem(s).');
    expect(wrongHeader.code).toBe(1);
    expect(wrongHeader.stderr).toContain('the header must be "concessionId,cor"');
    expect((await getAidByConcession(tableName, one.applicationId))?.status).toBe('pending_registration');

    // Act 3: the COR of the first only, then the same file again, then its COR for the second
    const onlyOne = await file('one.csv', `concessionId,cor\n${one.applicationId},5550001\n`);
    const imported = await runAdminCli(['aid', 'cor', 'import', onlyOne, ...target()]);
    const launched = await emailTo(one.smeEmail, /Progetto avviato/);
    const again = await runAdminCli(['aid', 'cor', 'import', onlyOne, ...target()]);
    const taken = await runAdminCli([
      'aid',
      'cor',
      'import',
      await file('taken.csv', `concessionId,cor\n${two.applicationId},5550001\n`),
      ...target(),
    ]);

    // Assess 3: exactly the first journey resumed; the second still waits
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`${one.applicationId}\\s+5550001\\s+resumed`));
    expect(launched.text).toContain('5550001');
    expect((await finished(one.applicationId)).status).toBe('SUCCEEDED');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/unchanged/);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`COR 5550001 is already recorded for the aid ${one.applicationId}`);
    expect((await getAidByConcession(tableName, two.applicationId))?.status).toBe('pending_registration');
    expect((await getApplication(tableName, two.applicationId))?.projectId).toBeUndefined();
    // The office downloads the register from its area too (Italian: `;`, decimal commas).
    const register = await (await fetch(`${local.site}/admin/programmes/${programme.id}/aids.csv`)).text();
    const registerRows = register
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(registerRows[0]).toMatch(/^ID concessione;Codice CAR;Regime;Regolamento;/);
    expect(registerRows).toHaveLength(3);
    expect(register).toMatch(new RegExp(`${one.applicationId};12345;de_minimis;.*;registered;5550001;`));
    expect(register).toMatch(new RegExp(`${two.applicationId};12345;.*;pending_registration;;`));
    const aids = await listAidsOfProgramme(tableName, programme.id);
    expect(aids.map((aid) => [aid.concessionId, aid.status]).sort()).toEqual(
      [
        [one.applicationId, 'registered'],
        [two.applicationId, 'pending_registration'],
      ].sort(),
    );

    // Act 4: two imports at once give the second aid two different CORs (both pass their checks)
    const importing = (cor: string) =>
      importCors(
        tableName,
        fileAidRegistry({ read: async () => `concessionId,cor\n${two.applicationId},${cor}\n` }),
        new Date(),
      );
    const raced = await Promise.all([importing('5550002'), importing('5550003')]);

    // Assess 4: one COR is recorded and its journey resumed; the other import says it was not
    const outcomes = raced.map((result) => (result.ok ? result.rows[0]?.outcome : 'refused'));
    expect(outcomes.filter((outcome) => outcome === 'resumed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'conflict' || outcome === 'refused')).toHaveLength(1);
    const winner = raced.findIndex((result) => result.ok && result.rows[0]?.outcome === 'resumed');
    expect((await getAidByConcession(tableName, two.applicationId))?.cor).toBe(
      ['5550002', '5550003'][winner],
    );
    const conflict = raced.find((result) => result.ok && result.rows[0]?.outcome === 'conflict');
    if (conflict?.ok) expect(conflict.rows[0]?.conflict).toBe('different_cor');
    expect((await finished(two.applicationId)).status).toBe('SUCCEEDED');
  });

  it('lets two programmes approving at once for firms of one group never pass the ceiling together', async () => {
    // Prepare: firms A and B declare each other; each approval alone fits, both do not.
    const manager = await newManager({ capacity: 3 });
    const generous = { ...deMinimis(), budget: { totalEur: 1_000_000, perProjectCapEur: 250_000 } };
    const first = await newProgramme([manager], generous as never);
    const second = await newProgramme([manager], generous as never);
    const [vatA, vatB] = [randomVatNumber(), randomVatNumber()];
    const a = await toFinancing(manager.email, first.officeEmail, first.id, declaring([vatB], []), vatA, 1);
    const b = await toFinancing(manager.email, second.officeEmail, second.id, declaring([vatA], []), vatB, 2);

    // Act: both offices approve €200,000 at the same moment
    const answers = await Promise.all(
      [a, b].map((sme) => postJson(sme.financing, { decision: 'approve', amountEur: 200_000 })),
    );

    // Assess: both pages accepted (each saw €300,000 free), exactly one aid was granted, and the
    // other office is asked to decide again, now seeing €100,000 free.
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const asked = await eventually(async () => {
      const aids = [
        await getAidByConcession(tableName, a.applicationId),
        await getAidByConcession(tableName, b.applicationId),
      ];
      const granted = aids.filter((aid): aid is AidGrant => aid !== undefined);
      return granted.length === 1 ? granted : undefined;
    }, 20_000);
    const loser = asked[0]?.concessionId === a.applicationId ? b : a;
    const loserOffice = loser === a ? first.officeEmail : second.officeEmail;
    const askedAgain = await emailTo(loserOffice, /Decisione sul finanziamento/, 2);
    expect(askedAgain.text).toContain('margine «de minimis» dell’impresa');
    const again = taskLink(askedAgain);
    const page = await (await fetch(again, { headers: { Accept: 'text/html' } })).text();
    expect(page).toContain(`già utilizzati ${euro(200_000)}`);
    expect(page).toContain(`disponibili ${euro(100_000)}`);
    expect((await postJson(again, { decision: 'approve', amountEur: 200_000 })).status).toBe(422);
    expect(await getAidByConcession(tableName, loser.applicationId)).toBeUndefined();
  });

  it('refuses a grant written on figures another grant to the group has changed (the atomic step)', async () => {
    // Prepare: a snapshot of a group read before a grant to one of its firms lands
    const [vatA, vatB] = [randomVatNumber(), randomVatNumber()];
    const stale = await readUndertakingAid(tableName, vatA, [vatB]);
    const grant = (vat: string, concessionId: string): AidGrant => ({
      concessionId,
      applicationId: concessionId,
      programmeId: 'atomic-test',
      regime: 'de_minimis',
      regulation: 'Reg. (UE) 2023/2831',
      carCode: null,
      beneficiary: {
        vatNumber: vat,
        name: 'Prova',
        sizeClass: 'small',
        atecoCode: '25.62.00',
        atecoVersion: '2025',
        province: 'VA',
      },
      projectTitle: 'Prova',
      projectStartsOn: daysAgo(0),
      projectEndsOn: daysAgo(-30),
      grantedOn: daysAgo(0),
      instrument: 'grant',
      nominalAmountEur: 1,
      aidAmountEur: 1,
      costItems: [],
      status: 'pending_registration',
      createdAt: new Date().toISOString(),
    });
    const budget = (applicationId: string) => ({
      programmeId: `atomic-${randomUUID().slice(0, 8)}`,
      applicationId,
      amountEur: 1,
      budgetTotalEur: 10,
      at: new Date().toISOString(),
    });
    // The applications the reservations update (only their keys and status matter here).
    const [idB, idA] = [randomUUID(), randomUUID()];
    for (const id of [idA, idB])
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.application(id), status: 'financing_pending' },
        }),
      );

    // Act: B's grant lands first, then A's is written with the snapshot read before it
    const landed = await reserveBudgetWithAid(
      tableName,
      budget(idB),
      grant(vatB, idB),
      await readUndertakingAid(tableName, vatB, []),
    );
    const refused = await reserveBudgetWithAid(tableName, budget(idA), grant(vatA, idA), stale);
    const fresh = await readUndertakingAid(tableName, vatA, [vatB]);

    // Assess
    expect(landed).toBe('reserved');
    expect(refused).toBe('undertaking_changed');
    expect(fresh.grants.map((g) => g.concessionId)).toEqual([idB]);
    expect(await getAidByConcession(tableName, idA)).toBeUndefined();
    // Read again, A's declaration finds B's grant, and the write goes through.
    expect(await reserveBudgetWithAid(tableName, budget(idA), grant(vatA, idA), fresh)).toBe('reserved');
  });
});
