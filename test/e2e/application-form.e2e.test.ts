// Browser test: Debian Chromium driven by playwright-core through the real form on the local stack:
// validation errors shown, a successful submission, the receipt page, the status page.
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { randomVatNumber } from '../support/fixtures.ts';

const local = inject('localStack');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the application form in a browser', () => {
  it('shows errors next to the fields, then accepts a corrected application and links to its status', async () => {
    // Prepare
    const page = await browser.newPage({ locale: 'it-IT' });
    await page.goto(`${local.site}/?programme=sviluppo-pmi`);
    expect(await axeViolations(page)).toEqual([]);

    // Act: submit with a wrong Partita IVA and no consent
    await page.getByLabel('Ragione sociale').fill('Officina Meccanica Brambilla S.r.l.');
    await page.getByLabel('Partita IVA').fill('12345678901');
    await page.getByLabel(/Codice ATECO/).fill('25.62.00');
    await page.getByLabel('Provincia').selectOption('VA');
    await page.getByLabel(/Dipendenti/).fill('18');
    await page.getByLabel(/Fatturato/).fill('2.400.000');
    await page.getByLabel(/Totale di bilancio/).fill('1.900.000');
    await page.getByLabel(/Nome e cognome/).fill('Giulia Brambilla');
    await page.getByLabel(/E-mail/).fill('giulia.brambilla@example.it');
    await page.getByLabel('Digitale e Industria 4.0').check();
    await page.getByRole('button', { name: 'Invia la candidatura' }).click();

    // Assess: the error summary names both problems and the values are kept
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toMatch(/partita IVA/i);
    expect(await summary.textContent()).toMatch(/privacy/i);
    expect(await page.getByLabel('Ragione sociale').inputValue()).toBe('Officina Meccanica Brambilla S.r.l.');
    // The summary has the focus (read first by a screen reader), its links land on existing fields.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    for (const href of await summary
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      expect(await page.locator(href ?? '#none').count(), href ?? '').toBe(1);
    }
    expect(await summary.textContent()).not.toMatch(/\.:/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/form-errors.png', fullPage: true });

    // Act: correct and resubmit
    await page.getByLabel('Partita IVA').fill(randomVatNumber());
    await page.locator('input[name="consent.privacy"]').check();
    await page.getByRole('button', { name: 'Invia la candidatura' }).click();

    // Assess: receipt with the application number and the status link
    await expect
      .poll(() => page.getByRole('heading', { name: 'Candidatura ricevuta' }).isVisible())
      .toBe(true);
    const applicationId = await page.getByTestId('application-id').textContent();
    expect(applicationId).toMatch(/^[0-9a-f-]{36}$/);
    // A short reference to say on the phone, beside the full number.
    const reference = await page.getByTestId('application-reference').textContent();
    expect(reference).toBe(
      `PMI-${applicationId?.slice(0, 4).toUpperCase()}-${applicationId?.slice(4, 8).toUpperCase()}`,
    );
    await page.screenshot({ path: 'test-results/receipt.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('status-link').click();
    await expect
      .poll(async () => page.getByTestId('application-status').textContent(), { timeout: 10_000 })
      .toMatch(/Ammessa|Ricevuta/);
    expect(await axeViolations(page)).toEqual([]);

    // Act: withdrawing takes a second, explicit step; the first click changes nothing.
    await page.getByRole('link', { name: 'Ritira la candidatura…' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Vuoi davvero ritirare/ }).isVisible())
      .toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sì, ritira la candidatura' }).click();

    // Assess
    await expect
      .poll(async () => page.getByTestId('application-status').textContent(), { timeout: 10_000 })
      .toBe('Ritirata');
    expect(await page.getByRole('status').textContent()).toContain('La candidatura è stata ritirata');

    // Act: the contact asks for a copy of their data, then follows the e-mailed confirmation link
    const asked = new Date().toISOString();
    await page.getByRole('button', { name: 'Chiedi una copia dei miei dati' }).click();
    await expect
      .poll(async () => page.getByTestId('data-request-notice').textContent(), { timeout: 10_000 })
      .toContain('Ti abbiamo inviato un’e-mail con il link per confermare la richiesta');
    expect(await axeViolations(page)).toEqual([]);
    const confirmationLink = async () => {
      const response = await fetch(local.outbox, { headers: { Accept: 'application/json' } });
      const messages = (await response.json()) as { subject: string; text: string; sentAt: string }[];
      return messages
        .find((m) => m.sentAt >= asked && /Conferma la tua richiesta/.test(m.subject))
        ?.text.match(/https?:\/\/\S+\/privacy-requests\/[A-Za-z0-9_-]{43}/)?.[0];
    };
    await expect.poll(confirmationLink, { timeout: 10_000 }).toBeDefined();
    const link = await confirmationLink();
    await page.goto(link ?? '');

    // Assess: the confirmation page says what the request does, with the one button that does it
    expect(await page.getByRole('heading', { name: 'Una copia dei tuoi dati' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Scarica i miei dati' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
