// Browser test: state aid through the real pages. The SME declares its linked firm and the de
// minimis aid it received on the application form (an Italian amount, a mistake first); the
// programme office sees the single undertaking's headroom on the financing page, is refused an
// amount above it with the figures, approves within it, then records the COR on the registration
// page; the firm's launch e-mail carries the COR. Every page is checked with axe-core.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { axeViolations } from '../support/axe.ts';
import { randomVatNumber } from '../support/fixtures.ts';
import {
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
/** An ISO date `days` ago. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('state aid in a browser', () => {
  it('takes the declaration on the form, shows the headroom at the decision and launches with the COR', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager], {
      stateAid: {
        regime: 'de_minimis',
        carCode: '24680',
        aidValues: { assessmentEur: 0, financingPercent: 100 },
      },
    } as never);
    const suffix = programme.id.slice(-8);
    const smeEmail = `sme.${suffix}@example.it`;
    const [vatNumber, linked] = [randomVatNumber(), randomVatNumber()];
    const contexts: BrowserContext[] = [await person(browser), await person(browser)];
    const [smeContext, officeContext] = contexts as [BrowserContext, BrowserContext];
    const sme = await smeContext.newPage();
    const office = await officeContext.newPage();

    try {
      // Act 1: the SME fills the form, declaring a linked firm and one aid, first in the future
      await sme.goto(`${local.site}/?programme=${programme.id}`);
      await sme.getByLabel('Ragione sociale').fill(`Officina Aiuti ${suffix} S.r.l.`);
      await sme.getByLabel('Partita IVA', { exact: true }).fill(vatNumber);
      await sme.getByLabel(/Forma giuridica/).selectOption('srl');
      await sme.getByLabel(/Codice ATECO/).fill('25.62.00');
      await sme.getByLabel('Provincia').selectOption('VA');
      await sme.getByLabel(/Dipendenti/).fill('18');
      await sme.getByLabel(/Fatturato/).fill('2.400.000');
      await sme.getByLabel(/Totale di bilancio/).fill('1.900.000');
      await sme.getByLabel(/Nome e cognome/).fill('Giulia Brambilla');
      await sme.getByLabel(/E-mail/).fill(smeEmail);
      await sme.getByLabel('Digitale e Industria 4.0').check();
      const declaration = sme.getByTestId('state-aid');
      expect(await declaration.textContent()).toContain('massimale è 300.000');
      await declaration.getByLabel(/Partite IVA delle imprese collegate/).fill(`IT${linked}`);
      const firstAid = declaration.getByRole('group', { name: 'Aiuto «de minimis» 1' });
      await firstAid.getByLabel('Ente concedente').fill('Regione Lombardia');
      await firstAid.getByLabel('Data di concessione').fill('2999-01-01');
      await firstAid.getByLabel(/Importo dell’aiuto/).fill('285.000,50');
      await firstAid.getByLabel('Regolamento').fill('Reg. (UE) 2023/2831');
      expect(await axeViolations(sme)).toEqual([]);
      await sme.getByLabel(/informativa sulla privacy/).check();
      await sme.getByRole('button', { name: 'Invia la candidatura' }).click();

      // Assess 1: refused, the row's date named, everything typed kept
      await sme
        .getByText('Aiuto «de minimis» 1, data di concessione: la data non può essere nel futuro.')
        .first()
        .waitFor();
      expect(await firstAid.getByLabel(/Importo dell’aiuto/).inputValue()).toBe('285.000,50');
      expect(await axeViolations(sme)).toEqual([]);

      // Act 2: corrected
      await firstAid.getByLabel('Data di concessione').fill(daysAgo(200));
      await sme.getByLabel(/informativa sulla privacy/).check();
      await sme.getByRole('button', { name: 'Invia la candidatura' }).click();
      await heading(sme, 'Candidatura ricevuta').waitFor();
      const applicationId = (await sme.getByTestId('application-id').textContent()) ?? '';

      // Assess 2: stored as declared (the amount read the Italian way, the IT prefix dropped)
      const stored = await getApplication(tableName, applicationId);
      expect(stored?.company.legalForm).toBe('srl');
      expect(stored?.stateAid).toEqual({
        linkedVatNumbers: [linked],
        deMinimis: [
          {
            grantingBody: 'Regione Lombardia',
            grantedOn: daysAgo(200),
            amountEur: 285_000.5,
            regulation: 'Reg. (UE) 2023/2831',
          },
        ],
      });

      // Act 3: the manager's part through its links; the office opens the financing page
      await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
      await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/)), assessmentAnswer(true));
      await followTaskLinkFromOutbox(office, programme.officeEmail, /^Decisione sul finanziamento/);
      await heading(office, 'Decisione sul finanziamento').waitFor();

      // Assess 3: the headroom, with how the aid is counted
      const headroom = (await office.getByTestId('de-minimis-headroom').textContent()) ?? '';
      expect(headroom).toMatch(/massimale 300\.000\s€, già utilizzati 285\.000,50\s€/);
      expect(headroom).toMatch(/disponibili 14\.999,50\s€/);
      expect(await axeViolations(office)).toEqual([]);

      // Act 4: more than the headroom, then within it
      await office.getByRole('radio', { name: 'Approvo il finanziamento' }).check();
      await office.getByLabel(/^Importo approvato/).fill('20.000');
      await submitAnswer(office);
      await office
        .getByText(/si possono approvare al massimo 14\.999,50\s€/)
        .first()
        .waitFor();
      expect(await axeViolations(office)).toEqual([]);
      await office.getByRole('radio', { name: 'Approvo il finanziamento' }).check();
      await office.getByLabel(/^Importo approvato/).fill('14.000');
      await submitAnswer(office);
      await heading(office, answerRecorded).waitFor();

      // Act 5: the registration page, then the COR
      await followTaskLinkFromOutbox(office, programme.officeEmail, /^Registrare l’aiuto nel RNA/);
      await heading(office, /Registrazione dell’aiuto/).waitFor();
      const facts = (await office.getByTestId('registration-facts').textContent()) ?? '';
      expect(facts).toContain(applicationId);
      expect(facts).toContain('24680');
      expect(facts).toMatch(/14\.000\s€/);
      expect(await axeViolations(office)).toEqual([]);
      await office.getByLabel('Codice COR').fill('4455667');
      await submitAnswer(office);
      await heading(office, answerRecorded).waitFor();

      // Assess 5: launched, and the firm's e-mail carries the COR
      expect((await finished(applicationId)).status).toBe('SUCCEEDED');
      const launched = await emailTo(smeEmail, /Progetto avviato/);
      expect(launched.text).toContain('4455667');
    } catch (error) {
      await screenshotAll(contexts, 'state-aid');
      throw error;
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 120_000);
});
