// Helpers for the browser tests: Debian Chromium through playwright-core, one browser context per
// person (SME, manager, programme office), screenshots when a test fails, and e-mailed links
// followed the way a person would: the local outbox page, the message, the link in it.
import { mkdir } from 'node:fs/promises';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { emailTo, local, taskLink } from '../support/journey-kit.ts';

/** Debian Chromium (or CHROMIUM_PATH), headless, without the background traffic of a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** A fresh Italian-speaking person (own cookies, own history); actions and waits give up after 10 s. */
export async function person(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'it-IT' });
  context.setDefaultTimeout(10_000);
  return context;
}

/** Saves a full-page screenshot of every open page of the given contexts (best effort). */
export async function screenshotAll(contexts: readonly BrowserContext[], prefix: string): Promise<void> {
  await mkdir('test-results', { recursive: true });
  let n = 0;
  for (const context of contexts) {
    for (const page of context.pages()) {
      n += 1;
      await page
        .screenshot({ path: `test-results/${prefix}-${n}.png`, fullPage: true, timeout: 5_000 })
        .catch(() => undefined);
    }
  }
}

/**
 * Opens the e-mailed task link like a person reading their mail: waits for the e-mail to `to`
 * whose subject matches, opens the local outbox page, checks the message is listed there, opens it
 * and clicks the task link in it. Leaves the page on the task's page; returns the e-mail.
 */
export async function followTaskLinkFromOutbox(page: Page, to: string, subject: RegExp) {
  const message = await emailTo(to, subject);
  await page.goto(local.outbox);
  const row = page
    .getByRole('row')
    .filter({ hasText: to })
    .filter({ has: page.getByRole('link', { name: subject }) });
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
  await row.getByRole('link', { name: subject }).click();
  await page.getByRole('heading', { level: 1, name: message.subject }).waitFor();
  const link = page.getByRole('link', { name: /\/tasks\// });
  expect(await link.getAttribute('href')).toBe(taskLink(message));
  await link.click();
  await page.waitForURL(/\/tasks\/[A-Za-z0-9_-]{43}$/);
  return message;
}
