// A scaled M.I.A. Lombardia edition for the local demo (npm run admin -- demo edih): the seed's
// figures divided by ten. 66 customers, of which 60 SMEs (and 3 small mid-caps, 2 large firms, 1
// public body); 100 services delivered, 60 of them training and 40 consulting; €546,000 delivered
// of €780,000 planned: 70%. Names, Partite IVA and people are invented.
import { lombardyProvinceCodes } from '#shared/domain/lombardy.ts';
import { type Programme, programmeSchema } from '#shared/domain/programme.ts';
import type { ServicePlan } from '#shared/domain/services.ts';
import { vatCheckDigit } from '#shared/domain/vat-number.ts';
import { findPreset } from './presets.ts';

export const demoEdihProgrammeId = 'mia-edih-demo';

/**
 * The M.I.A. preset at a tenth of its size; the months before the T1 DMA compressed to seconds.
 * @param roster - the demo's experts (its offers go to them only)
 */
export function demoEdihProgramme(roster: readonly string[]): Programme {
  const preset = findPreset('mia-edih');
  if (!preset) throw new Error('the M.I.A. preset is missing');
  return programmeSchema.parse({
    ...preset,
    id: demoEdihProgrammeId,
    names: {
      it: 'M.I.A. Lombardia — EDIH (edizione dimostrativa)',
      en: 'M.I.A. Lombardia — EDIH (demo edition)',
    },
    quotas: { assessments: 100 },
    budget: { totalEur: 780_000, perProjectCapEur: 60_000 },
    targets: { smes: 90 },
    matching: { ...preset.matching, roster: [...roster] },
    services: {
      ...preset.services,
      // A demo cannot wait months: the T1 follows the last service after a few seconds.
      followUp: { delayHours: 0.005, reminderHours: 24, expiryHours: 48 },
    },
  });
}

export interface DemoCustomer {
  readonly name: string;
  readonly kind: 'firm' | 'public_body';
  readonly province: (typeof lombardyProvinceCodes)[number];
  readonly atecoCode: string;
  readonly employees: number;
  readonly turnoverEur: number;
  readonly contactName: string;
  readonly plan: ServicePlan;
}

/** A valid Partita IVA for the nth demo customer (office code 015, Milano). */
export function demoEdihVatNumber(n: number): string {
  const firstTen = `${String(7_500_000 + n).padStart(7, '0')}015`;
  return `${firstTen}${vatCheckDigit(firstTen)}`;
}

const trades = [
  ['Meccanica', '25.62.00'],
  ['Plastica', '22.29.09'],
  ['Logistica', '52.29.22'],
  ['Software', '62.01.00'],
  ['Alimentare', '10.89.09'],
  ['Tessile', '13.20.00'],
] as const;
const firstNames = [
  'Giulia',
  'Marco',
  'Chiara',
  'Luca',
  'Sara',
  'Paolo',
  'Elena',
  'Davide',
  'Marta',
  'Stefano',
];
const lastNames = [
  'Colombo',
  'Ferrari',
  'Villa',
  'Galli',
  'Fontana',
  'Riva',
  'Mauri',
  'Sala',
  'Brambilla',
  'Longhi',
];

/**
 * The nth customer's plan (0-based): customers 0–29 take the AI course and the cybersecurity
 * workshop (60 training services), 30–45 a lab test before invest, 46–55 a technology transfer,
 * 56–59 two funding advices and 60–65 one (40 consulting services).
 */
function planOf(n: number): ServicePlan {
  if (n < 30)
    return [
      { serviceId: 'ai_for_smes_course', quantity: 1 },
      { serviceId: 'cybersecurity_workshop', quantity: 1 },
    ];
  if (n < 46) return [{ serviceId: 'test_before_invest_lab', quantity: 1 }];
  if (n < 56) return [{ serviceId: 'technology_transfer', quantity: 1 }];
  return [{ serviceId: 'funding_advice', quantity: n < 60 ? 2 : 1 }];
}

/** The 66 customers: the 3rd, 5th and 7th are small mid-caps, the 11th and 13th large, the 17th public. */
export const demoEdihCustomers: readonly DemoCustomer[] = Array.from({ length: 66 }, (_, n) => {
  const [trade, atecoCode] = trades[n % trades.length] ?? trades[0];
  const smallMidcap = n === 2 || n === 4 || n === 6;
  const large = n === 10 || n === 12;
  const publicBody = n === 16;
  const employees = smallMidcap ? 320 : large ? 850 : publicBody ? 140 : 8 + ((n * 13) % 180);
  return {
    name: publicBody ? 'Comune di Lainate (demo)' : `${trade} ${lastNames[n % 10]} ${n + 1} S.r.l.`,
    kind: publicBody ? 'public_body' : 'firm',
    province: lombardyProvinceCodes[n % lombardyProvinceCodes.length] ?? 'MI',
    atecoCode: publicBody ? '84.11.10' : atecoCode,
    employees,
    turnoverEur: smallMidcap ? 90_000_000 : large ? 260_000_000 : employees * 110_000,
    contactName: `${firstNames[n % 10]} ${lastNames[(n * 3) % 10]}`,
    plan: planOf(n),
  };
});
