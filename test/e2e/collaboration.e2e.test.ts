// Browser test: a collaboration between firms through the real pages. The programme office proposes
// an opportunity on its collaborations page, two firms join from their e-mails, the coordinator
// reports each member's benefit from his, and the office's page shows the benefit. Each person has
// a browser context of their own; e-mailed links are followed from the local outbox.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { assessedFirm, collaborationProgramme } from '../support/collaboration-kit.ts';
import { local, newManager } from '../support/journey-kit.ts';
import { followTaskLinkFromOutbox, launchChromium, person, screenshotAll } from './support.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const submitAnswer = (page: Page) => page.getByRole('button', { name: 'Invia la risposta' }).click();
const answerRecorded = 'Grazie, la risposta è stata registrata';

describe('a collaboration between firms in a browser', () => {
  it('goes from the proposal to a reported benefit through the pages and e-mailed links', async () => {
    const manager = await newManager({ capacity: 2 });
    const coordinator = await newManager({ name: 'Carla Coordinatrice', capacity: 1, load: 1 });
    const programme = await collaborationProgramme([manager, coordinator], { cycles: 2, noBenefitCycles: 2 });
    const steel = (annualSpendEur: number) => ({ purchasing: [{ category: 'steel_bars', annualSpendEur }] });
    const a = await assessedFirm(programme.id, manager, steel(100_000), 1);
    const b = await assessedFirm(programme.id, manager, steel(60_000), 2);
    const contexts: BrowserContext[] = [];
    for (let i = 0; i < 4; i++) contexts.push(await person(browser));
    const [officeContext, aContext, bContext, coordinatorContext] = contexts as [
      BrowserContext,
      BrowserContext,
      BrowserContext,
      BrowserContext,
    ];
    const office = await officeContext.newPage();
    const firmA = await aContext.newPage();
    const firmB = await bContext.newPage();
    const coordinatorPage = await coordinatorContext.newPage();
    const collaborationsUrl = `${local.site}/admin/programmes/${programme.id}/collaborations?lang=it`;
    const opportunity = office.locator('section.opportunity', {
      has: office.getByRole('heading', { name: 'Acquisto collettivo: Barre e profilati di acciaio' }),
    });

    try {
      // The office proposes the purchasing group, with Carla as its coordinator.
      await expect
        .poll(
          async () => {
            await office.goto(collaborationsUrl);
            return opportunity.count();
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      expect(await axeViolations(office)).toEqual([]);
      await opportunity.getByLabel('Coordinatore').selectOption({ label: 'Carla Coordinatrice' });
      await opportunity.getByRole('button', { name: 'Proponi alle imprese' }).click();
      await expect
        .poll(() => office.getByTestId('collaboration-notice').textContent())
        .toContain('Collaborazione proposta');

      // Both firms join from their e-mails.
      for (const [page, sme] of [
        [firmA, a],
        [firmB, b],
      ] as const) {
        await followTaskLinkFromOutbox(page, sme.smeEmail, /Invito a collaborare/);
        await page
          .getByRole('heading', { level: 1, name: 'Invito a una collaborazione tra imprese' })
          .waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await page.getByLabel('Aderisco').check();
        await submitAnswer(page);
        await page.getByText(answerRecorded).waitFor();
      }

      // The coordinator reports each member's benefit of the first cycle.
      await followTaskLinkFromOutbox(coordinatorPage, coordinator.email, /Verifica 1 di 2/);
      expect(await axeViolations(coordinatorPage)).toEqual([]);
      for (const [sme, amount, why] of [
        [a, '1.250,50', 'Sconto volume sul primo ordine comune'],
        [b, '3000', 'Prezzo spuntato sull’ordine trimestrale'],
      ] as const) {
        const member = coordinatorPage.getByRole('group', { name: sme.companyName });
        await member.getByLabel('Beneficio economico del periodo (€)').fill(amount);
        await member.getByLabel('Motivazione').fill(why);
      }
      await coordinatorPage.getByLabel('Attiva').check();
      await submitAnswer(coordinatorPage);
      await coordinatorPage.getByText(answerRecorded).waitFor();

      // The office's page shows the benefit (counted once, written the Italian way).
      await expect
        .poll(
          async () => {
            await office.goto(collaborationsUrl);
            return office.getByTestId('benefit-total').textContent();
          },
          { timeout: 15_000 },
        )
        .toMatch(/4250,50\s€/u);
      expect(await office.getByTestId('firms-taking-part').textContent()).toBe('2 su 2');
    } catch (error) {
      await screenshotAll(contexts, 'collaboration');
      throw error;
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 120_000);
});
