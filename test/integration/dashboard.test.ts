// The programme dashboard reads the counters the journey keeps: after a journey launches a
// project, the funnel and the budget show it, in Italian and English.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { assetFileName } from '#shared/pages/static-assets.ts';
import {
  apply,
  assessmentAnswer,
  emailTo,
  finished,
  local,
  newManager,
  newProgramme,
  postJson,
  taskLink,
} from '../support/journey-kit.ts';

describe('the programme dashboard', () => {
  it('shows the funnel and the budget committed, from the counters, in both languages', async () => {
    // Prepare: one launched project and one ineligible application in a programme of its own.
    const manager = await newManager();
    const programme = await newProgramme([manager], {
      budget: { totalEur: 100_000, perProjectCapEur: 50_000 },
      targets: { smes: 4, projectsLaunched: 2 },
    });
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/)), assessmentAnswer(true));
    await postJson(taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/)), {
      decision: 'approve',
      amountEur: 35_000,
    });
    await finished(sme.applicationId);

    // Act
    const italian = await fetch(`${local.site}/_local/programmes/${programme.id}`, {
      headers: { Accept: 'text/html' },
    });
    const english = await fetch(`${local.site}/_local/programmes/${programme.id}?lang=en`, {
      headers: { Accept: 'text/html' },
    });
    const json = await fetch(`${local.site}/_local/programmes/${programme.id}`, {
      headers: { Accept: 'application/json' },
    });

    // Assess
    const page = await italian.text();
    expect(italian.status).toBe(200);
    for (const step of [
      'applications',
      'eligible',
      'assessmentsCompleted',
      'projectsApproved',
      'projectsLaunched',
    ]) {
      expect(page).toMatch(new RegExp(`data-testid="counter-${step}">1<`));
    }
    expect(page).toContain('35.000');
    expect(page).toContain('35%');
    for (const stage of ['submitted', 'eligible', 'manager_assigned', 'financing_pending']) {
      expect(page).toMatch(
        new RegExp(`data-testid="median-${stage}"><td>[^<]+</td><td class="n">meno di 1 ora</td>`),
      );
    }
    expect(page).toMatch(/data-testid="target-smes">[^<]*1 su 4 \(25%\)/);
    expect(page).toMatch(/data-testid="target-projects">[^<]*1 su 2 \(50%\)/);
    expect(page).toMatch(
      /data-testid="managers">Manager attivi: 1, incarichi in corso 1 su 2 posti \(50% di utilizzo\)/,
    );
    expect(await english.text()).toContain('Budget committed');
    expect(await json.json()).toMatchObject({ counters: { applications: 1, projectsLaunched: 1 } });
    const csv = async (kind: string, query = '') => {
      const response = await fetch(`${local.site}/_local/programmes/${programme.id}/${kind}.csv${query}`);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // UTF-8's byte order mark first, so a spreadsheet reads the accents right.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return new TextDecoder().decode(bytes).trim().split('\n');
    };
    // Italian spreadsheets: BOM, Italian headers, `;` between cells, decimal commas, Rome time, names.
    const applications = await csv('applications');
    const assessments = await csv('assessments');
    const projects = await csv('projects');
    expect(applications).toHaveLength(2);
    expect(applications[0]).toMatch(/^ID candidatura;Ricevuta il \(ora italiana\);Stato;Esito/);
    expect(applications[1]).toContain(sme.companyName);
    expect(applications[1]).toContain('launched');
    expect(applications[0]).toContain('Punteggio di abbinamento;Perché questo manager');
    expect(applications[1]).toMatch(/sector \d/);
    expect(applications[1]).toMatch(/;\d{4}-\d{2}-\d{2} \d{2}:\d{2};/);
    expect(applications[1]).toContain(manager.name);
    expect(assessments[1]).toContain('37,5');
    expect(projects[1]).toContain('MES e raccolta dati di macchina');
    expect(projects[1]).toContain(sme.companyName);
    // English spreadsheets: commas and decimal points, English headers.
    const englishAssessments = await csv('assessments', '?lang=en');
    expect(englishAssessments[0]).toMatch(/^Application ID,Company,Manager ID,Manager,/);
    expect(englishAssessments[1]).toContain('37.5');
    // The console's address redirects to the office's own dashboard (the cloud's handler), whose
    // export links are the office's own.
    expect(italian.redirected).toBe(true);
    expect(italian.url).toBe(`${local.site}/admin/programmes/${programme.id}`);
    expect(page).toContain(`/admin/programmes/${programme.id}/projects.csv`);
    expect(page).toContain('<canvas id="funnel-chart"');
    expect(italian.headers.get('content-security-policy')).toContain("script-src 'self'");
    const data = JSON.parse(
      page.match(/<script type="application\/json" id="dashboard-data">([^<]*)<\/script>/)?.[1] ?? '{}',
    );
    expect(data.funnel.values.slice(0, 2)).toEqual([1, 1]);
    const library = await fetch(`${local.site}/_local/assets/${assetFileName('chart')}`);
    expect(library.status).toBe(200);
    expect((await library.text()).length).toBeGreaterThan(100_000);
  });

  it('writes every export so that a spreadsheet opens hostile names as text, never as formulas', async () => {
    // Prepare: a firm and a project whose names are spreadsheet formulas.
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const company = '=HYPERLINK("http://evil.example","x")';
    const sme = await apply(programme.id, 'it', (application) => {
      application.company.name = company;
    });
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    const assessment = assessmentAnswer(true);
    if (assessment.project) assessment.project.title = '@SUM(1+1)*cmd|" /C calc"!A0';
    await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/)), assessment);
    await postJson(taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/)), {
      decision: 'approve',
      amountEur: 20_000,
    });
    await finished(sme.applicationId);

    // Act
    const exports = Object.fromEntries(
      await Promise.all(
        ['applications', 'assessments', 'projects'].map(async (kind) => {
          const response = await fetch(`${local.site}/_local/programmes/${programme.id}/${kind}.csv?lang=en`);
          const [header = [], ...rows] = parse(await response.text(), { bom: true }) as string[][];
          return [kind, rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])))];
        }),
      ),
    ) as Record<string, Record<string, string>[]>;

    // Assess: no text cell starts a formula; the names are there, behind an apostrophe.
    for (const [kind, rows] of Object.entries(exports)) {
      expect(rows.length, kind).toBe(1);
      for (const cell of Object.values(rows[0] ?? {})) expect(cell, kind).not.toMatch(/^[=+@\t\r]|^-[^\d]/);
    }
    expect(exports.applications?.[0]?.Company).toBe(`'${company}`);
    expect(exports.assessments?.[0]?.Company).toBe(`'${company}`);
    expect(exports.assessments?.[0]?.['Project title']).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    expect(exports.projects?.[0]?.Title).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    expect(exports.projects?.[0]?.Company).toBe(`'${company}`);
  });
});
