// Browser test: a services programme (an EDIH) through its real pages. The public home lists it; the
// expert takes the T0 DMA and proposes a service plan on the assessment page; the office reads the
// plan on its approval page and approves it whole; the provider records a service as delivered on
// its page; the office's dashboard shows the value delivered. E-mailed links are followed from the
// local outbox; axe checks every page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { apply, emailTo, local, newManager, postJson, taskLink } from '../support/journey-kit.ts';
import { servicesProgramme } from '../support/services-kit.ts';
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

const dmaScores = {
  'Strategia di business digitale': '30',
  'Prontezza digitale': '42,5',
  'Digitalizzazione centrata sulle persone': '35',
  'Gestione e connessione dei dati': '20',
  'Automazione e intelligenza artificiale': '15',
  'Digitalizzazione sostenibile': '25',
} as const;

describe('a services programme in a browser', () => {
  it('takes a plan from the expert’s page to the office’s approval and a delivery recorded on its page', async () => {
    const expert = await newManager({ capacity: 2 });
    const programme = await servicesProgramme([expert]);
    const customer = await apply(programme.id);
    await postJson(taskLink(await emailTo(expert.email, /Proposta di incarico/)), { decision: 'accept' });
    const contexts: BrowserContext[] = [];
    for (let i = 0; i < 3; i++) contexts.push(await person(browser));
    const [expertContext, officeContext, providerContext] = contexts as [
      BrowserContext,
      BrowserContext,
      BrowserContext,
    ];
    const expertPage = await expertContext.newPage();
    const office = await officeContext.newPage();
    const provider = await providerContext.newPage();

    try {
      // The public home lists the programme with a link to its form.
      await office.goto(`${local.site}/?lang=it`);
      await heading(office, 'Programmi per le imprese lombarde').waitFor();
      expect(await axeViolations(office)).toEqual([]);
      expect(await office.getByRole('link', { name: `Candidati a Programma ${programme.id}` }).count()).toBe(
        1,
      );

      // The expert: the T0 DMA and a plan of two courses and a lab test.
      await followTaskLinkFromOutbox(expertPage, expert.email, /^Registra l’assessment/);
      await heading(expertPage, 'Esito dell’assessment').waitFor();
      expect(await axeViolations(expertPage)).toEqual([]);
      for (const [label, score] of Object.entries(dmaScores))
        await expertPage.getByLabel(label, { exact: true }).fill(score);
      await expertPage
        .getByLabel('Priorità 1', { exact: true })
        .selectOption({ label: 'Digitale e Industria 4.0' });
      await expertPage
        .getByLabel('Osservazioni')
        .fill('Nessuna competenza interna sull’intelligenza artificiale.');
      expect(await expertPage.getByRole('radio', { name: /^Sì, propongo il progetto/ }).count()).toBe(0);
      await expertPage.getByLabel('Corso: intelligenza artificiale per le PMI', { exact: true }).fill('2');
      await expertPage.getByLabel('Test prima di investire in laboratorio', { exact: true }).fill('1');
      await submitAnswer(expertPage);
      await heading(expertPage, 'Grazie, la risposta è stata registrata').waitFor();

      // The office: the plan line by line, approved whole at its value (filled in).
      await followTaskLinkFromOutbox(office, programme.officeEmail, /^Decisione sul finanziamento/);
      expect(await axeViolations(office)).toEqual([]);
      const plan = (await office.getByTestId('service-plan').textContent()) ?? '';
      expect(plan).toMatch(/Corso: intelligenza artificiale per le PMI\s*2\s*5\.?000\s€/);
      expect(plan).toMatch(/Totale\s*17\.000\s€/);
      expect(await office.getByLabel(/^Importo approvato/).inputValue()).toBe('17.000');
      await office.getByRole('radio', { name: 'Approvo il finanziamento' }).check();
      await submitAnswer(office);
      await heading(office, 'Grazie, la risposta è stata registrata').waitFor();

      // The provider records the lab test as delivered, with a decimal comma in its hours.
      await followTaskLinkFromOutbox(
        provider,
        expert.email,
        /^Registra il servizio «Test prima di investire/,
      );
      await heading(provider, 'Registrazione di un servizio erogato').waitFor();
      expect(await axeViolations(provider)).toEqual([]);
      expect(await provider.getByTestId('service-facts').textContent()).toMatch(/12\.000\s€/);
      await provider.getByRole('radio', { name: 'Il servizio è stato erogato' }).check();
      await provider.getByLabel('Data di conclusione').fill('2026-04-10');
      await provider.getByLabel('Ore erogate').fill('37,5');
      await submitAnswer(provider);
      await heading(provider, 'Grazie, la risposta è stata registrata').waitFor();
      expect(await provider.getByText('Grazie: il servizio è registrato come erogato.').count()).toBe(1);

      // The office's dashboard counts it.
      await expect
        .poll(
          async () => {
            await office.goto(`${local.site}/admin/programmes/${programme.id}?lang=it`);
            return office.getByTestId('services-delivered').textContent();
          },
          { timeout: 15_000 },
        )
        .toMatch(/12\.000\s€ su 100\.000\s€ pianificati \(12%\)/);
      expect(await axeViolations(office)).toEqual([]);
      expect(customer.applicationId).toMatch(/^[0-9a-f-]{36}$/);
    } catch (error) {
      await screenshotAll(contexts, 'services');
      throw error;
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 120_000);
});
