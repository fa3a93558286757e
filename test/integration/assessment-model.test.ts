// A programme's assessment model on the local stack: a programme whose model includes the
// internationalisation segment refuses an assessment without it (422 naming the field, nothing
// recorded), its link then takes the corrected answer, and the overall score is banded with the
// programme's own bands.
import { describe, expect, it } from 'vitest';
import { getAssessment } from '#shared/data/assessments.ts';
import { getHumanTask } from '#shared/data/human-tasks.ts';
import {
  apply,
  assessmentAnswer,
  emailTo,
  finished,
  newManager,
  newProgramme,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

describe('the assessment model', () => {
  it('requires the internationalisation part where the programme asks it, and bands with the programme’s bounds', async () => {
    // Prepare: the kit's answer scores 37.5 overall, "average" by the usual bounds.
    const manager = await newManager();
    const programme = await newProgramme([manager], {
      assessment: {
        model: 'dma_internationalisation',
        bands: { averageFrom: 10, moderatelyAdvancedFrom: 30, advancedFrom: 90 },
      },
    });
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    const assessmentLink = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    const internationalisation = { segment: 2, actionFronts: ['Fiere internazionali', 'E-commerce B2B'] };

    // Act
    const page = await fetch(assessmentLink, { headers: { Accept: 'text/html' } });
    const refused = await postJson(assessmentLink, assessmentAnswer(false), { 'Accept-Language': 'en' });
    const taskAfterRefusal = await getHumanTask(tableName, {
      applicationId: sme.applicationId,
      kind: 'assessment',
      round: 1,
    });
    const accepted = await postJson(assessmentLink, { ...assessmentAnswer(false), internationalisation });
    const execution = await finished(sme.applicationId);

    // Assess
    expect(await page.text()).toContain('name="internationalisation.segment"');
    expect(refused.status).toBe(422);
    expect(refused.body.fields).toEqual([
      { field: 'internationalisation', message: 'Internationalisation: this field is required.' },
    ]);
    expect(taskAfterRefusal).toMatchObject({ status: 'open' });
    expect(taskAfterRefusal).not.toHaveProperty('answer');
    expect(accepted.status).toBe(200);
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ outcome: 'assessed_no_project' });
    const recorded = await getAssessment(tableName, sme.applicationId);
    expect(recorded).toMatchObject({
      overall: 37.5,
      band: 'moderately_advanced',
      answer: { internationalisation },
    });
    const summary = await emailTo(sme.smeEmail, /risultato dell’assessment/);
    expect(summary.text).toContain('moderatamente avanzato');
  });
});
