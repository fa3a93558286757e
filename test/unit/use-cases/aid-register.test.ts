// The files exchanged with the national State-aid register: the CORs file read (its shape only;
// the import checks each row against the aids), and the export written safe for a spreadsheet.
import { describe, expect, it } from 'vitest';
import type { AidGrant } from '#shared/domain/state-aid.ts';
import { aidsAsCsv, aidsAsXml, fileAidRegistry, parseCorFile } from '#shared/use-cases/aid-register.ts';

const aid = {
  concessionId: '3f1c7a9e-0000-4000-8000-000000000001',
  applicationId: '3f1c7a9e-0000-4000-8000-000000000001',
  programmeId: 'mechnet',
  regime: 'de_minimis',
  regulation: 'Reg. (UE) 2023/2831',
  carCode: '12345',
  beneficiary: {
    vatNumber: '01234567897',
    name: '=HYPERLINK("x") & <Officina>',
    sizeClass: 'small',
    atecoCode: '25.62.00',
    atecoVersion: '2025',
    province: 'VA',
  },
  projectTitle: 'MES',
  projectStartsOn: '2027-01-15',
  projectEndsOn: '2028-01-14',
  grantedOn: '2027-01-15',
  instrument: 'grant',
  nominalAmountEur: 20_000,
  aidAmountEur: 20_000,
  costItems: [{ item: 'project', amountEur: 40_000 }],
  status: 'pending_registration',
  createdAt: '2027-01-15T10:00:00.000Z',
} as AidGrant;

describe('the COR file', () => {
  it('reads concessionId,cor rows with the file’s own line numbers (BOM, blank lines and spaces allowed)', () => {
    expect(parseCorFile('\uFEFFconcessionId,cor\r\n\r\n a , 0012345 \r\nb,7\r\n')).toEqual({
      rows: [
        { line: 3, concessionId: 'a', cor: '0012345' },
        { line: 4, concessionId: 'b', cor: '7' },
      ],
      problems: [],
    });
  });

  it('names every line that is not a row of two cells with a COR of digits', () => {
    expect(parseCorFile('concessionId,cor\na,1,2\nb,12-3\nc,1234567890123\nd,9\n')).toEqual({
      rows: [{ line: 5, concessionId: 'd', cor: '9' }],
      problems: [
        { line: 2, message: 'expected 2 cells (concessionId,cor), found 3' },
        { line: 3, message: 'COR "12-3" is not a COR: digits only, at most 12' },
        { line: 4, message: 'COR "1234567890123" is not a COR: digits only, at most 12' },
      ],
    });
    expect(parseCorFile('cor,concessionId\n1,a\n')).toMatchObject({ rows: [], problems: [{ line: 1 }] });
    expect(parseCorFile('concessionId,cor\n')).toMatchObject({ rows: [], problems: [{ line: 2 }] });
    expect(parseCorFile('concessionId,cor\n"a,1\n').problems).toHaveLength(1);
  });
});

describe('the export', () => {
  it('writes one row per aid, a formula-looking name kept as text, and XML escaped', async () => {
    const csv = aidsAsCsv([aid]);
    const xml = aidsAsXml([aid]);
    let written = '';
    const write = async (text: string) => {
      written = text;
    };
    await fileAidRegistry({ format: 'xml', write }).submit([aid]);

    expect(csv.split('\n')[1]).toContain(`${aid.concessionId},12345,de_minimis,`);
    expect(csv).toContain(`"'=HYPERLINK(""x"") & <Officina>"`);
    expect(csv).toContain('project:40000');
    expect(xml).toContain(
      '<beneficiaryName>=HYPERLINK(&quot;x&quot;) &amp; &lt;Officina&gt;</beneficiaryName>',
    );
    expect(xml).toContain('<aids count="1">');
    expect(written).toBe(xml);
    expect(aidsAsXml([])).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<aids count="0">\n</aids>\n');
  });
});
