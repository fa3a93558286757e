import { describe, expect, it } from 'vitest';
import { collaborationProfileIssues } from '#shared/domain/collaboration.ts';
import { assessmentAnswerSchemaFor } from '#shared/domain/human-tasks.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import { taskFormToAnswer } from '#shared/schemas/task-forms.ts';
import { sampleDmaScores } from '../../support/fixtures.ts';

const catalogue = findPreset('mechnet')!.collaboration.catalogue;
const dmaFields = Object.fromEntries(
  Object.entries(sampleDmaScores).map(([k, v]) => [`dma.${k}`, String(v).replace('.', ',')]),
);

describe('the assessment form’s collaboration part', () => {
  it('becomes the JSON profile: Italian numbers, "kind:code" selects, empty rows ignored, brands ticked', () => {
    const answer = taskFormToAnswer(
      'assessment',
      {
        ...dmaFields,
        'improvementAreas.0': 'digital',
        findings: 'Acquisti frammentati',
        projectRecommended: 'false',
        'collaboration.interestedInNetwork': 'true',
        'collaboration.purchasing.0.category': 'steel_bars',
        'collaboration.purchasing.0.annualSpendEur': '120.000',
        'collaboration.purchasing.1.category': '',
        'collaboration.purchasing.1.annualSpendEur': '',
        'collaboration.offers.0.what': 'machine:cnc_5_axis',
        'collaboration.offers.0.hoursPerMonth': '40',
        'collaboration.needs.2.what': 'service:galvanic_treatment',
        'collaboration.needs.2.hoursPerMonth': '25',
        'collaboration.brands': ['varese_precision'],
      },
      'it',
    ) as Record<string, unknown>;
    expect(answer.collaboration).toEqual({
      purchasing: [{ category: 'steel_bars', annualSpendEur: 120_000 }],
      offers: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 40 }],
      needs: [{ kind: 'service', what: 'galvanic_treatment', hoursPerMonth: 25 }],
      brands: ['varese_precision'],
      interestedInNetwork: true,
    });
    const parsed = assessmentAnswerSchemaFor({
      model: 'dma',
      collaboration: true,
      services: false,
    }).safeParse(answer);
    expect(parsed.success).toBe(true);
    if (parsed.success && parsed.data.collaboration)
      expect(collaborationProfileIssues(parsed.data.collaboration, catalogue)).toEqual([]);
  });

  it('is required where the programme collects it, and refused where it does not', () => {
    const base = taskFormToAnswer(
      'assessment',
      { ...dmaFields, 'improvementAreas.0': 'digital', findings: 'x', projectRecommended: 'false' },
      'it',
    );
    const required = assessmentAnswerSchemaFor({
      model: 'dma',
      collaboration: true,
      services: false,
    }).safeParse(base);
    expect(required.success).toBe(false);
    expect(required.error?.issues.map((i) => i.path.join('.'))).toContain('collaboration');
    const refused = assessmentAnswerSchemaFor({
      model: 'dma',
      collaboration: false,
      services: false,
    }).safeParse({
      ...(base as object),
      collaboration: { interestedInNetwork: false },
    });
    expect(refused.success).toBe(false);
  });
});
