// A programme's assessment model: what the assessment asks (DMA alone or with internationalisation)
// and where the DMA bands start; the answer schema per model and the band of an overall score.
import { describe, expect, it } from 'vitest';
import { defaultDmaBands, dmaBand } from '#shared/domain/dma-score.ts';
import { assessmentAnswerSchemas } from '#shared/domain/human-tasks.ts';
import { type ProgrammeInput, programmeSchema } from '#shared/domain/programme.ts';
import { findPreset, programmePresets } from '#shared/programmes/presets.ts';
import { sampleDmaScores } from '../../support/fixtures.ts';

/** A programme file's content with only the fields that have no default. */
const minimalProgramme = {
  id: 'bando-test',
  names: { it: 'Bando di prova', en: 'Test call' },
  opensOn: '2026-01-01',
  closesOn: null,
  eligibility: { provinces: ['MI'], atecoSections: null, sizeClasses: ['small'] },
  quotas: { assessments: 10 },
  languages: ['it'],
  officeEmails: ['ufficio@example.it'],
} satisfies ProgrammeInput;

const dma = sampleDmaScores;
const answerWithoutInternationalisation = {
  dma,
  improvementAreas: ['internationalisation'],
  findings: 'Export occasionale verso la Svizzera.',
  projectRecommended: false,
};
const internationalisation = { segment: 2, actionFronts: ['Fiere internazionali'] };

describe('the programme’s assessment settings', () => {
  it('default to the DMA alone with the usual bands, so programmes stored without them still load', () => {
    // Act
    const programme = programmeSchema.parse(minimalProgramme);

    // Assess
    expect(programme.assessment).toEqual({
      model: 'dma',
      bands: { averageFrom: 26, moderatelyAdvancedFrom: 51, advancedFrom: 76 },
    });
  });

  it('take a model alone and fill in the default bands', () => {
    const programme = programmeSchema.parse({
      ...minimalProgramme,
      assessment: { model: 'dma_internationalisation' },
    });
    expect(programme.assessment).toEqual({ model: 'dma_internationalisation', bands: defaultDmaBands });
  });

  it('refuses bands whose lower bounds do not increase, saying so', () => {
    // Act
    const result = programmeSchema.safeParse({
      ...minimalProgramme,
      assessment: { model: 'dma', bands: { averageFrom: 30, moderatelyAdvancedFrom: 30, advancedFrom: 76 } },
    });

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['assessment', 'bands'],
        message: 'band lower bounds must increase: averageFrom < moderatelyAdvancedFrom < advancedFrom',
      }),
    ]);
  });

  it('refuses bounds that are not whole scores from 1 to 100, and unknown models', () => {
    for (const assessment of [
      { bands: { averageFrom: 0, moderatelyAdvancedFrom: 51, advancedFrom: 76 } },
      { bands: { averageFrom: 26, moderatelyAdvancedFrom: 51, advancedFrom: 101 } },
      { bands: { averageFrom: 25.5, moderatelyAdvancedFrom: 51, advancedFrom: 76 } },
      { model: 'internationalisation' },
    ]) {
      expect(
        programmeSchema.safeParse({ ...minimalProgramme, assessment }).success,
        JSON.stringify(assessment),
      ).toBe(false);
    }
  });

  it('asks the internationalisation segment in the Internationalisation preset only', () => {
    expect(findPreset('internazionalizzazione')?.assessment.model).toBe('dma_internationalisation');
    const others = programmePresets().filter((preset) => preset.id !== 'internazionalizzazione');
    expect(others.map((preset) => preset.assessment.model)).toEqual(others.map(() => 'dma'));
  });
});

describe('dmaBand', () => {
  it('bands an overall score at the usual bounds by default', () => {
    const bands = [0, 25, 25.9, 26, 50, 50.9, 51, 75, 75.9, 76, 100].map((overall) =>
      dmaBand(overall, defaultDmaBands),
    );
    expect(bands).toEqual([
      'basic',
      'basic',
      'basic',
      'average',
      'average',
      'average',
      'moderately_advanced',
      'moderately_advanced',
      'moderately_advanced',
      'advanced',
      'advanced',
    ]);
  });

  it('follows the programme’s own bounds', () => {
    const bands = { averageFrom: 20, moderatelyAdvancedFrom: 45, advancedFrom: 85 };
    const banded = [19.9, 20, 44.9, 45, 84.9, 85, 26, 51, 76].map((overall) => dmaBand(overall, bands));
    expect(banded).toEqual([
      'basic',
      'average',
      'average',
      'moderately_advanced',
      'moderately_advanced',
      'advanced',
      'average',
      'moderately_advanced',
      'moderately_advanced',
    ]);
  });
});

describe('the assessment answer per model', () => {
  it('requires the internationalisation segment and action fronts with dma_internationalisation', () => {
    // Act
    const missing = assessmentAnswerSchemas.dma_internationalisation.safeParse(
      answerWithoutInternationalisation,
    );
    const given = assessmentAnswerSchemas.dma_internationalisation.safeParse({
      ...answerWithoutInternationalisation,
      internationalisation,
    });

    // Assess
    expect(missing.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['internationalisation'], 'validation.required'],
    ]);
    expect(given.success).toBe(true);
    expect(given.data).toMatchObject({ internationalisation });
  });

  it('refuses internationalisation answers with the DMA alone, and accepts the rest', () => {
    // Act
    const refused = assessmentAnswerSchemas.dma.safeParse({
      ...answerWithoutInternationalisation,
      internationalisation,
    });
    const accepted = assessmentAnswerSchemas.dma.safeParse(answerWithoutInternationalisation);

    // Assess
    expect(refused.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['internationalisation'], 'validation.notInAssessmentModel'],
    ]);
    expect(accepted.success).toBe(true);
  });
});
