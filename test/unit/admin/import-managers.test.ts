// The managers CSV import without a table: reading the file (line numbers, list cells, header
// problems), validating every row with managerSchema, and what a re-import updates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Manager } from '#shared/domain/manager.ts';
import {
  type ImportPlan,
  type ManagerCsvRow,
  parseManagersCsv,
  planManagerImport,
  splitListCell,
} from '#shared/use-cases/import-managers.ts';

const header =
  'name,email,phone,languages,atecoSections,atecoDivisions,competences,provinces,capacity,merit,status,conflicts,cv';
const now = '2026-03-01T09:00:00.000Z';
let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

const plan = (text: string, existing: Manager[] = [], lang: 'en' | 'it' = 'en'): ImportPlan => {
  const parsed = parseManagersCsv(text, lang);
  expect(parsed.problems).toEqual([]);
  return planManagerImport(parsed.rows, existing, { now, newId, lang });
};
const problemsOf = (result: ImportPlan) => (result.ok ? [] : result.problems);
const managersOf = (result: ImportPlan) => (result.ok ? result.managers : []);

function storedManager(overrides: Partial<Manager> = {}): Manager {
  return {
    managerId: '6f1d3a52-0c1e-4f7a-9a53-2b7c1d9e8a01',
    name: 'Anna Rossi',
    email: 'anna.rossi@example.it',
    languages: ['it'],
    atecoSections: ['C'],
    atecoDivisions: ['25'],
    competences: ['digital'],
    provinces: ['MI'],
    capacity: 3,
    load: 2,
    merit: 82,
    status: 'inactive',
    conflicts: [],
    createdAt: '2025-11-02T10:00:00.000Z',
    ...overrides,
  };
}

describe('parseManagersCsv', () => {
  it('numbers each row by the line it starts on: blank rows, quoted line breaks, CRLF and a BOM', () => {
    const text = `\uFEFF${header}\r\nAnna Rossi,anna@example.it,,it,C,,,MI,2,70,,,"two\r\nlines"\r\n\r\n,,,,,,,,,,,,\r\nBruno Neri,bruno@example.it,,it,C,,,MI,2,70,,,\r\n`;
    const parsed = parseManagersCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 6]);
    expect(parsed.rows[0]?.cells.cv).toBe('two\nlines');
  });

  it('reads a semicolon-separated file (as Italian spreadsheets save CSV), lists then use "|"', () => {
    const text = `name;email;languages;provinces;capacity;merit\nAnna Rossi;anna@example.it;it|en;MI|MB;2;"7,5"\n`;
    const result = plan(text);
    expect(problemsOf(result)).toEqual([]);
    expect(managersOf(result)[0]?.manager).toMatchObject({
      languages: ['it', 'en'],
      provinces: ['MI', 'MB'],
      merit: 7.5,
    });
  });

  it('reports header problems on line 1 and reads no row', () => {
    const parsed = parseManagersCsv('name,e-mail,languages,capacity,capacity\nAnna,anna@example.it,it,2,2\n');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [1, 'e-mail'],
      [1, 'capacity'],
      [1, 'email'],
      [1, 'provinces'],
    ]);
  });

  it('reports a row with more or fewer cells than the header, by line', () => {
    const parsed = parseManagersCsv(`${header}\nAnna Rossi,anna@example.it,,it,C,,,MI,2,70,,,cv,extra\n`);
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([{ line: 2, message: expect.stringContaining('expected 13 cells') }]);
  });

  it('reports an unterminated quote with its line', () => {
    const parsed = parseManagersCsv(`${header}\nAnna Rossi,anna@example.it,,it,C,,,MI,2,70,,,"open\n`);
    expect(parsed.problems).toEqual([{ line: 2, message: expect.stringContaining('not valid CSV') }]);
  });

  it('says an empty file needs a header', () => {
    expect(parseManagersCsv('\n\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('header') },
    ]);
  });

  it('accepts only the header: nothing to import', () => {
    expect(plan(`${header}\n`)).toEqual({ ok: true, managers: [] });
  });
});

describe('list cells', () => {
  it('split on ";", "|" or ",", trimmed, empty items dropped', () => {
    expect(splitListCell(' it ; en|  de,fr;; ')).toEqual(['it', 'en', 'de', 'fr']);
    expect(splitListCell('')).toEqual([]);
    expect(splitListCell(undefined)).toEqual([]);
  });

  it('normalise case and loose competence names, and drop repeats', () => {
    const result = plan(
      `name,email,languages,atecoSections,competences,provinces,capacity,merit\n` +
        `Anna Rossi,anna@example.it,IT;it,c;C,Supply chain|automation-and-ai|DIGITAL,mi|Mb,2,70\n`,
    );
    expect(managersOf(result)[0]?.manager).toMatchObject({
      languages: ['it'],
      atecoSections: ['C'],
      competences: ['supply_chain', 'automationAndAi', 'digital'],
      provinces: ['MI', 'MB'],
    });
  });
});

describe('planManagerImport: validation', () => {
  it('validates the fixture file: every row becomes a manager, status active unless given', () => {
    const result = plan(readFileSync('test/events/managers.valid.csv', 'utf8'));
    expect(problemsOf(result)).toEqual([]);
    const managers = managersOf(result);
    expect(managers.map((entry) => entry.line)).toEqual([2, 3, 4, 6, 7, 9]);
    expect(managers.every((entry) => entry.action === 'create')).toBe(true);
    expect(managers.map((entry) => entry.manager.status)).toEqual([
      'active',
      'active',
      'active',
      'active',
      'inactive',
      'active',
    ]);
    expect(managers[0]?.manager).toMatchObject({
      phone: '+390245678901',
      atecoDivisions: ['25', '28'],
      conflicts: ['04128730159'],
      load: 0,
      createdAt: now,
    });
    expect(managers[2]?.manager.cv).toContain('\n');
  });

  it('reports every bad row of the bad fixture with its line and column, and plans nothing', () => {
    const parsed = parseManagersCsv(readFileSync('test/events/managers.bad.csv', 'utf8'));
    expect(parsed.problems.map((problem) => problem.line)).toEqual([8]);
    const result = planManagerImport(parsed.rows, [], { now, newId });
    expect(result.ok).toBe(false);
    expect('managers' in result).toBe(false);
    expect(problemsOf(result).map((problem) => [problem.line, problem.column])).toEqual([
      [3, 'email'],
      [4, 'languages'],
      [4, 'atecoDivisions'],
      [4, 'provinces'],
      [4, 'capacity'],
      [5, 'email'],
      [6, 'competences'],
      [6, 'merit'],
    ]);
    const messages = problemsOf(result).map((problem) => problem.message);
    expect(messages).toContain('languages "fr": choose one of the values offered (one of: it, en).');
    expect(messages).toContain('atecoDivisions "45": division 45 does not exist in ATECO 2025.');
    expect(messages).toContain('email: the same e-mail address is on line 2: one row per manager.');
  });

  it('speaks Italian when asked', () => {
    const result = plan(`${header}\nAnna Rossi,anna@example,,it,C,,,MI,due,70,,,\n`, [], 'it');
    expect(problemsOf(result).map((problem) => problem.message)).toEqual([
      'email: inserisci un indirizzo e-mail valido, ad esempio nome@impresa.it.',
      'capacity: inserisci un numero intero.',
    ]);
  });

  it('treats e-mail addresses differing only in case as duplicates', () => {
    const result = plan(
      `${header}\nAnna Rossi,Anna.Rossi@Example.it,,it,C,,,MI,2,70,,,\nAnna R.,anna.rossi@example.IT,,it,C,,,MI,2,70,,,\n`,
    );
    expect(problemsOf(result)).toEqual([
      {
        line: 3,
        column: 'email',
        message: 'email: the same e-mail address is on line 2: one row per manager.',
      },
    ]);
  });

  it('rejects a repeated managerId', () => {
    const id = '2c9a1f6e-5b3d-4e8a-9f10-7d6c5b4a3e21';
    const result = plan(
      `managerId,${header}\n${id},Anna Rossi,anna@example.it,,it,C,,,MI,2,70,,,\n${id},Bruno Neri,bruno@example.it,,it,C,,,MI,2,70,,,\n`,
    );
    expect(problemsOf(result).map((problem) => [problem.line, problem.column])).toEqual([[3, 'managerId']]);
  });
});

describe('planManagerImport: against the registry', () => {
  const row = (cells: string) => `${header}\n${cells}\n`;

  it('updates the manager with the same e-mail address, keeping load, createdAt, status and merit when empty', () => {
    const stored = storedManager();
    const result = plan(row('Anna Rossi,ANNA.ROSSI@example.it,,it;en,C,25,digital,MI,4,,,,'), [stored]);
    expect(problemsOf(result)).toEqual([]);
    const [entry] = managersOf(result);
    expect(entry?.action).toBe('update');
    expect(entry?.manager).toMatchObject({
      managerId: stored.managerId,
      languages: ['it', 'en'],
      capacity: 4,
      load: 2,
      merit: 82,
      status: 'inactive',
      createdAt: stored.createdAt,
    });
  });

  it('finds nothing to change when the row says what is stored', () => {
    const stored = storedManager();
    const result = plan(row('Anna Rossi,anna.rossi@example.it,,it,C,25,digital,MI,3,82,inactive,,'), [
      stored,
    ]);
    expect(managersOf(result).map((entry) => entry.action)).toEqual(['unchanged']);
  });

  it('updates by managerId, e-mail address included', () => {
    const stored = storedManager();
    const result = plan(
      `managerId,${header}\n${stored.managerId},Anna Rossi,anna@new.example.it,,it,C,25,digital,MI,3,90,active,,\n`,
      [stored],
    );
    expect(managersOf(result)[0]).toMatchObject({
      action: 'update',
      manager: { managerId: stored.managerId, email: 'anna@new.example.it', merit: 90, status: 'active' },
    });
  });

  it("refuses an e-mail address that belongs to another manager than the row's managerId", () => {
    const stored = storedManager();
    const other = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const result = plan(
      `managerId,${header}\n${other},Anna Rossi,anna.rossi@example.it,,it,C,25,digital,MI,3,80,,,\n`,
      [stored],
    );
    expect(problemsOf(result)).toEqual([
      { line: 2, column: 'email', message: expect.stringContaining(stored.managerId) },
    ]);
  });

  it('asks for a managerId when the e-mail address is in the registry twice', () => {
    const result = plan(row('Anna Rossi,anna.rossi@example.it,,it,C,25,digital,MI,3,80,,,'), [
      storedManager(),
      storedManager({ managerId: '0e1d2c3b-4a59-4867-8f6e-5d4c3b2a1908' }),
    ]);
    expect(problemsOf(result)).toEqual([
      { line: 2, column: 'email', message: expect.stringContaining('add the managerId column') },
    ]);
  });

  it('refuses a capacity below the current load', () => {
    const result = plan(row('Anna Rossi,anna.rossi@example.it,,it,C,25,digital,MI,1,,,,'), [storedManager()]);
    expect(problemsOf(result)).toEqual([
      {
        line: 2,
        column: 'capacity',
        message: expect.stringContaining("below the manager's current load (2"),
      },
    ]);
  });

  it('plans nothing at all when one row of many is bad (nothing from the file is half-imported)', () => {
    const good = Array.from(
      { length: 40 },
      (_, index) => `Manager ${index},m${index}@example.it,,it,C,25,digital,MI,2,70,,,`,
    );
    const lines = [
      ...good.slice(0, 20),
      'Broken Row,broken@example.it,,it,C,25,digital,MI,-3,70,,,',
      ...good.slice(20),
    ];
    const result = plan(`${header}\n${lines.join('\n')}\n`);
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 22, column: 'capacity', message: 'capacity: the minimum is 0.' }],
    });
  });

  it('gives new managers a new ID each, or the managerId of the row', () => {
    const rows: ManagerCsvRow[] = [
      {
        line: 2,
        cells: {
          name: 'Anna Rossi',
          email: 'a@example.it',
          languages: 'it',
          provinces: 'MI',
          capacity: '1',
          merit: '50',
        },
      },
      {
        line: 3,
        cells: {
          managerId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
          name: 'Bruno Neri',
          email: 'b@example.it',
          languages: 'it',
          provinces: 'MI',
          capacity: '1',
          merit: '50',
        },
      },
    ];
    const result = planManagerImport(rows, [], { now, newId: () => 'f0e1d2c3-b4a5-4697-8877-665544332211' });
    expect(managersOf(result).map((entry) => entry.manager.managerId)).toEqual([
      'f0e1d2c3-b4a5-4697-8877-665544332211',
      '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    ]);
  });
});
