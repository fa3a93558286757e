// Programmes from a file: validation of one or many, and the field-by-field change report.
import { describe, expect, it } from 'vitest';
import { programmePresets } from '#shared/programmes/presets.ts';
import { diffFields, presetNames, validateProgrammes } from '#shared/use-cases/load-programmes.ts';

const preset = programmePresets()[0]!;

describe('validateProgrammes', () => {
  it('accepts one programme or an array, filling the defaults', () => {
    const { budget: _budget, timeouts: _timeouts, ...withoutDefaults } = preset;
    const one = validateProgrammes(withoutDefaults);
    expect(one.ok && one.programmes[0]?.budget).toEqual({ totalEur: 1_000_000, perProjectCapEur: 100_000 });
    const many = validateProgrammes([preset, { ...preset, id: 'another-call' }]);
    expect(many.ok && many.programmes.map((programme) => programme.id)).toEqual([preset.id, 'another-call']);
  });

  it('reports every problem with the programme and the path, and stores nothing', () => {
    const result = validateProgrammes([
      preset,
      { ...preset, id: 'bad-one', quotas: { assessments: 0 }, officeEmails: ['not an address'] },
      { ...preset },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.index, problem.id, problem.path])).toEqual([
      [1, 'bad-one', 'quotas.assessments'],
      [1, 'bad-one', 'officeEmails.0'],
      [2, preset.id, 'id'],
    ]);
  });

  it('refuses an empty array', () => {
    expect(validateProgrammes([]).ok).toBe(false);
  });

  it('names the presets by id', () => {
    expect(presetNames()).toContain('sviluppo-pmi');
  });
});

describe('diffFields', () => {
  it('lists the leaf fields that differ, arrays compared whole', () => {
    const after = {
      ...preset,
      closesOn: '2026-12-31',
      quotas: { assessments: 120 },
      languages: ['it'],
    };
    expect(diffFields(preset, after)).toEqual([
      { path: 'closesOn', before: null, after: '2026-12-31' },
      { path: 'languages', before: ['it', 'en'], after: ['it'] },
      { path: 'quotas.assessments', before: 100, after: 120 },
    ]);
    expect(diffFields(preset, structuredClone(preset))).toEqual([]);
  });
});
