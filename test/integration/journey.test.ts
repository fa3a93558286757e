// The SME journey end to end on the local stack, through e-mail links only: offers, reminders and
// expiry, the next manager, escalation, assessment, financing, budget, launch and withdrawal. Each
// test has its own programme (own roster, office, timeouts), so tests never share managers.
import { describe, expect, it } from 'vitest';
import { putManager } from '#shared/data/managers.ts';
import { eventually, randomVatNumber } from '../support/fixtures.ts';
import {
  apply,
  assessmentAnswer,
  emailTo,
  executionArn,
  finished,
  history,
  loadOf,
  local,
  newManager,
  newProgramme,
  outbox,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

/** Hours that become fractions of a second at the tests' time scale (0.001). */
const quickOffers = {
  offerReminderHours: 0.5,
  offerExpiryHours: 1,
  noManagerRetryHours: 0.5,
  escalationReminderHours: 24,
  escalationExpiryHours: 48,
  assessmentReminderHours: 500,
  assessmentExpiryHours: 720,
  financingReminderHours: 240,
  financingExpiryHours: 336,
};

describe('the SME journey', () => {
  it('goes from application to a launched project through the e-mailed links only', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);

    // Act: the manager opens the offer (twice, as a mail scanner would), then accepts.
    const offerLink = taskLink(await emailTo(manager.email, /Proposta di incarico/));
    const shown = await fetch(offerLink, { headers: { Accept: 'text/html' } });
    const head = await fetch(offerLink, { method: 'HEAD' });
    const accepted = await postJson(offerLink, { decision: 'accept' });
    const acceptedAgain = await postJson(offerLink, { decision: 'accept' });
    const introToSme = await emailTo(sme.smeEmail, /Il tuo manager/);
    const assessmentLink = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    const assessmentPage = await fetch(assessmentLink, { headers: { Accept: 'text/html' } });
    await fetch(assessmentLink, { method: 'HEAD' });
    const assessed = await postJson(assessmentLink, assessmentAnswer(true));
    const summary = await emailTo(sme.smeEmail, /risultato dell’assessment/);
    const financingLink = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    const financingPage = await fetch(financingLink, { headers: { Accept: 'text/html' } });
    await fetch(financingLink, { method: 'HEAD' });
    const approved = await postJson(financingLink, { decision: 'approve', amountEur: 35_000 });
    const execution = await finished(sme.applicationId);

    // Assess
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
    expect(head.status).toBe(200);
    expect(accepted).toMatchObject({ status: 200, body: { status: 'answered', decision: 'accept' } });
    expect(acceptedAgain.status).toBe(409);
    expect(introToSme.text).toContain(manager.email);
    expect(assessmentPage.status).toBe(200);
    expect(assessed.status).toBe(200); // the GET and HEAD before it changed nothing
    expect(financingPage.status).toBe(200);
    expect(await financingPage.text()).toContain('MES e raccolta dati di macchina');
    expect(summary.text).toMatch(/37[,.]5/); // the mean of the six DMA scores
    expect(approved.status).toBe(200);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'launched' });
    await emailTo(sme.smeEmail, /Progetto avviato/);
    await emailTo(manager.email, /Progetto avviato/);
    const status = await fetch(sme.statusUrl, { headers: { Accept: 'application/json' } });
    expect(await status.json()).toMatchObject({ status: 'launched' });
    expect(await loadOf(manager.managerId)).toBe(1); // the programme keeps the manager on the project
  });

  it('keeps IDs only in the execution history, whatever the people wrote', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    const offerLink = taskLink(await emailTo(manager.email, /Proposta di incarico/));
    await postJson(offerLink, { decision: 'accept' });
    const assessmentLink = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    await postJson(assessmentLink, assessmentAnswer(false));
    await finished(sme.applicationId);

    // Act
    const text = JSON.stringify(await history(sme.applicationId));

    // Assess
    for (const secret of [sme.companyName, sme.smeEmail, manager.email, manager.name, 'CNC', 'Produzione']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/\/tasks\/[A-Za-z0-9_-]{43}/);
  });

  it('closes as assessed without project when none is recommended, freeing the manager', async () => {
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/)), assessmentAnswer(false));

    const execution = await finished(sme.applicationId);

    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'assessed_no_project' });
    expect(await loadOf(manager.managerId)).toBe(0);
    await emailTo(sme.smeEmail, /Percorso concluso/);
  });

  it('closes as financing rejected when the office rejects, and says so on the status page', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const rejected = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/)), assessmentAnswer(true));
    const rejectLink = taskLink(await emailTo(programme.officeEmail, new RegExp(rejected.companyName)));

    // Act
    const noReason = await postJson(rejectLink, { decision: 'reject' });
    await postJson(rejectLink, { decision: 'reject', reason: 'Progetto non coerente con il bando' });

    // Assess
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const execution = await finished(rejected.applicationId);
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'financing_rejected' });
    for (const [lang, text] of [
      ['it', 'L’ufficio del programma non ha approvato'],
      ['en', 'The programme office did not approve funding'],
    ]) {
      const page = await fetch(`${rejected.statusUrl}?lang=${lang}`, { headers: { Accept: 'text/html' } });
      expect(await page.text()).toMatch(new RegExp(`data-testid="journey-outcome">${text}`));
    }
  });

  it('refuses an approval above the per-project cap or the budget left when it is posted, naming the limit; the task stays open', async () => {
    // Prepare: €30,000 of budget, a €25,000 cap per project.
    const manager = await newManager();
    const programme = await newProgramme([manager], {
      budget: { totalEur: 30_000, perProjectCapEur: 25_000 },
    });
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/)), assessmentAnswer(true));
    const link = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));

    // Act
    const overCap = await postJson(link, { decision: 'approve', amountEur: 26_000 });
    const overCapEnglish = await postJson(
      link,
      { decision: 'approve', amountEur: 26_000 },
      { 'Accept-Language': 'en' },
    );
    const stillOpen = await fetch(link, { headers: { Accept: 'application/json' } });
    const approved = await postJson(link, { decision: 'approve', amountEur: 25_000 });

    // Assess
    expect(overCap.status).toBe(422);
    expect(JSON.stringify(overCap.body)).toMatch(/tetto per progetto.*25\.000/);
    expect(JSON.stringify(overCapEnglish.body)).toMatch(/per-project cap.*25,000/);
    expect(((await stillOpen.json()) as { status: string }).status).toBe('open');
    expect(approved.status).toBe(200);
    const execution = await finished(sme.applicationId);
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'launched' });
  });

  it('refuses an approval above the budget left, and asks the office again when a concurrent approval took the budget', async () => {
    // Prepare: €50,000 of budget; three projects of €30,000 each.
    const manager = await newManager({ capacity: 3 });
    const programme = await newProgramme([manager], {
      budget: { totalEur: 50_000, perProjectCapEur: 40_000 },
    });
    const smes = [await apply(programme.id), await apply(programme.id), await apply(programme.id)];
    const links: string[] = [];
    for (const sme of smes) {
      const offer = await emailTo(manager.email, new RegExp(`Proposta di incarico: ${sme.companyName}`));
      await postJson(taskLink(offer), { decision: 'accept' });
      const request = await emailTo(manager.email, new RegExp(`Registra l’assessment di ${sme.companyName}`));
      await postJson(taskLink(request), assessmentAnswer(true));
      links.push(
        taskLink(await emailTo(programme.officeEmail, new RegExp(`finanziamento: ${sme.companyName}`))),
      );
    }

    // Act: two approvals at once (each fits the budget left when posted), then the third.
    const [first, second] = await Promise.all([
      postJson(links[0] ?? '', { decision: 'approve', amountEur: 30_000 }),
      postJson(links[1] ?? '', { decision: 'approve', amountEur: 30_000 }),
    ]);
    const askedAgain = await eventually(async () => {
      const found = (await outbox()).filter(
        (m) =>
          m.to.includes(programme.officeEmail) &&
          /Decisione sul finanziamento/.test(m.subject) &&
          m.text.includes('non rientra più nel budget ancora disponibile'),
      );
      return found[0];
    }, 20_000);
    const third = await postJson(links[2] ?? '', { decision: 'approve', amountEur: 30_000 });
    const refusedAgain = await postJson(taskLink(askedAgain), { decision: 'approve', amountEur: 30_000 });
    await postJson(taskLink(askedAgain), { decision: 'reject', reason: 'Budget esaurito' });

    // Assess: one launched; the other's office got the decision again, with the reason, and the
    // budget left (€20,000) is what the page allows from then on.
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(askedAgain.text).toContain('non rientra più nel budget ancora disponibile');
    const loser = smes.slice(0, 2).find((sme) => askedAgain.subject.includes(sme.companyName));
    const winner = smes.slice(0, 2).find((sme) => sme !== loser);
    expect(loser).toBeDefined();
    expect(JSON.parse((await finished(winner?.applicationId ?? '')).output ?? '{}')).toMatchObject({
      outcome: 'launched',
    });
    expect(refusedAgain.status).toBe(422);
    expect(JSON.stringify(refusedAgain.body)).toMatch(/budget del programma ancora disponibile.*20\.000/);
    expect(third.status).toBe(422);
    expect(JSON.parse((await finished(loser?.applicationId ?? '')).output ?? '{}')).toMatchObject({
      outcome: 'financing_rejected',
    });
  });

  it('escalates an unanswered financing decision to every office address, whose fresh link still decides it', async () => {
    // Prepare: financing reminder and deadline pass in seconds.
    const manager = await newManager();
    const suffix = Math.random().toString(36).slice(2, 8);
    const offices = [`head.${suffix}@example.it`, `deputy.${suffix}@example.it`];
    const programme = await newProgramme([manager], {
      officeEmails: offices,
      timeouts: {
        ...quickOffers,
        offerReminderHours: 500,
        offerExpiryHours: 720,
        financingReminderHours: 0.5,
        financingExpiryHours: 1,
      },
    });
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/)), assessmentAnswer(true));

    // Act: nobody answers the first request nor its reminder.
    const firstLink = taskLink(await emailTo(offices[0] ?? '', /Decisione sul finanziamento/));
    const escalated = await eventually(async () => {
      const found = (await outbox()).filter(
        (m) => m.to.includes(offices[1] ?? '') && m.subject.includes(sme.companyName),
      );
      return found[0];
    }, 20_000);
    const late = await postJson(firstLink, { decision: 'approve', amountEur: 30_000 });
    const decided = await postJson(taskLink(escalated), { decision: 'approve', amountEur: 30_000 });
    const execution = await finished(sme.applicationId);

    // Assess
    expect(escalated.to).toContain(offices[0]);
    expect(late.status).toBe(410);
    expect(decided.status).toBe(200);
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'launched' });
  });

  it('offers the next manager after a decline, never the same one again', async () => {
    // Prepare: the first choice has the better merit.
    const first = await newManager({ merit: 95 });
    const second = await newManager({ merit: 60 });
    const programme = await newProgramme([first, second]);
    const sme = await apply(programme.id);

    // Act
    const declined = await postJson(taskLink(await emailTo(first.email, /Proposta di incarico/)), {
      decision: 'decline',
      reason: 'Conflitto di agenda',
    });
    const secondOffer = await emailTo(second.email, /Proposta di incarico/);

    // Assess
    expect(declined.status).toBe(200);
    expect(secondOffer.subject).toContain(sme.companyName);
    expect(await loadOf(first.managerId)).toBe(0);
    expect(await loadOf(second.managerId)).toBe(1);
    const { getApplication } = await import('#shared/data/applications.ts');
    const why = (await getApplication(tableName, sme.applicationId)) as unknown as {
      matchScores: { managerId: string; total: number; parts: Record<string, number> }[];
    };
    expect(why.matchScores.map((m) => m.managerId)).toEqual([first.managerId, second.managerId]);
    expect(why.matchScores[0]?.parts).toMatchObject({
      sector: expect.any(Number),
      merit: expect.any(Number),
    });
    const consolePage = await (
      await fetch(`${local.site}/_local/executions/${encodeURIComponent(executionArn(sme.applicationId))}`, {
        headers: { Accept: 'text/html' },
      })
    ).text();
    expect(consolePage).toContain('data-testid="match-scores"');
  });

  it('reminds a silent manager with a link that works like the first, then moves on when the offer expires', async () => {
    // Prepare
    const silent = await newManager({ merit: 95 });
    const next = await newManager({ merit: 60 });
    const programme = await newProgramme([silent, next], { timeouts: quickOffers });
    await apply(programme.id);

    // Act
    const firstLink = taskLink(await emailTo(silent.email, /Proposta di incarico/));
    const reminder = await emailTo(silent.email, /Promemoria/);
    const nextOffer = await emailTo(next.email, /Proposta di incarico/);
    const late = await postJson(firstLink, { decision: 'accept' });
    const lateReminder = await postJson(taskLink(reminder), { decision: 'accept' });

    // Assess
    expect(taskLink(reminder)).not.toBe(firstLink);
    expect(nextOffer).toBeDefined();
    expect(late.status).toBe(410);
    expect(lateReminder.status).toBe(410);
    expect(await loadOf(silent.managerId)).toBe(0);
  });

  it('escalates to the programme office when no manager is free, and closes when the office says so', async () => {
    // Prepare: a roster whose only manager is full.
    const busy = await newManager({ capacity: 0 });
    const programme = await newProgramme([busy], { timeouts: quickOffers });
    const sme = await apply(programme.id);

    // Act
    const escalation = await emailTo(programme.officeEmail, /Decisione richiesta/);
    const page = await fetch(taskLink(escalation), { headers: { Accept: 'text/html' } });
    const closed = await postJson(taskLink(escalation), {
      decision: 'close',
      reason: 'Nessun manager disponibile',
    });
    const execution = await finished(sme.applicationId);

    // Assess
    expect(page.status).toBe(200);
    expect(closed.status).toBe(200);
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'no_manager' });
  });

  it('gives a manager the office assigns for an overdue assessment a request and link of their own', async () => {
    // Prepare: the second manager is full at first, so the offer goes to the first.
    const silent = await newManager({ capacity: 2 });
    const second = await newManager({ capacity: 1, load: 1 });
    const programme = await newProgramme([silent, second], {
      timeouts: { ...quickOffers, assessmentReminderHours: 1, assessmentExpiryHours: 2 },
    });
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(silent.email, /Proposta di incarico/)), { decision: 'accept' });
    const firstLink = taskLink(await emailTo(silent.email, /Registra l’assessment/));

    // Act: nobody answers; after the reminder the office assigns the second manager.
    const escalation = await emailTo(programme.officeEmail, /Decisione richiesta/, 1, 30_000);
    await putManager(tableName, { ...second, capacity: 2 });
    const assigned = await postJson(taskLink(escalation), {
      decision: 'assign',
      managerId: second.managerId,
    });
    const secondLink = taskLink(await emailTo(second.email, /Registra l’assessment/, 1, 20_000));
    const late = await postJson(firstLink, assessmentAnswer(false));
    const answered = await postJson(secondLink, assessmentAnswer(false));
    const execution = await finished(sme.applicationId, 30_000);

    // Assess
    expect(assigned.status).toBe(200);
    expect(secondLink).not.toBe(firstLink);
    expect(late.status).toBe(410);
    expect(answered.status).toBe(200);
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'assessed_no_project' });
  });

  it('never offers the office, nor lets it assign, a manager tied to the firm (conflict of interest)', async () => {
    // Prepare: the roster's only free manager declared a tie to the firm; another is full.
    const vatNumber = randomVatNumber();
    const tied = await newManager({ capacity: 3, conflicts: [vatNumber] });
    const full = await newManager({ capacity: 0 });
    const free = await newManager({ capacity: 2, provinces: ['MI'] });
    const programme = await newProgramme([tied, full, free], {
      timeouts: quickOffers,
      matching: { maxOffers: 1 } as never,
    });
    const sme = await apply(programme.id, 'it', (application) => {
      application.company.vatNumber = vatNumber;
    });
    // The one offer goes to the free manager (matching skips the tied one); declined → escalation.
    const offer = await emailTo(free.email, /Proposta di incarico/);
    await postJson(taskLink(offer), { decision: 'decline', reason: 'Agenda piena' });
    const escalation = await emailTo(programme.officeEmail, /Decisione richiesta/);

    // Act
    const page = await (await fetch(taskLink(escalation), { headers: { Accept: 'text/html' } })).text();
    const assignTied = await postJson(taskLink(escalation), {
      decision: 'assign',
      managerId: tied.managerId,
    });
    const assignFull = await postJson(taskLink(escalation), {
      decision: 'assign',
      managerId: full.managerId,
    });
    const stillOpen = await fetch(taskLink(escalation), { headers: { Accept: 'application/json' } });

    // Assess
    expect(page).not.toContain(tied.managerId);
    expect(page).not.toContain(full.managerId);
    expect(assignTied.status).toBe(422);
    expect(JSON.stringify(assignTied.body)).toContain('conflitto di interessi');
    expect(assignFull.status).toBe(422);
    expect(((await stillOpen.json()) as { status: string }).status).toBe('open');
    expect(await loadOf(tied.managerId)).toBe(0);
    await postJson(taskLink(escalation), { decision: 'close', reason: 'Nessun manager senza conflitti' });
    expect(JSON.parse((await finished(sme.applicationId)).output ?? '{}')).toMatchObject({
      outcome: 'no_manager',
    });
  });

  it('refuses form posts from another site on secret links (financing, withdrawal), while JSON clients still answer', async () => {
    // Prepare: a journey waiting for the financing decision.
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/)), assessmentAnswer(true));
    const financing = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    const crossSiteForm = (url: string, body: string, headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });

    // Act
    const approve = await crossSiteForm(financing, 'decision=approve&amountEur=30000', {
      Origin: 'https://evil.example',
    });
    const withdraw = await crossSiteForm(sme.statusUrl, 'action=withdraw', {
      'Sec-Fetch-Site': 'cross-site',
    });
    const englishJson = await postJson(
      financing,
      { decision: 'approve', amountEur: 30_000 },
      {
        Origin: 'https://evil.example',
        'Accept-Language': 'en',
      },
    );
    const stillOpen = await fetch(financing, { headers: { Accept: 'application/json' } });
    const fromScript = await postJson(financing, { decision: 'approve', amountEur: 30_000 });

    // Assess
    expect(approve.status).toBe(403);
    expect(await approve.text()).toMatch(/solo dalle pagine di questo sito/);
    expect(withdraw.status).toBe(403);
    expect(englishJson.status).toBe(403);
    expect(englishJson.body).toMatchObject({
      error: 'crossSite',
      message: expect.stringMatching(/this site/),
    });
    expect(((await stillOpen.json()) as { status: string }).status).toBe('open');
    expect(fromScript.status).toBe(200);
    expect(JSON.parse((await finished(sme.applicationId)).output ?? '{}')).toMatchObject({
      outcome: 'launched',
    });
  });

  it('stops the journey and frees the manager when the SME withdraws from its status page', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    const offerLink = taskLink(await emailTo(manager.email, /Proposta di incarico/));

    // Act
    const withdrawn = await postJson(sme.statusUrl, { action: 'withdraw' });
    const again = await postJson(sme.statusUrl, { action: 'withdraw' });
    const execution = await finished(sme.applicationId);
    const lateAnswer = await postJson(offerLink, { decision: 'accept' });

    // Assess
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    expect(again.status).toBe(409);
    expect(execution.status).toBe('ABORTED');
    expect(lateAnswer.status).toBe(410);
    expect(await eventually(async () => ((await loadOf(manager.managerId)) === 0 ? true : undefined))).toBe(
      true,
    );
  });

  it('frees the firm’s place when a journey ends before an assessment, so nobody can lock a firm out', async () => {
    // Prepare: someone applies with the firm's Partita IVA, then withdraws.
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const vatNumber = randomVatNumber();
    const squatter = await apply(programme.id, 'it', (application) => {
      application.company.vatNumber = vatNumber;
    });
    const whileHeld = await apply(programme.id, 'it', (application) => {
      application.company.vatNumber = vatNumber;
    }).catch((error: Error) => error.message);

    // Act
    await postJson(squatter.statusUrl, { action: 'withdraw' });
    await finished(squatter.applicationId);
    const realFirm = await apply(programme.id, 'it', (application) => {
      application.company.vatNumber = vatNumber;
    });

    // Assess: refused while held (the 409 names the office to write to); accepted once freed.
    expect(whileHeld).toMatch(/^apply: 409 /);
    expect(whileHeld).toContain(programme.officeEmail);
    expect(realFirm.applicationId).not.toBe(squatter.applicationId);
  });

  it('keeps an assessment saved as a draft on its link, resumes it, and lets only the real answer reach the workflow', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    const link = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    const form = (fields: Record<string, string>) =>
      fetch(link, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
        body: new URLSearchParams(fields).toString(),
      });

    // Act: half a form saved (no scores yet, so it could not be an answer), then the page again.
    const saved = await form({
      intent: 'draft',
      lang: 'it',
      'dma.digitalBusinessStrategy': '35,5',
      findings: 'Dati di produzione raccolti a mano.',
    });
    const savedPage = await saved.text();
    const resumed = await (await fetch(link, { headers: { Accept: 'text/html' } })).text();
    const stillOpen = (await (await fetch(link, { headers: { Accept: 'application/json' } })).json()) as {
      status: string;
    };
    const summaryBefore = (await outbox()).filter(
      (m) => m.to.includes(sme.smeEmail) && /risultato/.test(m.subject),
    );
    const answered = await postJson(link, assessmentAnswer(true));

    // Assess
    expect(saved.status).toBe(200);
    expect(savedPage).toMatch(/data-testid="task-notice">Bozza salvata il /);
    expect(resumed).toMatch(/data-testid="task-notice">Stai riprendendo la bozza salvata il /);
    expect(resumed).toMatch(/name="dma.digitalBusinessStrategy"[^>]*value="35,5"/);
    expect(resumed).toContain('Dati di produzione raccolti a mano.');
    expect(stillOpen.status).toBe('open');
    expect(summaryBefore).toEqual([]);
    expect(answered.status).toBe(200);
    await emailTo(sme.smeEmail, /risultato dell’assessment/);
  });

  it('refuses a draft too large to keep, with a message, keeping the draft saved before', async () => {
    // Prepare: a draft saved, then one far larger than any real form.
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    const link = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    const form = (fields: Record<string, string>) =>
      fetch(link, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
        body: new URLSearchParams(fields).toString(),
      });
    await form({ intent: 'draft', lang: 'it', findings: 'Prima bozza.' });

    // Act
    const huge = await form({ intent: 'draft', lang: 'it', findings: 'x'.repeat(70_000) });
    const page = await huge.text();
    const resumed = await (await fetch(link, { headers: { Accept: 'text/html' } })).text();

    // Assess
    expect(huge.status).toBe(413);
    expect(page).toContain('La richiesta è troppo grande: il limite è 64 KB.');
    expect(resumed).toContain('Prima bozza.');
    expect(resumed).not.toContain('x'.repeat(1000));
  });

  it('asks the SME to confirm a withdrawal on a second page before the destructive button acts', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    const page = (url: string) => fetch(url, { headers: { Accept: 'text/html' } }).then((r) => r.text());

    // Act
    const status = await page(sme.statusUrl);
    const confirmation = await page(`${sme.statusUrl}?withdraw=confirm&lang=it`);
    const stillThere = await (await fetch(sme.statusUrl, { headers: { Accept: 'application/json' } })).json();
    const withdrawn = await fetch(sme.statusUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body: 'action=withdraw&lang=it',
    });

    // Assess: the status page only links to the confirmation; the confirmation holds the form.
    expect(status).toContain('?withdraw=confirm&amp;lang=it');
    expect(status).not.toContain('value="withdraw"');
    expect(confirmation).toContain('Vuoi davvero ritirare la candidatura?');
    expect(confirmation).toMatch(/<input type="hidden" name="action" value="withdraw"\/?>/);
    expect(confirmation).toContain('<button type="submit" class="danger">Sì, ritira la candidatura</button>');
    expect(confirmation).toContain('No, mantieni la candidatura');
    expect((stillThere as { status: string }).status).not.toBe('withdrawn');
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.text()).toContain('La candidatura è stata ritirata');
  });

  it('answers a withdrawal race, unknown fields and a wrong form action with a current status and a message', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);

    // Act
    const extra = await postJson(sme.statusUrl, { action: 'withdraw', status: 'launched' });
    const nope = await fetch(sme.statusUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body: 'action=nope&lang=it',
    });
    const race = await Promise.all(
      Array.from({ length: 20 }, () => postJson(sme.statusUrl, { action: 'withdraw' })),
    );

    // Assess
    expect(extra.status).toBe(422);
    expect(nope.status).toBe(422);
    expect(nope.headers.get('content-type')).toMatch(/text\/html/);
    expect(await nope.text()).toContain('usa i pulsanti della pagina di stato');
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    for (const refused of race.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        error: 'notWithdrawable',
        status: 'withdrawn',
        message: expect.any(String),
      });
    }
  });

  it('never books a manager beyond capacity: 50 concurrent journeys against 5 managers of capacity 2', async () => {
    // Prepare
    const managers = await Promise.all(Array.from({ length: 5 }, () => newManager({ capacity: 2 })));
    const programme = await newProgramme(managers, {
      timeouts: { ...quickOffers, offerReminderHours: 500, offerExpiryHours: 720, noManagerRetryHours: 1 },
      matching: { maxOffers: 3, noManagerRetries: 50, capacityOnLaunch: 'keep' },
    });

    // Act
    const journeys = await Promise.all(Array.from({ length: 50 }, () => apply(programme.id)));
    const offers = await eventually(async () => {
      const found = (await outbox()).filter(
        (m) => m.subject.startsWith('Proposta di incarico') && m.subject.includes(programme.id),
      );
      return found.length >= 10 ? found : undefined;
    }, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // matching keeps retrying meanwhile

    // Assess
    const loads = await Promise.all(managers.map((m) => loadOf(m.managerId)));
    expect(loads).toEqual([2, 2, 2, 2, 2]);
    const offersNow = (await outbox()).filter(
      (m) => m.subject.startsWith('Proposta di incarico') && m.subject.includes(programme.id),
    );
    expect(offersNow).toHaveLength(10);
    expect(new Set(offers.map((m) => m.subject)).size).toBe(offers.length);
    expect(journeys).toHaveLength(50);
  }, 60_000);

  it('answers unknown links with 404 and invalid answers with 422 naming the fields, changing nothing', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    await apply(programme.id);
    const offerLink = taskLink(await emailTo(manager.email, /Proposta di incarico/));

    // Act
    const unknown = await postJson(offerLink.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43)), {
      decision: 'accept',
    });
    const invalid = await postJson(offerLink, { decision: 'maybe' }, { 'Accept-Language': 'en' });
    const stillOpen = await postJson(offerLink, { decision: 'accept' });

    // Assess
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Questo link non corrisponde a nessuna richiesta aperta.');
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(invalid.body.fields)).toContain('decision');
    expect(stillOpen.status).toBe(200);
  });
});
