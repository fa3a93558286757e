// A fictional MechNet edition for the local demo (npm run admin -- demo mechnet): thirteen Varese
// firms of the mechanical supply chain, as in the edition that ran (8 machining, 4 systems and
// assembly, 1 galvanic treatment), each with the collaboration profile its manager would record.
// Names, Partite IVA, people and addresses are invented.
import type { CollaborationProfile } from '#shared/domain/collaboration.ts';
import { vatCheckDigit } from '#shared/domain/vat-number.ts';

export interface DemoFirm {
  readonly name: string;
  readonly municipality: string;
  readonly atecoCode: string;
  readonly employees: number;
  readonly turnoverEur: number;
  readonly contactName: string;
  readonly profile: CollaborationProfile;
}

/** A valid Partita IVA for the nth demo firm (office code 012, Varese). */
export function demoVatNumber(n: number): string {
  const firstTen = `${String(7_300_000 + n).padStart(7, '0')}012`;
  return `${firstTen}${vatCheckDigit(firstTen)}`;
}

const machining = (
  name: string,
  municipality: string,
  employees: number,
  contactName: string,
  steel: number,
  tools: number,
  cncHours: number,
  extra: Partial<CollaborationProfile> = {},
): DemoFirm => ({
  name,
  municipality,
  atecoCode: '25.62.00',
  employees,
  turnoverEur: employees * 80_000,
  contactName,
  profile: {
    purchasing: [
      { category: 'steel_bars', annualSpendEur: steel },
      { category: 'cutting_tools', annualSpendEur: tools },
      { category: 'lubricants', annualSpendEur: Math.round(tools / 3) },
    ],
    offers: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: cncHours }],
    needs: [
      { kind: 'service', what: 'galvanic_treatment', hoursPerMonth: 20 },
      { kind: 'machine', what: 'cmm_measuring', hoursPerMonth: 8 },
    ],
    brands: ['varese_precision'],
    interestedInNetwork: true,
    ...extra,
  },
});

const assembly = (
  name: string,
  municipality: string,
  employees: number,
  contactName: string,
  cncNeed: number,
  extra: Partial<CollaborationProfile> = {},
): DemoFirm => ({
  name,
  municipality,
  atecoCode: '28.29.30',
  employees,
  turnoverEur: employees * 95_000,
  contactName,
  profile: {
    purchasing: [
      { category: 'steel_bars', annualSpendEur: 40_000 },
      { category: 'packaging', annualSpendEur: 15_000 },
    ],
    offers: [
      { kind: 'workforce', what: 'assembler', hoursPerMonth: 40 },
      { kind: 'service', what: 'mechanical_design', hoursPerMonth: 30 },
    ],
    needs: [
      { kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: cncNeed },
      { kind: 'service', what: 'export_sales', hoursPerMonth: 20 },
    ],
    brands: ['varese_precision', 'made_in_lombardy'],
    interestedInNetwork: true,
    ...extra,
  },
});

export const demoMechNetFirms: readonly DemoFirm[] = [
  machining('Officine Meccaniche Bossi S.r.l.', 'Gallarate', 14, 'Paolo Bossi', 180_000, 45_000, 60, {
    offers: [
      { kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 60 },
      { kind: 'machine', what: 'cmm_measuring', hoursPerMonth: 30 },
    ],
    needs: [{ kind: 'service', what: 'galvanic_treatment', hoursPerMonth: 25 }],
  }),
  machining('Tornerie Riunite Saronnesi S.r.l.', 'Saronno', 9, 'Elena Castiglioni', 95_000, 30_000, 40),
  machining('Meccanica Fratelli Zanzi S.n.c.', 'Busto Arsizio', 7, 'Luca Zanzi', 70_000, 22_000, 25),
  machining('Precisione Ceresio S.r.l.', 'Porto Ceresio', 11, 'Marta Ferri', 120_000, 35_000, 45, {
    offers: [{ kind: 'workforce', what: 'cnc_operator', hoursPerMonth: 40 }],
  }),
  machining('Lavorazioni CNC Malnate S.r.l.', 'Malnate', 8, 'Davide Ossola', 85_000, 28_000, 30),
  machining('Officina Tradate Utensili S.r.l.', 'Tradate', 6, 'Chiara Banfi', 55_000, 40_000, 20, {
    purchasing: [
      { category: 'cutting_tools', annualSpendEur: 40_000 },
      { category: 'aluminium', annualSpendEur: 30_000 },
    ],
  }),
  machining('Minuterie Metalliche Varesine S.r.l.', 'Varese', 10, 'Giorgio Crespi', 110_000, 26_000, 35, {
    interestedInNetwork: false,
  }),
  machining('Meccanica di Precisione Luinese S.r.l.', 'Luino', 5, 'Sara Molinari', 48_000, 18_000, 15, {
    needs: [
      { kind: 'service', what: 'galvanic_treatment', hoursPerMonth: 15 },
      { kind: 'workforce', what: 'maintenance_technician', hoursPerMonth: 10 },
    ],
  }),
  assembly('Impianti Automatici Olona S.r.l.', 'Castellanza', 12, 'Roberto Galli', 50),
  assembly('Sistemi di Montaggio Cassano S.r.l.', 'Cassano Magnago', 9, 'Anna Pozzi', 35),
  assembly('Automazioni Sesto Calende S.r.l.', 'Sesto Calende', 6, 'Fabio Re', 25, {
    offers: [{ kind: 'workforce', what: 'maintenance_technician', hoursPerMonth: 20 }],
  }),
  assembly('Linee e Macchine Somma S.r.l.', 'Somma Lombardo', 7, 'Ilaria Conti', 30),
  {
    name: 'Galvanica Valle Olona S.r.l.',
    municipality: 'Fagnano Olona',
    atecoCode: '25.61.00',
    employees: 8,
    turnoverEur: 900_000,
    contactName: 'Stefano Rossi',
    profile: {
      purchasing: [
        { category: 'electricity', annualSpendEur: 140_000 },
        { category: 'packaging', annualSpendEur: 8_000 },
      ],
      offers: [{ kind: 'service', what: 'galvanic_treatment', hoursPerMonth: 160 }],
      needs: [{ kind: 'service', what: 'quality_management', hoursPerMonth: 10 }],
      brands: ['made_in_lombardy'],
      interestedInNetwork: true,
    },
  },
];
