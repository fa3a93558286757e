import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { defaultDmaBands } from '#shared/domain/dma-score.ts';
import {
  assessmentAnswerSchemas,
  type HumanTaskKind,
  humanTaskAnswerSchemas,
  humanTaskKinds,
} from '#shared/domain/human-tasks.ts';
import {
  assessmentRequestEmail,
  assessmentSummaryEmail,
  checkinMissedEmail,
  checkinRequestEmail,
  checkinSummaryEmail,
  escalationEmail,
  financingRequestEmail,
  introductionToManagerEmail,
  introductionToSmeEmail,
  journeyClosedEmail,
  offerEmail,
  projectAtRiskEmail,
  projectClosedEmail,
  projectLaunchedEmail,
} from '#shared/email/journey-emails.tsx';
import type { RenderedEmail } from '#shared/email/templates.tsx';
import { journeyMessagesEn, journeyMessagesIt } from '#shared/i18n/journey-messages.ts';
import { type Language, languages } from '#shared/i18n/language.ts';
import { messageCatalogues } from '#shared/i18n/messages.ts';
import {
  describeTaskAnswerErrors,
  TaskClosedPage,
  TaskDonePage,
  TaskPage,
  type TaskPageContext,
  taskFormToAnswer,
  taskPageHasScript,
} from '#shared/pages/task-pages.tsx';
import {
  type AssessmentSection,
  assessmentSections,
  overallOfTyped,
  repeatedRanks,
  sectionComplete,
} from '#shared/pages/tasks/assessment.tsx';
import { sampleDmaScores } from '../../support/fixtures.ts';

const managerId = '2b7e1516-28ae-4d2a-a6ab-f7158809cf4f';

/** The launched project of the check-in and closing pages: two KPIs, two qualitative objectives. */
const monitoredProject = {
  title: 'MES e tracciabilità di reparto',
  durationMonths: 18,
  launchedAt: '2026-04-01T08:00:00.000Z',
  amountEur: 120_000,
  kpis: [
    { name: 'OEE', unit: '%', baseline: 55, target: 70, expected: 60, last: 57.5 },
    { name: 'Scarti', unit: 'pezzi/mese', baseline: 1200, target: 600, expected: 1000 },
  ],
  qualitativeObjectives: ['Cultura del dato', 'Formazione dei capireparto'],
  cycle: 2,
  cycles: 6,
  t0: {
    overall: 48.5,
    band: 'average',
    scores: {
      digitalBusinessStrategy: 55,
      digitalReadiness: 40,
      humanCentricDigitalisation: 50,
      dataManagementAndConnectedness: 35,
      automationAndAi: 45,
      greenDigitalisation: 66,
    },
  },
} satisfies TaskPageContext['project'];
const formAction = '/tasks/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4';

/** A manager who registered, as the vetting page shows them. */
const vettingCandidate = {
  name: 'Roberto Sala',
  email: 'roberto.sala@example.it',
  phone: '+39 02 1234567',
  languages: ['it', 'en'],
  atecoSections: ['C', 'K'],
  atecoDivisions: ['25', '28'],
  competences: ['digital', 'automationAndAi'],
  provinces: ['MI', 'MB'],
  capacity: 3,
  cv: 'Vent’anni in meccanica di precisione, direttore di stabilimento.',
  conflictsCount: 2,
} satisfies TaskPageContext['candidate'];

/**
 * A task page's context; the assessment and the candidates are there for every kind that uses them.
 * The vetting of a manager has no programme, company or interests: only the candidate.
 */
function aContext(
  kind: HumanTaskKind,
  lang: Language,
  overrides: Partial<TaskPageContext> = {},
): TaskPageContext {
  if (kind === 'vetting') {
    return {
      lang,
      kind,
      formAction,
      dueAt: '2026-03-12T17:00:00.000Z',
      reminder: false,
      candidate: vettingCandidate,
      ...overrides,
    };
  }
  return {
    lang,
    kind,
    formAction,
    dueAt: '2026-03-12T17:00:00.000Z',
    reminder: false,
    programmeName: 'Lombardia Digitale 2026',
    company: {
      name: 'Officine Brambilla S.r.l.',
      province: 'VA',
      municipality: 'Gallarate',
      atecoCode: '25.62.00',
      atecoSection: 'C',
      sizeClass: 'small',
      employees: 18,
      website: 'https://www.officinebrambilla.it',
    },
    interests: ['digital', 'internationalisation'],
    ...(kind === 'offer' ? {} : { manager: { name: 'Laura Conti' } }),
    ...(kind === 'financing'
      ? {
          budgetLeftEur: 1_250_000,
          perProjectCapEur: 150_000,
          assessment: {
            overall: 48.5,
            band: 'average',
            scores: {
              digitalBusinessStrategy: 55,
              digitalReadiness: 40,
              humanCentricDigitalisation: 50,
              dataManagementAndConnectedness: 35,
              automationAndAi: 45,
              greenDigitalisation: 66,
            },
            improvementAreas: ['digital', 'internationalisation'],
            findings: 'Dati di produzione raccolti a mano su carta.',
            projectRecommended: true,
            project: {
              title: 'MES e tracciabilità di reparto',
              objectives: 'Collegare le presse al gestionale.',
              durationMonths: 18,
              budgetEur: 120_000,
              kpis: [{ name: 'OEE', unit: '%', baseline: 55, target: 70 }],
              qualitativeObjectives: ['Formare i capireparto'],
            },
          },
        }
      : {}),
    ...(kind === 'escalation'
      ? {
          escalationReason: 'no_manager' as const,
          candidateManagers: [{ managerId, name: 'Paolo Ferri', load: 1, capacity: 3 }],
        }
      : {}),
    ...(kind === 'checkin' || kind === 'closing'
      ? { project: kind === 'closing' ? { ...monitoredProject, cycle: 6 } : monitoredProject }
      : {}),
    ...overrides,
  };
}

const render = (ctx: TaskPageContext) => renderToString(TaskPage(ctx));

/** Every visible form control: its tag and id (undefined when it has none). */
function controls(html: string): { tag: string; id: string | undefined; name: string | undefined }[] {
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)]
    .filter(([, , attributes]) => !/type="hidden"/.test(attributes ?? ''))
    .map(([, tag, attributes]) => ({
      tag: tag ?? '',
      id: /\bid="([^"]+)"/.exec(attributes ?? '')?.[1],
      name: /\bname="([^"]+)"/.exec(attributes ?? '')?.[1],
    }));
}

describe('TaskPage', () => {
  for (const kind of humanTaskKinds) {
    for (const lang of languages) {
      it(`renders the ${kind} form in ${lang}: posts back to the link, labels every control`, () => {
        // Act
        const html = render(aContext(kind, lang));

        // Assess
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toMatch(new RegExp(`<form method="post" action="${formAction}"`));
        expect(html).toContain(`<input type="hidden" name="lang" value="${lang}"/>`);
        expect(html).toContain(messageCatalogues[lang][`${kind}.title`]);
        const found = controls(html);
        // Every form asks something besides its language; the registration asks one thing, the COR.
        expect(found.length).toBeGreaterThan(kind === 'registration' ? 0 : 1);
        for (const control of found) {
          expect(control.id, `${control.tag} ${control.name}`).toBeDefined();
          expect(html, `label for ${control.id}`).toContain(`for="${control.id}"`);
        }
        expect(html).toContain(lang === 'it' ? '12 marzo 2026' : '12 March 2026');
        expect(html).toContain('18:00');
        expect(html).not.toMatch(/\{\w+\}/);
        expect(html).not.toContain('style="');
        // No inline script ever; the assessment alone loads its live score from /assets.
        expect(html).not.toMatch(/<script(?! src="\/assets\/assessment-score-[0-9a-f]{10}\.js">)/);
        expect(html.includes('<script')).toBe(taskPageHasScript(kind));
      });
    }
  }

  it('shows the offer without the company’s contact details, website or municipality', () => {
    const html = render(aContext('offer', 'it'));
    expect(html).toContain('Officine Brambilla S.r.l.');
    expect(html).toContain('Varese (VA)');
    expect(html).toContain('Piccola impresa');
    expect(html).toContain('Digitale e Industria 4.0');
    expect(html).not.toContain('officinebrambilla.it');
    expect(html).not.toContain('Gallarate');
    expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.\w/); // no e-mail address
  });

  it('shows the project proposal, the DMA summary and the budget left on the financing page', () => {
    const italian = render(aContext('financing', 'it'));
    expect(italian).toContain('MES e tracciabilità di reparto');
    expect(italian).toMatch(/120\.000\s€/);
    expect(italian).toMatch(/1\.250\.000\s€/);
    expect(italian).toContain('48,5 su 100, livello medio');
    const english = render(aContext('financing', 'en'));
    expect(english).toContain('€1,250,000');
    expect(english).toContain('48.5 out of 100, average level');
  });

  it('gives the office what the decision needs: findings, qualitative objectives, the cap and the budget left, the proposed amount filled in', () => {
    const italian = render(aContext('financing', 'it'));
    const english = render(aContext('financing', 'en'));
    const again = render(aContext('financing', 'it', { values: { amountEur: '99.000' } }));

    expect(italian).toMatch(/data-testid="findings">Dati di produzione raccolti a mano su carta\.</);
    expect(italian).toMatch(/data-testid="qualitative-objectives"><li>Formare i capireparto<\/li>/);
    expect(italian).toMatch(/Tetto per progetto: 150\.000\s€\./);
    expect(english).toContain('Per-project cap: €150,000.');
    expect(italian).toMatch(/name="amountEur"[^>]*value="120\.000"/);
    expect(english).toMatch(/name="amountEur"[^>]*value="120,000"/);
    // What the office typed is shown again, never replaced by the proposal.
    expect(again).toMatch(/name="amountEur"[^>]*value="99\.000"/);
  });

  it('offers the candidates on an escalation, or only closing when there are none', () => {
    expect(render(aContext('escalation', 'en'))).toContain(
      `<option value="${managerId}">Paolo Ferri (engagements: 1 of 3)`,
    );
    const none = render(aContext('escalation', 'it', { candidateManagers: [] }));
    expect(none).not.toContain('value="assign"');
    expect(none).toContain('value="close"');
    expect(none).toContain(messageCatalogues.it['escalation.noCandidates']);
  });

  it('shows the project, one input per KPI with its trajectory and one choice per objective on a check-in', () => {
    // Act
    const italian = render(aContext('checkin', 'it'));
    const english = render(aContext('checkin', 'en'));

    // Assess
    expect(italian).toContain('MES e tracciabilità di reparto');
    expect(italian).toContain('2 di 6');
    expect(italian).toContain('1 aprile 2026');
    expect(italian).toMatch(/\d+ di 18 mesi/);
    expect(italian).toMatch(/120\.000\s€/);
    expect(italian).toContain('48,5 su 100, livello medio');
    expect(italian).toMatch(/<label for="f-kpiValues-0">OEE \(%\)/);
    expect(italian).toMatch(/<label for="f-kpiValues-1">Scarti \(pezzi\/mese\)/);
    expect(italian).toContain('Partenza 55 → atteso ora 60 → obiettivo 70. Ultimo valore registrato: 57,5.');
    expect(italian).toContain('Partenza 1200 → atteso ora 1000 → obiettivo 600.');
    expect(english).toContain('Baseline 55 → expected now 60 → target 70. Last value recorded: 57.5.');
    expect(english).toContain('2 of 6');
    expect(italian).not.toContain('f-kpiValues-2');
    for (const index of [0, 1]) {
      // One group per objective, sent even when unanswered, with its three choices.
      expect(italian).toContain(`<input type="hidden" name="qualitativeProgress.${index}" value/>`);
      for (const progress of ['not_started', 'in_progress', 'achieved']) {
        expect(italian).toMatch(
          new RegExp(`type="radio" id="[^"]+" name="qualitativeProgress\\.${index}" value="${progress}"`),
        );
      }
    }
    expect(italian).toContain('<legend>Cultura del dato</legend>');
    for (const name of ['economicBenefitEur', 'benefitJustification', 'spentEur', 'risks']) {
      expect(italian).toContain(`name="${name}"`);
    }
    expect(italian).toContain('Rischi e criticità (facoltativo)');
    expect(italian).not.toContain('name="dma.');
    expect(italian).not.toContain('name="outcome"');
  });

  it('asks the T1 scores beside T0, the outcome and the report on the closing page', () => {
    const html = render(aContext('closing', 'it'));
    expect(html).toContain('6 di 6');
    expect(html).toContain('name="kpiValues.1"');
    for (const dimension of ['digitalBusinessStrategy', 'greenDigitalisation']) {
      expect(html).toContain(`name="dma.${dimension}"`);
    }
    expect(html).toContain('Punteggio iniziale (T0): 55.');
    expect(html).toContain('Punteggio iniziale (T0): 66.');
    for (const outcome of ['completed', 'completed_partially', 'abandoned']) {
      expect(html).toMatch(new RegExp(`name="outcome" value="${outcome}"`));
    }
    expect(html).toContain('name="report"');
    expect(render(aContext('closing', 'en'))).toContain('Initial score (T0): 35.');
  });

  it('shows T0 with the band recorded with the assessment, as the programme’s bands made it', () => {
    // 48.5 is "average" with the default bands; this programme's bands made it "moderately advanced".
    const t0 = { ...monitoredProject.t0, band: 'moderately_advanced' };
    const html = render(aContext('closing', 'it', { project: { ...monitoredProject, cycle: 6, t0 } }));
    expect(html).toContain('48,5 su 100, livello moderatamente avanzato');
  });

  it('asks the internationalisation segment and action fronts only when the programme’s model has them', () => {
    // Act
    const dmaOnly = render(aContext('assessment', 'it', { assessmentModel: 'dma' }));
    const modelNotGiven = render(aContext('assessment', 'en'));
    const italian = render(aContext('assessment', 'it', { assessmentModel: 'dma_internationalisation' }));
    const english = render(aContext('assessment', 'en', { assessmentModel: 'dma_internationalisation' }));

    // Assess
    for (const html of [dmaOnly, modelNotGiven]) {
      expect(html).not.toContain('name="internationalisation.');
      expect(html).not.toMatch(
        /<legend>Internazionalizzazione<\/legend>|<legend>Internationalisation<\/legend>/,
      );
      expect(html).toContain('name="dma.digitalBusinessStrategy"');
    }
    expect(italian).toContain('<legend>Internazionalizzazione</legend>');
    expect(italian).toMatch(
      /<select id="f-internationalisation-segment" name="internationalisation.segment" required/,
    );
    expect(italian).toMatch(/<textarea id="f-internationalisation-actionFronts"[^>]* required/);
    expect(italian).toContain(journeyMessagesIt['assessment.segment.4']);
    expect(italian).toContain(journeyMessagesIt['assessment.hint.internationalisation']);
    expect(english).toContain('<legend>Internationalisation</legend>');
    expect(english).toContain(journeyMessagesEn['assessment.segment.1']);
  });

  it('names a missing internationalisation part in the summary and marks its fieldset, keeping the rest', () => {
    // Prepare
    const fields = {
      'dma.digitalBusinessStrategy': '40',
      'dma.digitalReadiness': '55',
      'dma.humanCentricDigitalisation': '35',
      'dma.dataManagementAndConnectedness': '30',
      'dma.automationAndAi': '20',
      'dma.greenDigitalisation': '45',
      'improvementAreas.0': 'internationalisation',
      findings: 'Export occasionale verso la Svizzera.',
      projectRecommended: 'false',
    };
    const answer = taskFormToAnswer('assessment', fields, 'it');
    const parsed = assessmentAnswerSchemas.dma_internationalisation.safeParse(answer);
    const errors = parsed.success ? [] : describeTaskAnswerErrors(parsed.error.issues, 'it', answer);

    // Act
    const html = render(
      aContext('assessment', 'it', { assessmentModel: 'dma_internationalisation', values: fields, errors }),
    );

    // Assess
    expect(errors).toEqual([
      { field: 'internationalisation', message: 'Internazionalizzazione: campo obbligatorio.' },
    ]);
    expect(html).toContain(
      '<a href="#f-internationalisation-segment">Internazionalizzazione: campo obbligatorio.</a>',
    );
    expect(html).toMatch(
      /<fieldset id="section-internationalisation" class="invalid" aria-describedby="[^"]*f-internationalisation-error/,
    );
    expect(html).toMatch(/id="f-internationalisation-segment"[^>]*aria-invalid="true"/);
    expect(html).toContain('Export occasionale verso la Svizzera.');
  });

  it('shows the candidate’s profile on the vetting page, without any company, and counts the conflicts', () => {
    // Act
    const italian = render(aContext('vetting', 'it'));
    const english = render(aContext('vetting', 'en'));

    // Assess
    expect(italian).toContain('Roberto Sala si è candidato come manager');
    expect(italian).toContain('roberto.sala@example.it');
    expect(italian).toContain('C — Attività manifatturiere, K — Telecomunicazioni');
    expect(italian).toContain('Digitale e Industria 4.0, Automazione e intelligenza artificiale');
    expect(italian).toContain('Milano (MI), Monza e della Brianza (MB)');
    expect(italian).toContain('Italiano, Inglese');
    expect(italian).toContain('25, 28');
    expect(italian).toContain('3 imprese contemporaneamente');
    expect(italian).toContain('2 imprese dichiarate');
    expect(italian).toContain('Vent’anni in meccanica di precisione');
    expect(italian).not.toContain(messageCatalogues.it['task.company']);
    expect(italian).not.toContain(messageCatalogues.it['task.programme']);
    for (const decision of ['approve', 'reject']) {
      expect(italian).toMatch(new RegExp(`type="radio" id="[^"]+" name="decision" value="${decision}"`));
    }
    // A text field read with the page's decimal comma (a browser's number field would send "85.5").
    expect(italian).toMatch(/<input id="f-merit" name="merit"[^>]*inputmode="decimal"/);
    expect(italian).not.toMatch(/name="merit" type="number"/);
    expect(italian).toContain('Note (facoltativo) — solo se scegli «Ammetto il manager»');
    expect(italian).toContain('name="reason"');
    expect(english).toContain('Italian, English');
    expect(english).toContain('C — Manufacturing');
    expect(english).toContain('2 companies declared');
    const noConflicts = render(
      aContext('vetting', 'en', {
        candidate: { ...vettingCandidate, conflictsCount: 0, atecoDivisions: [], cv: undefined },
      }),
    );
    expect(noConflicts).toMatch(/Companies you have ties to \(VAT numbers\)<\/dt><dd>None<\/dd>/);
    expect(noConflicts).not.toMatch(/\{\w+\}/);
  });

  it('keeps the vetting answers and names the missing merit after an error', () => {
    // Prepare
    const fields = { decision: 'approve', merit: '', notes: 'Profilo solido' };
    const answer = taskFormToAnswer('vetting', fields, 'it');
    const parsed = humanTaskAnswerSchemas.vetting.safeParse(answer);
    const errors = parsed.success ? [] : describeTaskAnswerErrors(parsed.error.issues, 'it', answer);

    // Act
    const html = render(aContext('vetting', 'it', { values: fields, errors }));

    // Assess
    expect(errors).toEqual([{ field: 'merit', message: 'Punteggio di merito: campo obbligatorio.' }]);
    expect(html).toContain('href="#f-merit"');
    expect(html).toMatch(/id="f-merit"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/name="decision" value="approve" checked/);
    expect(html).toContain('Profilo solido</textarea>');
  });

  it('shows one KPI input per submitted value when the project is not known', () => {
    const html = render(
      aContext('checkin', 'en', { project: undefined, values: { 'kpiValues.0': '1', 'kpiValues.2': '3' } }),
    );
    expect(html).toContain('<label for="f-kpiValues-2">KPI 3');
    expect(html).not.toContain('qualitativeProgress');
  });

  it('marks a check-in’s KPI and objective errors and keeps the answers', () => {
    // Prepare
    const fields = {
      'kpiValues.0': '',
      'kpiValues.1': 'molti',
      'qualitativeProgress.0': ['', 'achieved'],
      'qualitativeProgress.1': '',
      economicBenefitEur: '12.500',
      benefitJustification: '',
      spentEur: '30.000',
    };
    const answer = taskFormToAnswer('checkin', fields, 'it');
    const parsed = humanTaskAnswerSchemas.checkin.safeParse(answer);
    const errors = parsed.success
      ? []
      : describeTaskAnswerErrors(parsed.error.issues, 'it', answer, monitoredProject);

    // Act
    const html = render(aContext('checkin', 'it', { values: fields, errors }));

    // Assess
    expect(errors.map((error) => error.field)).toEqual([
      'kpiValues.0',
      'kpiValues.1',
      'qualitativeProgress.1',
      'benefitJustification',
    ]);
    for (const error of errors) expect(html).toContain(escapeHtml(error.message));
    expect(html).toContain('href="#f-kpiValues-0"');
    expect(html).toContain('href="#f-qualitativeProgress-1"');
    expect(html).toContain('id="f-qualitativeProgress-1"');
    expect(html).toMatch(/id="f-kpiValues-1"[^>]*value="molti"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/name="qualitativeProgress\.0" value="achieved" checked/);
    expect(html).toMatch(/id="f-economicBenefitEur"[^>]*value="12\.500"/);
  });

  it('lists the errors in a summary linking to the fields, marks them invalid and keeps the values', () => {
    // Prepare
    const fields = {
      'dma.digitalBusinessStrategy': '140',
      'improvementAreas.0': 'digital',
      'improvementAreas.1': 'digital',
      findings: 'Buona base <gestionale>',
      projectRecommended: 'true',
      'project.title': 'MES',
      'project.kpis.0.name': 'OEE',
    };
    const answer = taskFormToAnswer('assessment', fields, 'it');
    const parsed = humanTaskAnswerSchemas.assessment.safeParse(answer);
    expect(parsed.success).toBe(false);
    const errors = parsed.success ? [] : describeTaskAnswerErrors(parsed.error.issues, 'it', answer);

    // Act
    const html = render(aContext('assessment', 'it', { values: fields, errors }));

    // Assess
    const summary = html.slice(
      html.indexOf('class="error-summary"'),
      html.indexOf('</div>', html.indexOf('class="error-summary"')),
    );
    expect(summary).toContain('role="alert"');
    for (const error of errors) {
      const link = new RegExp(`<a href="#([^"]+)">${escapeRegExp(escapeHtml(error.message))}</a>`).exec(
        summary,
      );
      expect(link, error.field).not.toBeNull();
      expect(html, error.field).toContain(`id="${link?.[1]}"`);
    }
    expect(html).toMatch(/id="f-dma-digitalBusinessStrategy"[^>]*value="140"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/aria-describedby="[^"]*f-dma-digitalBusinessStrategy-error/);
    expect(html).toContain('Buona base &lt;gestionale>');
    expect(html).toMatch(/<option value="digital" selected>/);
  });
});

describe('TaskClosedPage and TaskDonePage', () => {
  for (const lang of languages) {
    it(`explains every closed link in ${lang} without naming anyone`, () => {
      for (const reason of ['answered', 'expired', 'cancelled', 'unknown'] as const) {
        const html = renderToString(TaskClosedPage({ lang, reason }));
        expect(html).toContain(messageCatalogues[lang][`task.closed.${reason}.title`]);
        expect(html).toContain(messageCatalogues[lang][`task.closed.${reason}.next`]);
        expect(html).not.toMatch(/\{\w+\}/);
        expect(html).not.toContain('<form');
      }
    });

    it(`thanks and says what was recorded in ${lang}`, () => {
      const accepted = renderToString(TaskDonePage({ lang, kind: 'offer', decision: 'accept' }));
      expect(accepted).toContain(messageCatalogues[lang]['task.done.offer.accept']);
      const project = renderToString(
        TaskDonePage({ lang, kind: 'assessment', decision: 'projectRecommended' }),
      );
      expect(project).toContain(messageCatalogues[lang]['task.done.assessment.project']);
      const other = renderToString(TaskDonePage({ lang, kind: 'assessment', decision: 'whatever' }));
      expect(other).toContain(messageCatalogues[lang]['task.done.generic']);
    });

    it(`thanks for a vetting and says what happens to the manager in ${lang}`, () => {
      for (const decision of ['approve', 'reject'] as const) {
        const html = renderToString(TaskDonePage({ lang, kind: 'vetting', decision }));
        expect(html).toContain(messageCatalogues[lang][`task.done.vetting.${decision}`]);
      }
    });

    it(`thanks for a check-in and says how the project closed in ${lang}`, () => {
      const checkin = renderToString(TaskDonePage({ lang, kind: 'checkin', decision: 'submitted' }));
      expect(checkin).toContain(messageCatalogues[lang]['task.done.checkin.submitted']);
      for (const outcome of ['completed', 'completed_partially', 'abandoned'] as const) {
        const closing = renderToString(TaskDonePage({ lang, kind: 'closing', decision: outcome }));
        expect(closing).toContain(messageCatalogues[lang][`task.done.closing.${outcome}`]);
        expect(closing).not.toMatch(/\{\w+\}/);
      }
      const unknown = renderToString(TaskDonePage({ lang, kind: 'closing', decision: 'submitted' }));
      expect(unknown).toContain(messageCatalogues[lang]['task.done.generic']);
    });
  }
});

describe('taskFormToAnswer', () => {
  const valid = (kind: HumanTaskKind, answer: unknown) => {
    const parsed = humanTaskAnswerSchemas[kind].safeParse(answer);
    expect(parsed.error?.issues ?? [], JSON.stringify(answer)).toEqual([]);
    return parsed.data;
  };

  it('reads an offer: accepting drops a stray reason, declining keeps it', () => {
    expect(
      valid('offer', taskFormToAnswer('offer', { lang: 'it', decision: 'accept', reason: '' }, 'it')),
    ).toEqual({
      decision: 'accept',
    });
    expect(
      valid('offer', taskFormToAnswer('offer', { decision: 'accept', reason: 'ignored' }, 'it')),
    ).toEqual({ decision: 'accept' });
    expect(
      valid('offer', taskFormToAnswer('offer', { decision: 'decline', reason: 'Troppi incarichi' }, 'it')),
    ).toEqual({ decision: 'decline', reason: 'Troppi incarichi' });
  });

  it('reads a full assessment with Italian numbers, ranked areas and KPI rows, ignoring empty rows', () => {
    // Prepare
    const fields = {
      lang: 'it',
      'dma.digitalBusinessStrategy': '55',
      'dma.digitalReadiness': '40,5',
      'dma.humanCentricDigitalisation': '50',
      'dma.dataManagementAndConnectedness': '35',
      'dma.automationAndAi': '45',
      'dma.greenDigitalisation': '66',
      'improvementAreas.0': 'digital',
      'improvementAreas.1': '',
      'improvementAreas.2': 'internationalisation',
      'improvementAreas.3': 'supply_chain',
      'improvementAreas.4': '',
      findings: 'Processi produttivi solidi, dati dispersi in fogli di calcolo.',
      'internationalisation.segment': '2',
      'internationalisation.actionFronts': 'Fiere internazionali\r\n\r\n  E-commerce B2B  \n',
      projectRecommended: 'true',
      'project.title': 'MES e tracciabilità di reparto',
      'project.objectives': 'Collegare le presse al gestionale.',
      'project.durationMonths': '18',
      'project.budgetEur': '1.250.000',
      'project.kpis.0.name': 'OEE',
      'project.kpis.0.unit': '%',
      'project.kpis.0.baseline': '55',
      'project.kpis.0.target': '70,5',
      'project.kpis.1.name': '',
      'project.kpis.1.unit': '',
      'project.kpis.1.baseline': '',
      'project.kpis.1.target': '',
      'project.kpis.2.name': 'Scarti',
      'project.kpis.2.unit': 'pezzi/mese',
      'project.kpis.2.baseline': '1.200',
      'project.kpis.2.target': '600',
      'project.kpis.3.name': '',
      'project.kpis.3.unit': '',
      'project.kpis.3.baseline': '',
      'project.kpis.3.target': '',
      'project.qualitativeObjectives': 'Cultura del dato\nFormazione dei capireparto',
    };

    // Act
    const answer = valid('assessment', taskFormToAnswer('assessment', fields, 'it'));

    // Assess
    expect(answer).toEqual({
      dma: {
        digitalBusinessStrategy: 55,
        digitalReadiness: 40.5,
        humanCentricDigitalisation: 50,
        dataManagementAndConnectedness: 35,
        automationAndAi: 45,
        greenDigitalisation: 66,
      },
      improvementAreas: ['digital', 'internationalisation', 'supply_chain'],
      findings: 'Processi produttivi solidi, dati dispersi in fogli di calcolo.',
      internationalisation: { segment: 2, actionFronts: ['Fiere internazionali', 'E-commerce B2B'] },
      projectRecommended: true,
      project: {
        title: 'MES e tracciabilità di reparto',
        objectives: 'Collegare le presse al gestionale.',
        durationMonths: 18,
        budgetEur: 1_250_000,
        kpis: [
          { name: 'OEE', unit: '%', baseline: 55, target: 70.5 },
          { name: 'Scarti', unit: 'pezzi/mese', baseline: 1200, target: 600 },
        ],
        qualitativeObjectives: ['Cultura del dato', 'Formazione dei capireparto'],
      },
    });
  });

  it('reads an assessment without a project, dropping project fields filled before changing one’s mind', () => {
    const answer = valid(
      'assessment',
      taskFormToAnswer(
        'assessment',
        {
          'dma.digitalBusinessStrategy': '20',
          'dma.digitalReadiness': '20',
          'dma.humanCentricDigitalisation': '20',
          'dma.dataManagementAndConnectedness': '20',
          'dma.automationAndAi': '20',
          'dma.greenDigitalisation': '20',
          'improvementAreas.0': 'business_model',
          findings: 'Early stage.',
          projectRecommended: 'false',
          'project.title': 'Half-written idea',
          'project.budgetEur': '50,000',
        },
        'en',
      ),
    );
    expect(answer).toMatchObject({ projectRecommended: false, improvementAreas: ['business_model'] });
    expect(answer).not.toHaveProperty('project');
    expect(answer).not.toHaveProperty('internationalisation');
  });

  it('reads financing decisions with amounts as written in either language', () => {
    expect(
      valid(
        'financing',
        taskFormToAnswer('financing', { decision: 'approve', amountEur: '1.250.000', reason: 'x' }, 'it'),
      ),
    ).toEqual({ decision: 'approve', amountEur: 1_250_000 });
    expect(
      valid(
        'financing',
        taskFormToAnswer('financing', { decision: 'approve', amountEur: '80,000.50' }, 'en'),
      ),
    ).toEqual({ decision: 'approve', amountEur: 80_000.5 });
    expect(
      valid(
        'financing',
        taskFormToAnswer('financing', { decision: 'reject', amountEur: '10', reason: 'Fuori ambito' }, 'it'),
      ),
    ).toEqual({ decision: 'reject', reason: 'Fuori ambito' });
  });

  const filledCheckin = {
    lang: 'it',
    'kpiValues.0': '61,5',
    'kpiValues.1': '1.050',
    'qualitativeProgress.0': ['', 'in_progress'],
    'qualitativeProgress.1': ['', 'not_started'],
    economicBenefitEur: '12.500',
    benefitJustification: 'Meno fermi macchina: 40 ore al mese recuperate sulle presse.',
    spentEur: '48.250,50',
    risks: '',
  };

  it('reads a filled check-in with Italian numbers, in the project’s KPI and objective order', () => {
    expect(valid('checkin', taskFormToAnswer('checkin', filledCheckin, 'it'))).toEqual({
      kpiValues: [61.5, 1050],
      qualitativeProgress: ['in_progress', 'not_started'],
      economicBenefitEur: 12_500,
      benefitJustification: 'Meno fermi macchina: 40 ore al mese recuperate sulle presse.',
      spentEur: 48_250.5,
    });
    expect(
      valid(
        'checkin',
        taskFormToAnswer(
          'checkin',
          {
            'kpiValues.0': '-2.5',
            economicBenefitEur: '0',
            benefitJustification: 'None yet.',
            spentEur: '12,500',
            risks: 'Supplier delay on the sensors.',
          },
          'en',
        ),
      ),
    ).toEqual({
      kpiValues: [-2.5],
      economicBenefitEur: 0,
      benefitJustification: 'None yet.',
      spentEur: 12_500,
      risks: 'Supplier delay on the sensors.',
      qualitativeProgress: [],
    });
  });

  it('reads a filled closing: the check-in, the T1 scores, the outcome and the report', () => {
    const answer = valid(
      'closing',
      taskFormToAnswer(
        'closing',
        {
          ...filledCheckin,
          'qualitativeProgress.0': ['', 'achieved'],
          risks: 'Nessuno.',
          'dma.digitalBusinessStrategy': '65',
          'dma.digitalReadiness': '58,5',
          'dma.humanCentricDigitalisation': '60',
          'dma.dataManagementAndConnectedness': '62',
          'dma.automationAndAi': '55',
          'dma.greenDigitalisation': '70',
          outcome: 'completed_partially',
          report: 'MES in produzione su due linee su tre; la terza slitta al prossimo esercizio.',
        },
        'it',
      ),
    );
    expect(answer).toMatchObject({
      kpiValues: [61.5, 1050],
      qualitativeProgress: ['achieved', 'not_started'],
      risks: 'Nessuno.',
      dma: {
        digitalBusinessStrategy: 65,
        digitalReadiness: 58.5,
        humanCentricDigitalisation: 60,
        dataManagementAndConnectedness: 62,
        automationAndAi: 55,
        greenDigitalisation: 70,
      },
      outcome: 'completed_partially',
      report: 'MES in produzione su due linee su tre; la terza slitta al prossimo esercizio.',
    });
  });

  it('reads vetting decisions: a merit as written in either language, notes only when approving', () => {
    expect(
      valid(
        'vetting',
        taskFormToAnswer(
          'vetting',
          { lang: 'it', decision: 'approve', merit: '72,5', notes: ' Ottime referenze ', reason: 'x' },
          'it',
        ),
      ),
    ).toEqual({ decision: 'approve', merit: 72.5, notes: 'Ottime referenze' });
    expect(
      valid('vetting', taskFormToAnswer('vetting', { decision: 'approve', merit: '80', notes: '' }, 'en')),
    ).toEqual({ decision: 'approve', merit: 80 });
    expect(
      valid(
        'vetting',
        taskFormToAnswer(
          'vetting',
          { decision: 'reject', merit: '10', notes: 'n', reason: 'Nessuna esperienza con PMI' },
          'it',
        ),
      ),
    ).toEqual({ decision: 'reject', reason: 'Nessuna esperienza con PMI' });
  });

  it('reads escalation decisions', () => {
    expect(
      valid(
        'escalation',
        taskFormToAnswer('escalation', { decision: 'assign', managerId, reason: '' }, 'it'),
      ),
    ).toEqual({ decision: 'assign', managerId });
    expect(
      valid(
        'escalation',
        taskFormToAnswer('escalation', { decision: 'close', managerId, reason: 'Nessun manager' }, 'en'),
      ),
    ).toEqual({ decision: 'close', reason: 'Nessun manager' });
  });
});

describe('describeTaskAnswerErrors', () => {
  const errorsOf = (kind: HumanTaskKind, fields: Record<string, string>, lang: Language) => {
    const answer = taskFormToAnswer(kind, fields, lang);
    const parsed = humanTaskAnswerSchemas[kind].safeParse(answer);
    expect(parsed.success).toBe(false);
    return parsed.success ? [] : describeTaskAnswerErrors(parsed.error.issues, lang, answer);
  };

  it('names every missing assessment field in Italian and English, in form order', () => {
    const italian = errorsOf('assessment', { projectRecommended: 'true' }, 'it');
    expect(italian.map((error) => error.field)).toEqual([
      'dma.digitalBusinessStrategy',
      'dma.digitalReadiness',
      'dma.humanCentricDigitalisation',
      'dma.dataManagementAndConnectedness',
      'dma.automationAndAi',
      'dma.greenDigitalisation',
      'improvementAreas',
      'findings',
      'project.title',
      'project.objectives',
      'project.durationMonths',
      'project.budgetEur',
      'project.kpis',
    ]);
    expect(italian[0]?.message).toBe('Strategia di business digitale: campo obbligatorio.');
    expect(italian.find((error) => error.field === 'improvementAreas')?.message).toBe(
      'Aree di miglioramento: indicane almeno uno.',
    );
    const english = errorsOf('assessment', { projectRecommended: 'true' }, 'en');
    expect(english[0]?.message).toBe('Digital business strategy: this field is required.');
    expect(english.find((error) => error.field === 'project.budgetEur')?.message).toBe(
      'Budget (€): this field is required.',
    );
  });

  it('says in both languages that the DMA alone does not take internationalisation answers', () => {
    const answer = {
      dma: sampleDmaScores,
      improvementAreas: ['digital'],
      findings: 'Dati di macchina non raccolti.',
      internationalisation: { segment: 1, actionFronts: ['Informazione'] },
      projectRecommended: false,
    };
    const parsed = assessmentAnswerSchemas.dma.safeParse(answer);
    const issues = parsed.success ? [] : parsed.error.issues;
    expect(describeTaskAnswerErrors(issues, 'it', answer)).toEqual([
      {
        field: 'internationalisation',
        message: 'Internazionalizzazione: non previsto dal modello di assessment di questo programma.',
      },
    ]);
    expect(describeTaskAnswerErrors(issues, 'en', answer)).toEqual([
      {
        field: 'internationalisation',
        message: 'Internationalisation: not part of this programme’s assessment model.',
      },
    ]);
  });

  it('reports duplicates, ranges, numbers and KPI cells by their row', () => {
    const errors = errorsOf(
      'assessment',
      {
        'dma.digitalBusinessStrategy': '140',
        'dma.digitalReadiness': 'tanto',
        'dma.humanCentricDigitalisation': '50',
        'dma.dataManagementAndConnectedness': '50',
        'dma.automationAndAi': '50',
        'dma.greenDigitalisation': '50',
        'improvementAreas.0': 'digital',
        'improvementAreas.1': 'digital',
        findings: 'x',
        projectRecommended: 'true',
        'project.title': 'MES',
        'project.objectives': 'x',
        'project.durationMonths': '6,5',
        'project.budgetEur': '0',
        'project.kpis.0.name': 'OEE',
        'project.kpis.0.baseline': '55',
      },
      'it',
    );
    const byField = Object.fromEntries(errors.map((error) => [error.field, error.message]));
    expect(byField).toEqual({
      'dma.digitalBusinessStrategy': 'Strategia di business digitale: il valore massimo è 100.',
      'dma.digitalReadiness': 'Prontezza digitale: inserisci un numero, ad esempio 1.250.000 o 12,5.',
      improvementAreas: 'Aree di miglioramento: ogni valore può comparire una sola volta.',
      'project.durationMonths': 'Durata (mesi): inserisci un numero intero.',
      'project.budgetEur': 'Budget (€): inserisci un valore maggiore di zero.',
      'project.kpis.0.unit': 'Unità di misura (indicatore 1): campo obbligatorio.',
      'project.kpis.0.target': 'Valore obiettivo (indicatore 1): campo obbligatorio.',
    });
  });

  it('names the decision and its fields for offers, financing and escalations in both languages', () => {
    expect(errorsOf('offer', {}, 'it')).toEqual([
      { field: 'decision', message: 'Decisione: campo obbligatorio.' },
    ]);
    expect(errorsOf('offer', { decision: 'maybe' }, 'en')).toEqual([
      { field: 'decision', message: 'Decision: choose one of the values offered.' },
    ]);
    expect(errorsOf('financing', { decision: 'approve', amountEur: 'molti' }, 'it')).toEqual([
      {
        field: 'amountEur',
        message: 'Importo approvato (€): inserisci un numero, ad esempio 1.250.000 o 12,5.',
      },
    ]);
    expect(errorsOf('financing', { decision: 'reject' }, 'en')).toEqual([
      { field: 'reason', message: 'Reason: this field is required.' },
    ]);
    expect(errorsOf('escalation', { decision: 'assign', managerId: 'nobody' }, 'en')).toEqual([
      { field: 'managerId', message: 'Manager to assign: choose one of the values offered.' },
    ]);
    expect(errorsOf('vetting', { decision: 'approve', merit: '120' }, 'en')).toEqual([
      { field: 'merit', message: 'Merit score: the maximum is 100.' },
    ]);
    expect(errorsOf('vetting', { decision: 'approve', merit: 'ottimo' }, 'it')).toEqual([
      { field: 'merit', message: 'Punteggio di merito: inserisci un numero, ad esempio 1.250.000 o 12,5.' },
    ]);
    expect(errorsOf('vetting', { decision: 'reject', reason: ' ' }, 'it')).toEqual([
      { field: 'reason', message: 'Motivo: campo obbligatorio.' },
    ]);
    expect(errorsOf('vetting', {}, 'en')).toEqual([
      { field: 'decision', message: 'Decision: this field is required.' },
    ]);
  });

  it('names a check-in’s fields by the project’s KPIs and objectives, or by position without them', () => {
    // Prepare
    const fields = {
      'kpiValues.0': '',
      'kpiValues.1': 'tanti',
      'qualitativeProgress.0': ['', 'forse'],
      'qualitativeProgress.1': '',
      economicBenefitEur: '-5',
      spentEur: '',
    };
    const answer = taskFormToAnswer('checkin', fields, 'it');
    const parsed = humanTaskAnswerSchemas.checkin.safeParse(answer);
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.error.issues;

    // Act
    const named = describeTaskAnswerErrors(issues, 'it', answer, monitoredProject);
    const english = describeTaskAnswerErrors(issues, 'en', answer, monitoredProject);
    const anonymous = describeTaskAnswerErrors(issues, 'en', answer);

    // Assess
    expect(named).toEqual([
      { field: 'kpiValues.0', message: 'OEE (%): campo obbligatorio.' },
      {
        field: 'kpiValues.1',
        message: 'Scarti (pezzi/mese): inserisci un numero, ad esempio 1.250.000 o 12,5.',
      },
      { field: 'qualitativeProgress.0', message: 'Cultura del dato: scegli uno dei valori proposti.' },
      { field: 'qualitativeProgress.1', message: 'Formazione dei capireparto: campo obbligatorio.' },
      { field: 'economicBenefitEur', message: 'Beneficio economico finora (€): il valore minimo è 0.' },
      { field: 'benefitJustification', message: 'Come è stato stimato il beneficio: campo obbligatorio.' },
      { field: 'spentEur', message: 'Spesa sostenuta finora (€): campo obbligatorio.' },
    ]);
    expect(english[0]).toEqual({ field: 'kpiValues.0', message: 'OEE (%): this field is required.' });
    expect(anonymous.slice(0, 4).map((error) => error.message)).toEqual([
      'KPI 1: this field is required.',
      'KPI 2: enter a number, e.g. 1,250,000 or 12.5.',
      'Qualitative objective 1: choose one of the values offered.',
      'Qualitative objective 2: this field is required.',
    ]);
  });

  it('names a closing’s missing fields in page order: check-in, T1 scores, outcome, report', () => {
    const errors = errorsOf('closing', { 'kpiValues.0': '60', 'dma.automationAndAi': '101' }, 'en');
    expect(errors.map((error) => error.field)).toEqual([
      'economicBenefitEur',
      'benefitJustification',
      'spentEur',
      'dma.digitalBusinessStrategy',
      'dma.digitalReadiness',
      'dma.humanCentricDigitalisation',
      'dma.dataManagementAndConnectedness',
      'dma.automationAndAi',
      'dma.greenDigitalisation',
      'outcome',
      'report',
    ]);
    expect(errors.find((error) => error.field === 'dma.automationAndAi')?.message).toBe(
      'Automation and artificial intelligence: the maximum is 100.',
    );
    expect(errors.find((error) => error.field === 'outcome')?.message).toBe(
      'Project outcome: this field is required.',
    );
    expect(
      errorsOf('closing', { outcome: 'finished' }, 'it').find((e) => e.field === 'outcome')?.message,
    ).toBe('Esito del progetto: scegli uno dei valori proposti.');
    expect(errorsOf('checkin', {}, 'it')[0]).toEqual({
      field: 'kpiValues',
      message: 'Valori degli indicatori (KPI): indicane almeno uno.',
    });
  });

  it('reports unexpected JSON keys and works without the input', () => {
    const parsed = humanTaskAnswerSchemas.offer.safeParse({ decision: 'accept', reason: 'x', extra: 1 });
    expect(parsed.success).toBe(false);
    const errors = parsed.success ? [] : describeTaskAnswerErrors(parsed.error.issues, 'en');
    expect(errors.map((error) => error.field).sort()).toEqual(['extra', 'reason']);
    const missing = humanTaskAnswerSchemas.financing.safeParse({ decision: 'approve' });
    expect(missing.success ? [] : describeTaskAnswerErrors(missing.error.issues, 'it')).toEqual([
      { field: 'amountEur', message: 'Importo approvato (€): campo obbligatorio.' },
    ]);
  });
});

describe('the journey e-mails', () => {
  const link = 'https://pmi.example.it/tasks/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4';
  const dueAt = '2026-03-12T17:00:00.000Z';
  const emails = (
    lang: Language,
    reminder: boolean,
  ): Record<string, [RenderedEmail, string | undefined]> => ({
    offer: [
      offerEmail(lang, {
        managerName: 'Laura Conti',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        sectorCode: '25.62.00',
        province: 'VA',
        dueAt,
        link,
        reminder,
      }),
      link,
    ],
    introductionToSme: [
      introductionToSmeEmail(lang, {
        contactName: 'Giulia Brambilla',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        managerName: 'Laura Conti',
        managerEmail: 'laura.conti@example.it',
        managerPhone: '+39 02 1234567',
      }),
      undefined,
    ],
    introductionToManager: [
      introductionToManagerEmail(lang, {
        managerName: 'Laura Conti',
        companyName: 'Officine Brambilla S.r.l.',
        contactName: 'Giulia Brambilla',
        contactEmail: 'giulia@officinebrambilla.it',
        programmeName: 'Lombardia Digitale 2026',
      }),
      undefined,
    ],
    assessmentRequest: [
      assessmentRequestEmail(lang, {
        managerName: 'Laura Conti',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        dueAt,
        link,
        reminder,
      }),
      link,
    ],
    assessmentSummary: [
      assessmentSummaryEmail(lang, {
        contactName: 'Giulia Brambilla',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        overall: 48.5,
        band: 'average',
        scores: {
          digitalBusinessStrategy: 55,
          digitalReadiness: 40,
          humanCentricDigitalisation: 50,
          dataManagementAndConnectedness: 35,
          automationAndAi: 45,
          greenDigitalisation: 66,
        },
        improvementAreas: ['digital', 'internationalisation'],
        projectRecommended: true,
        projectTitle: 'MES e tracciabilità di reparto',
      }),
      undefined,
    ],
    financingRequest: [
      financingRequestEmail(lang, {
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        projectTitle: 'MES e tracciabilità di reparto',
        budgetEur: 1_250_000,
        managerName: 'Laura Conti',
        dueAt,
        link,
        reminder,
      }),
      link,
    ],
    escalation: [
      escalationEmail(lang, {
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        reason: 'assessment_overdue',
        dueAt,
        link,
        reminder,
      }),
      link,
    ],
    projectLaunched: [
      projectLaunchedEmail(lang, {
        recipientName: 'Giulia Brambilla',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        projectTitle: 'MES e tracciabilità di reparto',
        amountEur: 100_000.5,
      }),
      undefined,
    ],
    journeyClosed: [
      journeyClosedEmail(lang, {
        contactName: 'Giulia Brambilla',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        outcome: 'financing_rejected',
      }),
      undefined,
    ],
    checkinRequest: [
      checkinRequestEmail(lang, {
        managerName: 'Laura Conti',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        projectTitle: 'MES e tracciabilità di reparto',
        cycle: 2,
        cycles: 6,
        dueAt,
        link,
        reminder,
      }),
      link,
    ],
    closingRequest: [
      checkinRequestEmail(lang, {
        managerName: 'Laura Conti',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        projectTitle: 'MES e tracciabilità di reparto',
        cycle: 6,
        cycles: 6,
        dueAt,
        link,
        reminder,
      }),
      link,
    ],
    checkinSummary: [
      checkinSummaryEmail(lang, {
        contactName: 'Giulia Brambilla',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        projectTitle: 'MES e tracciabilità di reparto',
        cycle: 2,
        kpis: [
          { name: 'OEE', unit: '%', baseline: 55, value: 61.5, target: 70, onTrack: true },
          { name: 'Scarti', unit: 'pezzi/mese', baseline: 1200, value: 1150, target: 600, onTrack: false },
        ],
        economicBenefitEur: 12_500,
        spentEur: 48_250.5,
      }),
      undefined,
    ],
    projectAtRisk: [
      projectAtRiskEmail(lang, {
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        projectTitle: 'MES e tracciabilità di reparto',
        cycle: 2,
        kpisBehind: [{ name: 'Scarti', unit: 'pezzi/mese', value: 1150, expected: 1000 }],
      }),
      undefined,
    ],
    checkinMissed: [
      checkinMissedEmail(lang, {
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        projectTitle: 'MES e tracciabilità di reparto',
        cycle: 3,
      }),
      undefined,
    ],
    projectClosed: [
      projectClosedEmail(lang, {
        recipientName: 'Giulia Brambilla',
        companyName: 'Officine Brambilla S.r.l.',
        programmeName: 'Lombardia Digitale 2026',
        projectTitle: 'MES e tracciabilità di reparto',
        outcome: 'completed_partially',
        t0Overall: 48.5,
        t1Overall: 61.8,
        economicBenefitEur: 85_000,
        spentEur: 110_400,
        unspentEur: 9_600,
      }),
      undefined,
    ],
  });

  for (const lang of languages) {
    for (const reminder of [false, true]) {
      it(`renders every e-mail in ${lang}${reminder ? ' as a reminder' : ''}: links in both parts, no placeholder left`, () => {
        for (const [name, [email, expectedLink]] of Object.entries(emails(lang, reminder))) {
          for (const part of [email.subject, email.text, email.html]) {
            expect(part, name).not.toMatch(/\{\w+\}/);
            expect(part, name).not.toContain('undefined');
          }
          expect(email.subject.length, name).toBeGreaterThan(0);
          if (expectedLink) {
            expect(email.text, name).toContain(expectedLink);
            expect(email.html, name).toContain(`href="${expectedLink}"`);
            expect(email.text, name).toContain(lang === 'it' ? '12 marzo 2026' : '12 March 2026');
            expect(email.text, name).toContain('18:00');
            expect(email.subject.startsWith(lang === 'it' ? 'Promemoria: ' : 'Reminder: '), name).toBe(
              reminder,
            );
          }
        }
      });
    }
  }

  it('writes money and scores the way each language does', () => {
    const italian = emails('it', false);
    const english = emails('en', false);
    expect(italian.financingRequest?.[0].text).toMatch(/1\.250\.000\s€/);
    expect(english.financingRequest?.[0].text).toContain('€1,250,000');
    expect(italian.projectLaunched?.[0].text).toMatch(/100\.000,50\s€/);
    expect(english.projectLaunched?.[0].text).toContain('€100,000.50');
    expect(italian.assessmentSummary?.[0].text).toContain(
      'Punteggio complessivo: 48,5 su 100 (livello medio).',
    );
    expect(italian.assessmentSummary?.[0].text).toContain(
      '1. Digitale e Industria 4.0; 2. Internazionalizzazione',
    );
    expect(english.journeyClosed?.[0].text).toContain(messageCatalogues.en['outcome.financing_rejected']);
    expect(italian.offer?.[0].text).toContain('provincia di Varese (VA)');
    expect(italian.offer?.[0].text).not.toContain('@');
  });

  it('writes the monitoring e-mails’ KPIs, money and DMA change the way each language does', () => {
    const italian = emails('it', false);
    const english = emails('en', false);
    expect(italian.checkinRequest?.[0].subject).toBe(
      'Check-in 2 di 6: MES e tracciabilità di reparto — Officine Brambilla S.r.l.',
    );
    expect(italian.closingRequest?.[0].subject).toBe(
      'Chiusura del progetto: MES e tracciabilità di reparto — Officine Brambilla S.r.l.',
    );
    expect(english.closingRequest?.[0].text).toContain('(T1)');
    expect(italian.checkinSummary?.[0].text).toContain(
      'OEE (%): 61,5 (partenza 55, obiettivo 70), in linea con il percorso previsto.',
    );
    expect(italian.checkinSummary?.[0].text).toContain('in ritardo rispetto al percorso previsto');
    expect(italian.checkinSummary?.[0].text).toMatch(/12\.500\s€/);
    expect(english.checkinSummary?.[0].text).toContain('€48,250.50');
    expect(italian.projectAtRisk?.[0].text).toContain('Scarti (pezzi/mese): 1150, atteso ora 1000.');
    expect(english.projectAtRisk?.[0].text.startsWith('Hello,')).toBe(true);
    expect(italian.checkinMissed?.[0].text).toContain('check-in 3');
    expect(italian.projectClosed?.[0].text).toContain('Esito: Completato in parte.');
    expect(italian.projectClosed?.[0].text).toContain('da 48,5 a 61,8 su 100 (+13,3 punti');
    expect(english.projectClosed?.[0].text).toContain('from 48.5 to 61.8 out of 100 (+13.3 points');
    expect(english.projectClosed?.[0].text).toContain('€9,600');
    const withoutT1 = projectClosedEmail('it', {
      recipientName: 'Laura Conti',
      companyName: 'Officine Brambilla S.r.l.',
      programmeName: 'Lombardia Digitale 2026',
      projectTitle: 'MES',
      outcome: 'abandoned',
      economicBenefitEur: 0,
      spentEur: 0,
      unspentEur: 120_000,
    });
    expect(withoutT1.text).not.toContain('Maturità digitale');
    expect(withoutT1.text).toContain('Esito: Abbandonato.');
  });

  it('has the same keys and placeholders in the Italian and English journey catalogues', () => {
    expect(Object.keys(journeyMessagesEn).sort()).toEqual(Object.keys(journeyMessagesIt).sort());
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the assessment form', () => {
  it('states the programme’s per-project cap beside the project budget, with an example that fits it', () => {
    const page = render(aContext('assessment', 'it', { perProjectCapEur: 50_000 }));
    const english = render(aContext('assessment', 'en', { perProjectCapEur: 50_000 }));
    expect(page).toMatch(/In euro, ad esempio 45\.000\. Tetto per progetto: 50\.000\s€\./);
    expect(english).toContain('In euro, e.g. 45,000. Per-project cap: €50,000.');
  });
});

describe('every page', () => {
  it('carries the site icon inline, so browsers do not ask for a missing /favicon.ico', () => {
    const page = render(aContext('offer', 'it'));
    expect(page).toMatch(/<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml,[^"]+"/);
  });
});

describe('the assessment as a work screen', () => {
  const typed = (values: Record<string, string>) => (name: string) => values[name] ?? '';
  const scores = {
    'dma.digitalBusinessStrategy': '39,5',
    'dma.digitalReadiness': '55',
    'dma.humanCentricDigitalisation': '35,5',
    'dma.dataManagementAndConnectedness': '30',
    'dma.automationAndAi': '20',
    'dma.greenDigitalisation': '45',
  };

  it('computes the overall score and band of what was typed, decimal commas included, only when all six are valid', () => {
    expect(overallOfTyped(typed(scores), 'it', defaultDmaBands)).toEqual({ overall: 37.5, band: 'average' });
    expect(
      overallOfTyped(typed({ ...scores, 'dma.automationAndAi': '' }), 'it', defaultDmaBands),
    ).toBeUndefined();
    expect(
      overallOfTyped(typed({ ...scores, 'dma.automationAndAi': '150' }), 'it', defaultDmaBands),
    ).toBeUndefined();
    // The programme's own bands decide the band.
    const strict = { averageFrom: 40, moderatelyAdvancedFrom: 60, advancedFrom: 80 };
    expect(overallOfTyped(typed(scores), 'it', strict)?.band).toBe('basic');
  });

  it('counts a section done when its fields are filled, the project’s only when one is recommended', () => {
    const [dma, areas, findings, project] = assessmentSections('dma');
    expect([dma?.id, areas?.id, findings?.id, project?.id]).toEqual(['dma', 'areas', 'findings', 'project']);
    expect(assessmentSections('dma_internationalisation').map((s) => s.id)).toContain('internationalisation');
    expect(sectionComplete(dma as AssessmentSection, typed(scores))).toBe(true);
    expect(
      sectionComplete(dma as AssessmentSection, typed({ ...scores, 'dma.greenDigitalisation': ' ' })),
    ).toBe(false);
    expect(sectionComplete(project as AssessmentSection, typed({ projectRecommended: 'false' }))).toBe(true);
    expect(sectionComplete(project as AssessmentSection, typed({ projectRecommended: 'true' }))).toBe(false);
  });

  it('marks only a repeated priority, naming the rank it repeats', () => {
    expect([...repeatedRanks(['digital', '', 'digital', 'training', 'training'])]).toEqual([
      [2, 0],
      [4, 3],
    ]);
    const html = render(
      aContext('assessment', 'it', {
        values: { ...scores, 'improvementAreas.0': 'digital', 'improvementAreas.2': 'digital' },
        errors: [
          {
            field: 'improvementAreas',
            message: 'Aree di miglioramento: ogni valore può comparire una sola volta.',
          },
        ],
      }),
    );
    const invalid = [...html.matchAll(/<select id="(f-improvementAreas-\d)"[^>]*aria-invalid="true"/g)].map(
      (m) => m[1],
    );
    expect(invalid).toEqual(['f-improvementAreas-2']);
    expect(html).toContain('Già scelta come priorità 1');
    // The server writes the score and band the script would (a page without JavaScript has them too).
    expect(html).toContain('Punteggio complessivo: 37,5 su 100 — livello medio');
    expect(html).toMatch(/2 di 4 sezioni complete/); // the scores and the first priority
  });
});
