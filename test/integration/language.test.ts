// The language follows the person, not the browser: an English applicant reading with an Italian
// browser gets English pages from every link; a manager gets their offer page in the language their
// offer e-mail was written in; the programme office's pages are Italian; the page's own switch wins;
// the English form proposes English for the messages.
import { describe, expect, it } from 'vitest';
import { listHumanTasks } from '#shared/data/human-tasks.ts';
import {
  apply,
  emailTo,
  local,
  newManager,
  newProgramme,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

const italianBrowser = { Accept: 'text/html', 'Accept-Language': 'it-IT,it;q=0.9' };
const englishBrowser = { Accept: 'text/html', 'Accept-Language': 'en-GB,en;q=0.9' };
const pageLanguage = async (url: string, headers: Record<string, string>) =>
  (await (await fetch(url, { headers })).text()).match(/<html lang="(\w+)"/)?.[1];

describe('the language of the pages reached from links', () => {
  it('is the person’s own, whatever the browser says, unless they switch on the page', async () => {
    // Prepare: an English applicant; a manager who reads English only.
    const manager = await newManager({ languages: ['en'] });
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id, 'en');
    const offer = await emailTo(manager.email, /Engagement offer|Proposta di incarico/);

    // Act
    const status = await pageLanguage(sme.statusUrl, italianBrowser);
    const statusSwitched = await pageLanguage(`${sme.statusUrl}?lang=it`, italianBrowser);
    const offerPage = await pageLanguage(taskLink(offer), italianBrowser);
    await postJson(taskLink(offer), { decision: 'accept' });
    const assessment = await emailTo(manager.email, /assessment/i);
    const assessmentPage = await pageLanguage(taskLink(assessment), italianBrowser);
    const form = await (
      await fetch(`${local.site}/?programme=sviluppo-pmi&lang=en`, { headers: englishBrowser })
    ).text();
    const italianForm = await (
      await fetch(`${local.site}/?programme=sviluppo-pmi&lang=it`, { headers: englishBrowser })
    ).text();

    // Assess
    expect(status).toBe('en');
    expect(statusSwitched).toBe('it');
    expect(offer.subject).not.toMatch(/Proposta di incarico/);
    expect(offerPage).toBe('en');
    expect(assessmentPage).toBe('en');
    expect(form).toMatch(/<option value="en" selected>English<\/option>/);
    expect(italianForm).toMatch(/<option value="it" selected>Italiano<\/option>/);
    // The language is kept with each task when its e-mail is written: the link's page needs no
    // further read to know it.
    const tasks = await listHumanTasks(tableName, sme.applicationId);
    expect(Object.fromEntries(tasks.map((task) => [task.kind, task.language]))).toEqual({
      offer: 'en',
      assessment: 'en',
    });
  });

  it('is Italian on the programme office’s decision page, whatever the browser, unless it switches', async () => {
    // Prepare: an English applicant whose assessment asks the office for a decision.
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    await apply(programme.id, 'en');
    const { assessmentAnswer } = await import('../support/journey-kit.ts');
    await postJson(taskLink(await emailTo(manager.email, /Engagement offer|Proposta di incarico/)), {
      decision: 'accept',
    });
    await postJson(taskLink(await emailTo(manager.email, /assessment/i)), assessmentAnswer(true));
    const financing = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));

    // Act
    const page = await pageLanguage(financing, englishBrowser);
    const switched = await pageLanguage(`${financing}?lang=en`, italianBrowser);

    // Assess
    expect(page).toBe('it');
    expect(switched).toBe('en');
  });
});
