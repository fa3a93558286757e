// Browser test: one SME journey through the real pages on the local stack, each person in their
// own browser context: the SME applies with the form, the manager accepts the offer and records
// the assessment (one mistake first), the programme office approves the financing, and the SME's
// status page says the project was launched. E-mailed links are followed from the local outbox.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { randomVatNumber } from '../support/fixtures.ts';
import { finished, local, newManager, newProgramme } from '../support/journey-kit.ts';
import { followTaskLinkFromOutbox, launchChromium, person, screenshotAll } from './support.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const submitAnswer = (page: Page) => page.getByRole('button', { name: 'Invia la risposta' }).click();
const answerRecorded = 'Grazie, la risposta è stata registrata';

/** The six DMA scores as the manager types them, decimal commas included (their mean is 37,5). */
const dmaScores = {
  'Strategia di business digitale': '39,5',
  'Prontezza digitale': '55',
  'Digitalizzazione centrata sulle persone': '35,5',
  'Gestione e connessione dei dati': '30',
  'Automazione e intelligenza artificiale': '20',
  'Digitalizzazione sostenibile': '45',
} as const;

describe('one SME journey in a browser', () => {
  it('goes from the application form to a launched project through the pages and e-mailed links', async () => {
    // Prepare: a programme of the test's own, one person per role
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const suffix = programme.id.slice(-8);
    const companyName = `Officina Meccanica ${suffix} S.r.l.`;
    const smeEmail = `sme.${suffix}@example.it`;
    const contexts: BrowserContext[] = [];
    for (let i = 0; i < 3; i++) contexts.push(await person(browser));
    const [smeContext, managerContext, officeContext] = contexts as [
      BrowserContext,
      BrowserContext,
      BrowserContext,
    ];
    const sme = await smeContext.newPage();
    const managerPage = await managerContext.newPage();
    const office = await officeContext.newPage();

    try {
      // Act 1: the SME applies through the form of this programme
      await sme.goto(`${local.site}/?programme=${programme.id}`);
      expect(await sme.getByText(`Programma ${programme.id}`).count()).toBeGreaterThan(0);
      await sme.getByLabel('Ragione sociale').fill(companyName);
      await sme.getByLabel('Partita IVA').fill(randomVatNumber());
      await sme.getByLabel(/Codice ATECO/).fill('25.62.00');
      await sme.getByLabel('Provincia').selectOption('VA');
      await sme.getByLabel(/Dipendenti/).fill('18');
      await sme.getByLabel(/Fatturato/).fill('2.400.000');
      await sme.getByLabel(/Totale di bilancio/).fill('1.900.000');
      await sme.getByLabel(/Nome e cognome/).fill('Giulia Brambilla');
      await sme.getByLabel(/E-mail/).fill(smeEmail);
      await sme.getByLabel('Digitale e Industria 4.0').check();
      await sme.getByLabel(/informativa sulla privacy/).check();
      await sme.getByRole('button', { name: 'Invia la candidatura' }).click();

      // Assess 1: the receipt
      await heading(sme, 'Candidatura ricevuta').waitFor();
      const applicationId = (await sme.getByTestId('application-id').textContent()) ?? '';
      expect(applicationId).toMatch(/^[0-9a-f-]{36}$/);

      // Act 2: the manager finds the offer in the outbox, opens it and accepts
      await followTaskLinkFromOutbox(
        managerPage,
        manager.email,
        new RegExp(`^Proposta di incarico: ${companyName.replace(/[.]/g, '\\.')}`),
      );
      await heading(managerPage, 'Proposta di incarico').waitFor();
      expect(await axeViolations(managerPage)).toEqual([]);
      const offerPage = await managerPage.content();
      expect(offerPage).toContain(companyName);
      expect(offerPage).not.toContain(smeEmail);
      expect(offerPage).not.toContain('Giulia Brambilla');
      await managerPage.getByRole('radio', { name: 'Sì, accetto l’incarico' }).check();
      await submitAnswer(managerPage);

      // Assess 2: the confirmation
      await heading(managerPage, answerRecorded).waitFor();

      // Act 3: the assessment, with a DMA score out of range first
      await followTaskLinkFromOutbox(managerPage, manager.email, /^Registra l’assessment/);
      await heading(managerPage, 'Esito dell’assessment').waitFor();
      expect(await axeViolations(managerPage)).toEqual([]);
      for (const [label, score] of Object.entries(dmaScores)) {
        await managerPage.getByLabel(label, { exact: true }).fill(score);
      }
      await managerPage.getByLabel('Automazione e intelligenza artificiale', { exact: true }).fill('150');
      await managerPage
        .getByLabel('Priorità 1', { exact: true })
        .selectOption({ label: 'Digitale e Industria 4.0' });
      await managerPage
        .getByLabel('Priorità 2', { exact: true })
        .selectOption({ label: 'Filiera e catena di fornitura' });
      await managerPage
        .getByLabel('Osservazioni')
        .fill('Produzione poco digitalizzata; dati di macchina non raccolti.');
      await managerPage.getByRole('radio', { name: /^Sì, propongo il progetto/ }).check();
      await managerPage.getByLabel('Titolo del progetto').fill('MES e raccolta dati di macchina');
      await managerPage
        .getByLabel('Obiettivi del progetto')
        .fill('Collegare le macchine CNC e misurare OEE.');
      await managerPage.getByLabel('Durata (mesi)').fill('12');
      await managerPage.getByLabel('Budget (€)').fill('40.000');
      const kpi = managerPage.getByRole('group', { name: 'Indicatore 1', exact: true });
      await kpi.getByLabel('Nome dell’indicatore').fill('OEE');
      await kpi.getByLabel('Unità di misura').fill('%');
      await kpi.getByLabel('Valore di partenza').fill('55');
      await kpi.getByLabel('Valore obiettivo').fill('70');
      await submitAnswer(managerPage);

      // Assess 3a: the error summary names the field, which is marked, and nothing typed is lost
      const summary = managerPage.getByRole('alert').filter({ hasText: 'Controlla i dati inseriti' });
      await summary.waitFor();
      const problems = summary.getByRole('listitem');
      expect(await problems.count()).toBe(1);
      expect(await problems.textContent()).toBe(
        'Automazione e intelligenza artificiale: il valore massimo è 100.',
      );
      expect(await summary.getByRole('link').getAttribute('href')).toBe('#f-dma-automationAndAi');
      const wrongScore = managerPage.getByLabel('Automazione e intelligenza artificiale', { exact: true });
      expect(await wrongScore.getAttribute('aria-invalid')).toBe('true');
      expect(await wrongScore.inputValue()).toBe('150');
      expect(await managerPage.getByLabel('Prontezza digitale', { exact: true }).inputValue()).toBe('55');
      expect(await managerPage.getByLabel('Priorità 2', { exact: true }).inputValue()).toBe('supply_chain');
      expect(await managerPage.getByLabel('Osservazioni').inputValue()).toMatch(/^Produzione poco/);
      expect(await managerPage.getByRole('radio', { name: /^Sì, propongo il progetto/ }).isChecked()).toBe(
        true,
      );
      expect(await managerPage.getByLabel('Budget (€)').inputValue()).toBe('40.000');
      expect(await kpi.getByLabel('Valore obiettivo').inputValue()).toBe('70');

      // Act 3b: correct the score and send again
      await wrongScore.fill(dmaScores['Automazione e intelligenza artificiale']);
      await submitAnswer(managerPage);
      await heading(managerPage, answerRecorded).waitFor();

      // Act 4: the programme office approves the financing
      await followTaskLinkFromOutbox(office, programme.officeEmail, /^Decisione sul finanziamento/);
      await heading(office, 'Decisione sul finanziamento').waitFor();
      expect(await axeViolations(office)).toEqual([]);
      const financingPage = (await office.locator('main').textContent()) ?? '';
      expect(financingPage).toContain(companyName);
      expect(financingPage).toContain('MES e raccolta dati di macchina');
      expect(financingPage).toMatch(/37,5 su 100/);
      // Typed with a decimal comma in an Italian-locale browser, stored as 35.5 (not 355, not 35).
      expect(financingPage).toMatch(/Digitalizzazione centrata sulle persone\s*35,5(?!\d)/);
      expect(financingPage).toMatch(/Strategia di business digitale\s*39,5(?!\d)/);
      // The office decides on the manager's findings and objectives too, knowing the cap and the
      // budget left, with the amount proposed already filled in.
      expect(financingPage).toContain('Produzione poco digitalizzata; dati di macchina non raccolti.');
      expect(financingPage).toContain('Collegare le macchine CNC e misurare OEE.');
      expect(financingPage).toMatch(/Tetto per progetto: 50\.000\s€/);
      expect(financingPage).toMatch(/Budget ancora disponibile nel programma: 1\.000\.000\s€/);
      expect(await office.getByLabel(/^Importo approvato/).inputValue()).toBe('40.000');
      await office.getByRole('radio', { name: 'Approvo il finanziamento' }).check();
      await office.getByLabel(/^Importo approvato/).fill('35.000');
      await submitAnswer(office);
      await heading(office, answerRecorded).waitFor();

      // Assess 5: the execution ends launched, and the SME's status page says so
      const execution = await finished(applicationId);
      expect(execution.status).toBe('SUCCEEDED');
      expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'launched' });
      await sme.getByTestId('status-link').click();
      await heading(sme, 'Stato della candidatura').waitFor();
      expect(await sme.getByTestId('application-status').textContent()).toBe('Progetto avviato');

      // Assess 6: the programme office's dashboard counts the launched project and the budget
      await office.goto(`${local.site}/_local/programmes/${programme.id}`);
      expect(await office.getByTestId('counter-projectsLaunched').textContent()).toBe('1');
      expect(await office.getByTestId('counter-applications').textContent()).toBe('1');
      expect(await office.getByTestId('budget').textContent()).toContain('35.000');
      // the charts are drawn by Chart.js served from the console itself (the CSP allows 'self' only)
      await office.waitForFunction(
        () => (window as { dashboardChartsReady?: boolean }).dashboardChartsReady === true,
      );
      expect(
        await office.locator('#funnel-chart').evaluate((canvas) => (canvas as HTMLCanvasElement).width),
      ).toBeGreaterThan(0);
      expect(await axeViolations(office)).toEqual([]);

      // Assess 7: from the dashboard the office opens the project and pauses its monitoring
      await office
        .getByTestId('projects')
        .getByRole('link', { name: 'MES e raccolta dati di macchina' })
        .click();
      await heading(office, 'MES e raccolta dati di macchina').waitFor();
      expect(await axeViolations(office)).toEqual([]);
      expect(await office.getByTestId('kpi-trajectories').textContent()).toContain('OEE (%)');
      const pause = office.locator('form', {
        has: office.getByRole('button', { name: 'Sospendi il monitoraggio' }),
      });
      await pause.getByRole('button').click(); // no reason: the browser's own `required` check stops it
      expect(office.url()).not.toMatch(/\/pause$/);
      await pause.getByLabel('Motivo (obbligatorio)').fill('Impianto fermo per manutenzione');
      await pause.getByRole('button').click();
      await office.getByTestId('project-notice').waitFor();
      expect(await office.getByTestId('project-notice').textContent()).toBe(
        'Fatto: il progetto è stato aggiornato.',
      );
      expect(await office.locator('[data-project-status]').textContent()).toBe('sospeso');
      expect(await office.getByRole('button', { name: 'Riprendi il monitoraggio' }).count()).toBe(1);

      // Assess 8: the operator's page of the execution fits the window (history collapsed) and
      // passes axe, at a laptop's width and a phone's.
      const executionPage = `${local.site}/_local/executions/${encodeURIComponent(
        `${local.journeyStateMachineArn.replace(':stateMachine:', ':execution:')}:${applicationId}`,
      )}`;
      for (const width of [1280, 390]) {
        await office.setViewportSize({ width, height: 900 });
        await office.goto(executionPage);
        await heading(office, applicationId).waitFor();
        const overflow = await office.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect({ width, overflow }).toEqual({ width, overflow: 0 });
      }
      expect(await axeViolations(office)).toEqual([]);
    } catch (error) {
      await screenshotAll(contexts, 'journey-failure');
      throw error;
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
