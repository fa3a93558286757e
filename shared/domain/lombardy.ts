// The twelve provinces of Lombardy (Regione Lombardia), by their two-letter codes.

export const lombardyProvinces = {
  BG: 'Bergamo',
  BS: 'Brescia',
  CO: 'Como',
  CR: 'Cremona',
  LC: 'Lecco',
  LO: 'Lodi',
  MN: 'Mantova',
  MI: 'Milano',
  MB: 'Monza e della Brianza',
  PV: 'Pavia',
  SO: 'Sondrio',
  VA: 'Varese',
} as const;

export type LombardyProvinceCode = keyof typeof lombardyProvinces;

export const lombardyProvinceCodes = Object.keys(lombardyProvinces) as [
  LombardyProvinceCode,
  ...LombardyProvinceCode[],
];

/** Whether a code (any case) is a Lombardy province. */
export function isLombardyProvince(code: string): code is LombardyProvinceCode {
  return Object.hasOwn(lombardyProvinces, code.toUpperCase());
}
