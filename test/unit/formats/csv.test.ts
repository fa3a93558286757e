// The one CSV writer: a cell a spreadsheet would run as a formula leaves as text.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafeCell, toCsv } from '#shared/formats/csv.ts';

describe('CSV exports', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")'],
    ['+SUM(A1:A9)'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('neutralises a text cell that starts a formula: %j', (value) => {
    // Act
    const [header, row] = parse(
      toCsv([{ company: value, employees: 12 }], ['company', 'employees']),
    ) as string[][];

    // Assess
    expect(header).toEqual(['company', 'employees']);
    expect(row?.[0]).toBe(`'${value}`);
    expect(row?.[1]).toBe('12');
  });

  it('keeps ordinary text and numbers (negative ones too) as they are, and writes the header with no rows', () => {
    // Act
    const csv = toCsv([{ company: 'Officina Rossi S.r.l.', delta: -5 }], ['company', 'delta']);

    // Assess
    expect(parse(csv)).toEqual([
      ['company', 'delta'],
      ['Officina Rossi S.r.l.', '-5'],
    ]);
    expect(toCsv([], ['a', 'b'])).toBe('a,b\n');
    expect(spreadsheetSafeCell('a=b')).toBe('a=b');
  });

  it('writes the Italian variant: its own headers, `;` between cells, decimal commas, formulas still neutralised', () => {
    const csv = toCsv(
      [{ company: '=1+1', overall: 37.5, employees: 12 }],
      ['company', 'overall', 'employees'],
      { headers: ['Impresa', 'Punteggio', 'Dipendenti'], delimiter: ';', decimalComma: true },
    );
    expect(csv).toBe("Impresa;Punteggio;Dipendenti\n'=1+1;37,5;12\n");
    expect(parse(csv, { delimiter: ';' })).toEqual([
      ['Impresa', 'Punteggio', 'Dipendenti'],
      ["'=1+1", '37,5', '12'],
    ]);
  });
});
