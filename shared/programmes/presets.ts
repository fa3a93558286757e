// Programme presets mirroring the seed programmes (../shared/seeds). The local runtime loads them
// into an empty store; in the cloud a programme missing from the table falls back to its preset.
import { lombardyProvinceCodes } from '#shared/domain/lombardy.ts';
import { type Programme, type ProgrammeInput, programmeSchema } from '#shared/domain/programme.ts';

const allLombardy = [...lombardyProvinceCodes];

/**
 * Sviluppo PMI (Confindustria Lombardia, DIH Lombardia, Federmanager/ALDAI, 4.Manager; run by
 * ARUM): 100 SMEs a year get a free assessment from a manager selected on merit.
 */
const sviluppoPmi: ProgrammeInput = {
  id: 'sviluppo-pmi',
  names: { it: 'Sviluppo PMI', en: 'SME Development (Sviluppo PMI)' },
  opensOn: '2026-01-01',
  closesOn: null,
  eligibility: { provinces: allLombardy, atecoSections: null, sizeClasses: ['micro', 'small', 'medium'] },
  quotas: { assessments: 100 },
  budget: { totalEur: 1_000_000, perProjectCapEur: 50_000 },
  matching: { maxOffers: 3, noManagerRetries: 3, capacityOnLaunch: 'keep' },
  languages: ['it', 'en'],
  officeEmails: ['ufficio.programma@sviluppo-pmi.example.org'],
};

export const programmePresets: readonly Programme[] = [sviluppoPmi].map((preset) =>
  programmeSchema.parse(preset),
);

/** The preset with this ID, if any. */
export function findPreset(programmeId: string): Programme | undefined {
  return programmePresets.find((preset) => preset.id === programmeId);
}
