// Programme presets mirroring the seed programmes (../shared/seeds). The local runtime loads them
// into an empty store; in the cloud a programme missing from the table falls back to its preset.
import type { CollaborationCatalogue } from '#shared/domain/collaboration.ts';
import { lombardyProvinceCodes } from '#shared/domain/lombardy.ts';
import { type Programme, type ProgrammeInput, programmeSchema } from '#shared/domain/programme.ts';
import type { CatalogueService } from '#shared/domain/services.ts';

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

const names = (it: string, en: string) => ({ it, en });

/** What MechNet's firms buy, own and need: the codes of their collaboration profiles. */
const mechNetCatalogue: CollaborationCatalogue = {
  purchasing: [
    {
      code: 'steel_bars',
      names: names('Barre e profilati di acciaio', 'Steel bars and sections'),
      savingRatePercent: 6,
    },
    { code: 'aluminium', names: names('Alluminio', 'Aluminium'), savingRatePercent: 5 },
    { code: 'cutting_tools', names: names('Utensili da taglio', 'Cutting tools'), savingRatePercent: 8 },
    {
      code: 'lubricants',
      names: names('Lubrificanti e refrigeranti', 'Lubricants and coolants'),
      savingRatePercent: 10,
    },
    { code: 'electricity', names: names('Energia elettrica', 'Electricity'), savingRatePercent: 4 },
    { code: 'packaging', names: names('Imballaggi', 'Packaging'), savingRatePercent: 7 },
  ],
  resources: [
    {
      code: 'cnc_5_axis',
      kind: 'machine',
      names: names('Centro di lavoro CNC a 5 assi', '5-axis CNC machining centre'),
      hourlyValueEur: 85,
    },
    { code: 'cnc_lathe', kind: 'machine', names: names('Tornio CNC', 'CNC lathe'), hourlyValueEur: 60 },
    {
      code: 'cmm_measuring',
      kind: 'machine',
      names: names('Macchina di misura CMM', 'CMM measuring machine'),
      hourlyValueEur: 70,
    },
    {
      code: 'laser_cutting',
      kind: 'machine',
      names: names('Taglio laser', 'Laser cutting'),
      hourlyValueEur: 90,
    },
    {
      code: 'galvanic_treatment',
      kind: 'service',
      names: names('Trattamento galvanico', 'Galvanic treatment'),
      hourlyValueEur: 55,
    },
    {
      code: 'mechanical_design',
      kind: 'service',
      names: names('Progettazione meccanica', 'Mechanical design'),
      hourlyValueEur: 65,
    },
    {
      code: 'export_sales',
      kind: 'service',
      names: names('Vendite ed export', 'Sales and export'),
      hourlyValueEur: 50,
    },
    {
      code: 'quality_management',
      kind: 'service',
      names: names('Gestione qualità', 'Quality management'),
      hourlyValueEur: 45,
    },
    {
      code: 'cnc_operator',
      kind: 'workforce',
      names: names('Operatore CNC', 'CNC operator'),
      hourlyValueEur: 32,
    },
    {
      code: 'assembler',
      kind: 'workforce',
      names: names('Montatore meccanico', 'Mechanical assembler'),
      hourlyValueEur: 28,
    },
    {
      code: 'maintenance_technician',
      kind: 'workforce',
      names: names('Manutentore', 'Maintenance technician'),
      hourlyValueEur: 35,
    },
  ],
  brands: [
    {
      code: 'varese_precision',
      names: names('Marchio "Meccanica di precisione varesina"', '"Varese precision engineering" mark'),
      annualCostEur: 6_000,
    },
    {
      code: 'made_in_lombardy',
      names: names('Marchio territoriale "Fatto in Lombardia"', '"Made in Lombardy" territorial mark'),
      annualCostEur: 2_500,
    },
  ],
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
  // The second half of MechNet: collaboration between the firms of the supply chain, up to a
  // network contract. Saving rates and hourly values are plausible estimates, to be set per edition.
  collaboration: { enabled: true, catalogue: mechNetCatalogue },
};

/**
 * What M.I.A. offers (plausible values for an EDIH catalogue: market value of each service and the
 * part of it that is state aid; training for SMEs is free, consulting co-funded).
 */
export const miaServiceCatalogue: CatalogueService[] = [
  {
    id: 'ai_for_smes_course',
    names: names('Corso: intelligenza artificiale per le PMI', 'Course: artificial intelligence for SMEs'),
    category: 'skills_training',
    mode: 'training',
    valueEur: 2_500,
    aidSharePercent: 100,
    maxPerCustomer: 3,
  },
  {
    id: 'cybersecurity_workshop',
    names: names('Laboratorio di sicurezza informatica', 'Cybersecurity workshop'),
    category: 'skills_training',
    mode: 'training',
    valueEur: 1_500,
    aidSharePercent: 100,
    maxPerCustomer: 3,
  },
  {
    id: 'networking_event',
    names: names(
      'Evento di incontro con fornitori di tecnologia',
      'Matchmaking event with technology providers',
    ),
    category: 'ecosystem_networking',
    mode: 'training',
    valueEur: 800,
    aidSharePercent: 100,
    maxPerCustomer: 2,
  },
  {
    id: 'test_before_invest_lab',
    names: names('Test prima di investire in laboratorio', 'Test before invest in a lab'),
    category: 'test_before_invest',
    mode: 'consulting',
    valueEur: 12_000,
    aidSharePercent: 70,
    maxPerCustomer: 1,
  },
  {
    id: 'technology_transfer',
    names: names('Trasferimento tecnologico su misura', 'Tailored technology transfer'),
    category: 'test_before_invest',
    mode: 'consulting',
    valueEur: 15_000,
    aidSharePercent: 70,
    maxPerCustomer: 1,
  },
  {
    id: 'funding_advice',
    names: names('Accompagnamento alla ricerca di finanziamenti', 'Support to find investment'),
    category: 'investment_support',
    mode: 'consulting',
    valueEur: 6_000,
    aidSharePercent: 100,
    maxPerCustomer: 2,
  },
];

/**
 * M.I.A. Lombardia (European Digital Innovation Hub, 12 partners): services from its catalogue to
 * firms of every size and to public bodies, each customer's digital maturity measured with the EU
 * DMA at T0 and T1; €7.8M of services planned, target 900 SMEs.
 */
const miaEdih: ProgrammeInput = {
  id: 'mia-edih',
  names: { it: 'M.I.A. Lombardia — EDIH', en: 'M.I.A. Lombardia — European Digital Innovation Hub' },
  opensOn: '2026-01-01',
  closesOn: null,
  eligibility: {
    provinces: allLombardy,
    atecoSections: null,
    sizeClasses: ['micro', 'small', 'medium'],
    customerTypes: ['sme', 'small_midcap', 'large', 'public_body'],
  },
  quotas: { assessments: 1_000 },
  // The budget is the value of services planned; a customer's plan is worth at most the cap.
  budget: { totalEur: 7_800_000, perProjectCapEur: 60_000 },
  targets: { smes: 900 },
  delivery: 'services',
  services: { catalogue: miaServiceCatalogue },
  // The aid share of each service is de minimis aid to the customer, registered before delivery.
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

let parsedPresets: readonly Programme[] | undefined;

/**
 * The presets, checked by the programme schema on first use (not at module load: a function that
 * never reads a preset does not pay for parsing four programmes in its cold start).
 */
export function programmePresets(): readonly Programme[] {
  parsedPresets ??= [sviluppoPmi, mechNet, miaEdih, internationalisation].map((preset) =>
    programmeSchema.parse(preset),
  );
  return parsedPresets;
}

/** The preset with this ID, if any. */
export function findPreset(programmeId: string): Programme | undefined {
  return programmePresets().find((preset) => preset.id === programmeId);
}
