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
  budget: { totalEur: 1_000_000, perProjectCapEur: 50_000, serviceValuesEur: { assessment: 0 } },
  targets: { smes: 100, projectsLaunched: 10 },
  // The free assessment and the financing are de minimis aid to the firm; the CAR code is the
  // call's own, set by the office when the measure is registered in the RNA.
  stateAid: { regime: 'de_minimis', aidValues: { assessmentEur: 0, financingPercent: 100 } },
  assessment: { model: 'dma' },
  matching: { maxOffers: 3, noManagerRetries: 3, capacityOnLaunch: 'keep' },
  languages: ['it', 'en'],
  officeEmails: ['ufficio.programma@sviluppo-pmi.example.org'],
};

/**
 * MechNet (Varese Chamber of Commerce with Confartigianato and CNA): a temporary manager analyses
 * mechanical firms of the province, writes a strategic plan with quantitative and qualitative
 * indicators and follows it; 13 firms joined the first edition.
 */
const mechNet: ProgrammeInput = {
  id: 'mechnet',
  names: { it: 'MechNet — rete della meccanica', en: 'MechNet — mechanical engineering network' },
  opensOn: '2026-01-01',
  closesOn: null,
  eligibility: {
    provinces: ['VA'],
    atecoSections: { version: '2025', sections: ['C'] },
    sizeClasses: ['micro', 'small', 'medium'],
  },
  quotas: { assessments: 15 },
  targets: { smes: 13 },
  budget: { totalEur: 300_000, perProjectCapEur: 25_000 },
  stateAid: { regime: 'de_minimis' },
  assessment: { model: 'dma' },
  matching: { maxOffers: 3, noManagerRetries: 3, capacityOnLaunch: 'keep' },
  languages: ['it'],
  officeEmails: ['mechnet@camera-commercio.example.org'],
};

/**
 * M.I.A. Lombardia (European Digital Innovation Hub, 12 partners): digitalisation services measured
 * with the EU DMA at T0 and T1; €7.8M of services planned, target 900 SMEs.
 */
const miaEdih: ProgrammeInput = {
  id: 'mia-edih',
  names: { it: 'M.I.A. Lombardia — EDIH', en: 'M.I.A. Lombardia — European Digital Innovation Hub' },
  opensOn: '2026-01-01',
  closesOn: null,
  eligibility: { provinces: allLombardy, atecoSections: null, sizeClasses: ['micro', 'small', 'medium'] },
  quotas: { assessments: 900 },
  budget: {
    totalEur: 7_800_000,
    perProjectCapEur: 60_000,
    serviceValuesEur: { training: 2_500, consulting: 12_000 },
  },
  targets: { smes: 900 },
  // EDIH services are subsidised: their aid share is de minimis aid (each service's own share comes
  // with the service catalogue; until then the financing counts in full).
  stateAid: { regime: 'de_minimis' },
  assessment: { model: 'dma' },
  matching: { maxOffers: 3, noManagerRetries: 5, capacityOnLaunch: 'release' },
  languages: ['it', 'en'],
  officeEmails: ['servizi@mia-edih.example.org'],
};

/**
 * Internationalisation agreement (Regione Lombardia and 11 associations): firms in four segments by
 * international experience, supported on five action fronts.
 */
const internationalisation: ProgrammeInput = {
  id: 'internazionalizzazione',
  names: { it: 'Internazionalizzazione delle imprese lombarde', en: 'Internationalisation of Lombard firms' },
  opensOn: '2026-01-01',
  closesOn: null,
  eligibility: { provinces: allLombardy, atecoSections: null, sizeClasses: ['micro', 'small', 'medium'] },
  quotas: { assessments: 200 },
  budget: { totalEur: 2_000_000, perProjectCapEur: 40_000 },
  stateAid: { regime: 'de_minimis' },
  // The manager also places the firm in one of the four segments and recommends action fronts.
  assessment: { model: 'dma_internationalisation' },
  matching: { maxOffers: 3, noManagerRetries: 3, capacityOnLaunch: 'release' },
  languages: ['it', 'en'],
  officeEmails: ['internazionalizzazione@regione.example.org'],
};

export const programmePresets: readonly Programme[] = [
  sviluppoPmi,
  mechNet,
  miaEdih,
  internationalisation,
].map((preset) => programmeSchema.parse(preset));

/** The preset with this ID, if any. */
export function findPreset(programmeId: string): Programme | undefined {
  return programmePresets.find((preset) => preset.id === programmeId);
}
