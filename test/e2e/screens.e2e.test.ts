// Browser tests of the people's screens, each as its person would meet it:
// - an English applicant whose browser speaks Italian reads English everywhere their links lead;
// - the manager's assessment as a work screen: the cap stated, the live overall score and band,
//   progress by section, only the repeated priority marked, KPI inputs aligned, a draft saved and
//   resumed on the same link (and the score computed by the server when JavaScript is off);
// - every page type at a laptop's width (1280 px) and a phone's (390 px): no horizontal scroll and
//   no axe-core violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { randomVatNumber } from '../support/fixtures.ts';
import {
  apply,
  assessmentAnswer,
  emailTo,
  executionArn,
  local,
  newManager,
  newProgramme,
  postJson,
  taskLink,
} from '../support/journey-kit.ts';
import { launchChromium, person, screenshotAll } from './support.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** How far the page scrolls sideways (0 = it fits the window). */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Runs a test body with the given contexts, saving screenshots of every page when it fails. */
async function withContexts(contexts: BrowserContext[], prefix: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    await screenshotAll(contexts, prefix);
    throw error;
  } finally {
    for (const context of contexts) await context.close();
  }
}

describe('the people’s screens in a browser', () => {
  it('shows an English applicant English pages throughout, though the browser speaks Italian', async () => {
    // Prepare: an Italian-locale browser opening the English form
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const context = await person(browser);
    const page = await context.newPage();
    const smeEmail = `sme.${programme.id.slice(-8)}@example.it`;

    await withContexts([context], 'english-applicant', async () => {
      // Act: apply in English, leaving the language of messages as the form proposes it
      await page.goto(`${local.site}/?programme=${programme.id}&lang=en`);
      expect(await page.getByLabel('Language for our messages').inputValue()).toBe('en');
      // The privacy notice the consent refers to, one click away, in the person's language
      await page.getByRole('link', { name: /^Read the privacy notice/ }).click();
      await heading(page, 'Privacy notice').waitFor();
      expect(await page.getByText(`Programme ${programme.id}`).count()).toBeGreaterThan(0);
      await page.goBack();
      await page.getByLabel('Company name').waitFor();
      await page.getByLabel('Company name').fill(`Precision Parts ${programme.id.slice(-8)} S.r.l.`);
      await page.getByLabel('VAT number (Partita IVA)').fill(randomVatNumber());
      await page.getByLabel(/ATECO code/).fill('25.62.00');
      await page.getByLabel('Province of the operating site').selectOption('VA');
      await page.getByLabel(/Employees/).fill('18');
      await page.getByLabel(/Annual turnover/).fill('2,400,000');
      await page.getByLabel(/balance-sheet total/).fill('1,900,000');
      await page.getByLabel(/Full name/).fill('Anna Smith');
      await page.getByLabel(/Contact e-mail/).fill(smeEmail);
      await page.getByLabel('Digital and Industry 4.0').check();
      await page.locator('input[name="consent.privacy"]').check();
      await page.getByRole('button', { name: 'Submit application' }).click();

      // Assess: the receipt is English; the status page reached from the e-mailed link is English
      // although the link carries no language and the browser asks for Italian
      await heading(page, 'Application received').waitFor();
      const receipt = await emailTo(smeEmail, /./);
      const statusLink = receipt.text.match(/https?:\/\/\S+\/status\/[A-Za-z0-9_-]+/)?.[0] ?? '';
      expect(statusLink).not.toMatch(/lang=/);
      await page.goto(statusLink);
      await heading(page, 'Application status').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('link', { name: 'Withdraw the application…' }).click();
      await page.getByRole('heading', { name: /withdraw the application\?/i }).waitFor();
      expect(await page.getByRole('button', { name: 'Yes, withdraw the application' }).count()).toBe(1);
      // The switch on the page still lets the person read Italian
      await page.getByRole('link', { name: 'Italiano' }).click();
      await page.getByRole('heading', { name: /Vuoi davvero ritirare/ }).waitFor();
    });
  });

  it('makes the assessment a work screen: cap, live score and band, progress, repeats, draft resumed', async () => {
    // Prepare: an accepted offer, so the manager has the assessment link
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    const link = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    const context = await person(browser);
    const page = await context.newPage();

    await withContexts([context], 'assessment-screen', async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(link);
      await heading(page, 'Esito dell’assessment').waitFor();
      await page.waitForFunction(() => (window as { assessmentScoreReady?: boolean }).assessmentScoreReady);
      const overall = page.getByTestId('dma-overall');
      const progress = page.locator('#assessment-progress [data-progress-count]');

      // Assess: the cap beside the budget, nothing done yet
      expect(await page.locator('#f-project-budgetEur-hint').textContent()).toContain('50.000');
      expect(await progress.textContent()).toBe('0 di 4 sezioni complete');
      expect(await overall.textContent()).toMatch(/compare quando hai inserito i sei punteggi/);

      // Act: the six scores, decimal commas included
      const scores = ['39,5', '55', '35,5', '30', '20', '45'];
      for (const [index, input] of (await page.locator('input[name^="dma."]').all()).entries()) {
        await input.fill(scores[index] ?? '');
      }

      // Assess: the overall score and band as the manager types, and the section done
      expect(await overall.textContent()).toBe('Punteggio complessivo: 37,5 su 100 — livello medio');
      expect(await progress.textContent()).toBe('1 di 4 sezioni complete');
      expect(await page.locator('li[data-section="dma"]').getAttribute('data-state')).toBe('done');

      // Act: the same area as priorities 1 and 3, a findings text, one KPI row with a long error
      await page
        .getByLabel('Priorità 1', { exact: true })
        .selectOption({ label: 'Digitale e Industria 4.0' });
      await page
        .getByLabel('Priorità 3', { exact: true })
        .selectOption({ label: 'Digitale e Industria 4.0' });
      await page.getByLabel('Osservazioni').fill('Dati di macchina non raccolti.');
      const kpi = page.getByRole('group', { name: 'Indicatore 1', exact: true });
      await kpi.getByLabel('Valore di partenza').fill('tanti');
      await page.getByRole('button', { name: 'Invia la risposta' }).click();
      await page.getByRole('alert').waitFor();

      // Assess: only the repeated choice is marked, with the rank it repeats; whole labels shown
      const first = page.getByLabel('Priorità 1', { exact: true });
      const third = page.getByLabel('Priorità 3', { exact: true });
      expect(await first.getAttribute('aria-invalid')).toBeNull();
      expect(await third.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#f-improvementAreas-2-error').textContent()).toMatch(/priorità 1/);
      expect(await page.getByLabel('Priorità 2', { exact: true }).getAttribute('aria-invalid')).toBeNull();
      const clipped = await third.evaluate((select) => {
        const s = select as HTMLSelectElement;
        const canvas = document.createElement('canvas').getContext('2d');
        if (!canvas) return -1;
        canvas.font = getComputedStyle(s).font;
        const widest = Math.max(...Array.from(s.options, (option) => canvas.measureText(option.text).width));
        return widest - s.clientWidth;
      });
      expect(clipped).toBeLessThan(0);
      // The KPI inputs stay on one line whatever the labels and errors above them
      const tops = await kpi
        .locator('input')
        .evaluateAll((inputs) => inputs.map((input) => Math.round(input.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
      // Scores typed are kept, the score still shown (the script runs again on the new page)
      await page.waitForFunction(() => (window as { assessmentScoreReady?: boolean }).assessmentScoreReady);
      expect(await overall.textContent()).toBe('Punteggio complessivo: 37,5 su 100 — livello medio');
      expect(await axeViolations(page)).toEqual([]);

      // Act: save as a draft, then open the link again as if the next morning
      await page.getByLabel('Priorità 3', { exact: true }).selectOption('');
      await page.getByRole('button', { name: 'Salva la bozza' }).click();
      await page.getByTestId('task-notice').waitFor();
      await page.goto(link);

      // Assess: the draft is resumed, said so, with the progress it had
      expect(await page.getByTestId('task-notice').textContent()).toMatch(/Stai riprendendo la bozza/);
      expect(await page.getByLabel('Strategia di business digitale', { exact: true }).inputValue()).toBe(
        '39,5',
      );
      expect(await page.getByLabel('Osservazioni').inputValue()).toBe('Dati di macchina non raccolti.');
      expect(await page.getByLabel('Priorità 1', { exact: true }).inputValue()).toBe('digital');
      expect(await progress.textContent()).toBe('3 di 4 sezioni complete');

      // Assess: without JavaScript the server writes the same score and band on the resumed draft
      const noScript = await browser.newContext({ locale: 'it-IT', javaScriptEnabled: false });
      try {
        const plain = await noScript.newPage();
        await plain.goto(link);
        expect(await plain.getByTestId('dma-overall').textContent()).toBe(
          'Punteggio complessivo: 37,5 su 100 — livello medio',
        );
      } finally {
        await noScript.close();
      }

      // Assess: at a phone's width the work screen does not scroll sideways
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await horizontalOverflow(page)).toBe(0);
    });
  });

  it('fits every page type at 1280 px and 390 px with no axe-core violation', async () => {
    // Prepare: a journey up to the financing decision (JSON answers), a launched project elsewhere
    const manager = await newManager({ phone: '+390332123456' });
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    const offer = taskLink(await emailTo(manager.email, /Proposta di incarico/));
    await postJson(offer, { decision: 'accept' });
    const assessment = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    await postJson(assessment, assessmentAnswer(true));
    const financing = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    const firstEmail = (await emailTo(sme.smeEmail, /./)).id;
    const pages: Record<string, string> = {
      'application form': `${local.site}/?programme=${programme.id}`,
      'manager registration': `${local.site}/managers/register`,
      'privacy notice (programme)': `${local.site}/privacy/${programme.id}`,
      'privacy notice (managers)': `${local.site}/privacy`,
      'status page': sme.statusUrl,
      'withdrawal confirmation': `${sme.statusUrl}?withdraw=confirm`,
      'offer (answered)': offer,
      'financing decision': financing,
      dashboard: `${local.site}/admin/programmes/${programme.id}`,
      'programme list': `${local.site}/admin/programmes`,
      'console: executions': `${local.site}/_local/`,
      'console: outbox': local.outbox,
      'console: one e-mail': `${local.outbox}/${encodeURIComponent(firstEmail)}`,
      'console: managers': `${local.site}/_local/managers`,
    };
    const context = await person(browser);
    const page = await context.newPage();

    await withContexts([context], 'page-widths', async () => {
      const problems: string[] = [];
      const check = async (name: string, url: string) => {
        for (const width of [1280, 390]) {
          // Act
          await page.setViewportSize({ width, height: 900 });
          const response = await page.goto(url);

          // Assess
          if ((response?.status() ?? 0) >= 500) problems.push(`${name}: HTTP ${response?.status()}`);
          const overflow = await horizontalOverflow(page);
          if (overflow > 0) problems.push(`${name} at ${width} px: ${overflow} px too wide`);
          for (const violation of await axeViolations(page))
            problems.push(`${name} at ${width} px: ${violation}`);
        }
      };
      for (const [name, url] of Object.entries(pages)) await check(name, url);

      // The office approves: the project's page, and the dashboard with a project in it
      await postJson(financing, { decision: 'approve', amountEur: 35_000 });
      await check('financing decision (answered)', financing);
      const projectLink = page.getByTestId('projects').getByRole('link').first();
      await expect
        .poll(
          async () => {
            await page.goto(pages.dashboard as string);
            return projectLink.count();
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      const projectPage = new URL((await projectLink.getAttribute('href')) ?? '', local.site).href;
      await check('dashboard with a project', pages.dashboard as string);
      // With JavaScript the drawn funnel replaces the bars (never both) and the doughnut sits under
      // the outcomes heading; without it, the bars and tables and no empty chart box.
      await page.goto(pages.dashboard as string);
      await page.waitForFunction(() => (window as { dashboardChartsReady?: boolean }).dashboardChartsReady);
      expect(await page.locator('#funnel-chart-box').isVisible()).toBe(true);
      expect(await page.locator('#funnel-bars').isVisible()).toBe(false);
      expect(
        await page
          .locator('#outcomes-heading ~ .outcomes #outcomes-chart-box')
          .evaluate((box) => !box.hasAttribute('hidden') && box.getBoundingClientRect().height > 0),
      ).toBe(true);
      const noScript = await browser.newContext({ locale: 'it-IT', javaScriptEnabled: false });
      try {
        const plain = await noScript.newPage();
        await plain.goto(pages.dashboard as string);
        expect(await plain.locator('#funnel-bars').isVisible()).toBe(true);
        expect(await plain.locator('#funnel-chart-box').isVisible()).toBe(false);
        expect(await plain.locator('#outcomes-chart-box').isVisible()).toBe(false);
        expect(await plain.getByTestId('outcomes').isVisible()).toBe(true);
      } finally {
        await noScript.close();
      }
      await check('project page', projectPage);
      await check(
        'console: one execution',
        `${local.site}/_local/executions/${encodeURIComponent(executionArn(sme.applicationId))}`,
      );
      expect(problems).toEqual([]);
    });
  });
});
