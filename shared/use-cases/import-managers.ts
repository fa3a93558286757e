// Bulk import of a roster of managers the programme already vetted, from a CSV file
// (`npm run admin -- managers import FILE.csv`). Every row is validated with managerSchema before
// anything is written; one bad row and nothing from the file is imported. Re-importing the same
// file (or a corrected one) updates the managers it created instead of duplicating them.
import { randomUUID } from 'node:crypto';
import { type CsvError, parse } from 'csv-parse/sync';
import type * as z from 'zod';
import { appendAuditEvent } from '#shared/data/audit.ts';
import { claimManagerEmail, listManagersByStatus, putManager } from '#shared/data/managers.ts';
import { type Manager, managerCompetences, managerSchema, managerStatuses } from '#shared/domain/manager.ts';
import type { Language } from '#shared/i18n/language.ts';
import { isMessageKey, t } from '#shared/i18n/messages.ts';

/** The columns a managers CSV may have, in the documented order (managerId is optional, first). */
export const managerCsvColumns = [
  'managerId',
  'name',
  'email',
  'phone',
  'languages',
  'atecoSections',
  'atecoDivisions',
  'competences',
  'provinces',
  'capacity',
  'merit',
  'status',
  'conflicts',
  'cv',
] as const;
export type ManagerCsvColumn = (typeof managerCsvColumns)[number];

/** Columns the header must have; every other column may be left out (its cells count as empty). */
export const requiredManagerCsvColumns: readonly ManagerCsvColumn[] = [
  'name',
  'email',
  'languages',
  'provinces',
  'capacity',
];

/** Columns holding lists: items separated by ";" or "|" (or "," inside a quoted cell). */
export const managerCsvListColumns: readonly ManagerCsvColumn[] = [
  'languages',
  'atecoSections',
  'atecoDivisions',
  'competences',
  'provinces',
  'conflicts',
];

/** Status of a new manager whose status cell is empty: an imported roster is already vetted. */
export const defaultImportedStatus = 'active' as const;

/** A problem with the file: the line it is on (1 = the header) and, when known, the column. */
export interface ImportProblem {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/** One data row: the line its record starts on and its cells (trimmed; absent columns left out). */
export interface ManagerCsvRow {
  readonly line: number;
  readonly cells: Readonly<Partial<Record<ManagerCsvColumn, string>>>;
}

export interface ParsedManagersCsv {
  readonly rows: readonly ManagerCsvRow[];
  readonly problems: readonly ImportProblem[];
}

// Messages of the import itself; field messages come from the shared catalogue (shared/i18n).
const texts = {
  en: {
    empty: 'the file is empty: the first line must be the header row (name,email,languages,…)',
    unknownColumn: (column: string) =>
      `unknown column "${column}" (columns: ${managerCsvColumns.join(', ')})`,
    duplicateColumn: (column: string) => `column "${column}" appears twice in the header`,
    missingColumn: (column: string) => `the header has no "${column}" column (required)`,
    cellCount: (expected: number, found: number) =>
      `expected ${expected} cells like the header, found ${found} (a cell containing the delimiter needs "quotes")`,
    csv: (message: string) => `the file is not valid CSV: ${message}`,
    notANumber: 'enter a whole number.',
    ambiguousEmail: (count: number) =>
      `${count} managers already have this e-mail address: add the managerId column to say which one.`,
    emailOfOther: (managerId: string) =>
      `this e-mail address belongs to another manager (${managerId}); fix the managerId or the e-mail.`,
    duplicateEmail: (line: number) => `the same e-mail address is on line ${line}: one row per manager.`,
    duplicateId: (line: number) => `the same managerId is on line ${line}: one row per manager.`,
    belowLoad: (capacity: number, load: number) =>
      `capacity ${capacity} is below the manager's current load (${load} SMEs followed now).`,
    meritRequired: 'required for a manager not in the registry yet (the vetting score, 0–100).',
    oneOf: (values: readonly string[]) => `one of: ${values.join(', ')}`,
  },
  it: {
    empty: 'il file è vuoto: la prima riga deve essere l’intestazione (name,email,languages,…)',
    unknownColumn: (column: string) =>
      `colonna sconosciuta "${column}" (colonne: ${managerCsvColumns.join(', ')})`,
    duplicateColumn: (column: string) => `la colonna "${column}" compare due volte nell’intestazione`,
    missingColumn: (column: string) => `manca la colonna obbligatoria "${column}" nell’intestazione`,
    cellCount: (expected: number, found: number) =>
      `attese ${expected} celle come nell’intestazione, trovate ${found} (una cella che contiene il separatore va tra "virgolette")`,
    csv: (message: string) => `il file non è un CSV valido: ${message}`,
    notANumber: 'inserisci un numero intero.',
    ambiguousEmail: (count: number) =>
      `${count} manager hanno già questo indirizzo e-mail: aggiungi la colonna managerId per indicare quale.`,
    emailOfOther: (managerId: string) =>
      `questo indirizzo e-mail appartiene a un altro manager (${managerId}); correggi managerId o e-mail.`,
    duplicateEmail: (line: number) => `lo stesso indirizzo e-mail è alla riga ${line}: una riga per manager.`,
    duplicateId: (line: number) => `lo stesso managerId è alla riga ${line}: una riga per manager.`,
    belowLoad: (capacity: number, load: number) =>
      `la capacità ${capacity} è inferiore al carico attuale del manager (${load} PMI seguite ora).`,
    meritRequired: 'obbligatorio per un manager non ancora nel registro (il punteggio di merito, 0–100).',
    oneOf: (values: readonly string[]) => `uno tra: ${values.join(', ')}`,
  },
} as const;

/** The delimiter of the file, read from its header: "," normally, ";" or tab as some exports use. */
function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((delimiter) => ({
    delimiter,
    count: headerLine.split(delimiter).length - 1,
  }));
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count > 0 ? best.delimiter : ',';
}

/** How many line breaks a text holds. */
const lineBreaks = (text: string) => text.split('\n').length - 1;

/**
 * Reads a managers CSV: header row first (column names as in {@link managerCsvColumns}, any
 * order, optional columns may be left out), then one row per manager. Empty lines and rows of
 * empty cells (",,,,") are skipped; quoted cells may hold the delimiter, quotes ("") and line
 * breaks. A UTF-8 BOM is ignored; CRLF and CR line breaks read as LF.
 * @param lang - language of the problem messages
 * @returns the data rows with their line numbers, and every problem found in the file's shape
 *   (the rows' contents are checked later, by {@link planManagerImport})
 */
export function parseManagersCsv(text: string, lang: Language = 'en'): ParsedManagersCsv {
  const say = texts[lang];
  // One kind of line break (CRLF and CR files exist; csv-parse's line count trips on them).
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = body.split('\n').find((line) => line.trim() !== '');
  if (firstLine === undefined) return { rows: [], problems: [{ line: 1, message: say.empty }] };

  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: detectDelimiter(firstLine),
      relax_column_count: true,
      skip_empty_lines: true,
      // Spreadsheets save blank rows as ",,,,": not a manager, not a problem.
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (error) {
    const csvError = error as CsvError & { lines?: number };
    return {
      rows: [],
      problems: [{ line: csvError.lines ?? 1, message: say.csv(csvError.message) }],
    };
  }

  // info.lines is the line a record ends on; its raw text (after skipped empty lines, before its
  // own line break) tells how many lines it spans.
  const withLines = records.map(({ record, raw, info }) => {
    const own = raw.replace(/^(?:[ \t]*\n)+/, '').replace(/\n$/, '');
    return { record, line: info.lines - lineBreaks(own) };
  });
  const [header, ...data] = withLines;
  if (!header) return { rows: [], problems: [{ line: 1, message: say.empty }] };

  const problems: ImportProblem[] = [];
  const known = new Set<string>(managerCsvColumns);
  const columns = header.record.map((name) => name.trim());
  columns.forEach((name, index) => {
    if (!known.has(name))
      problems.push({ line: header.line, column: name, message: say.unknownColumn(name) });
    else if (columns.indexOf(name) !== index)
      problems.push({ line: header.line, column: name, message: say.duplicateColumn(name) });
  });
  for (const required of requiredManagerCsvColumns) {
    if (!columns.includes(required))
      problems.push({ line: header.line, column: required, message: say.missingColumn(required) });
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: ManagerCsvRow[] = [];
  for (const { record, line } of data) {
    if (record.length !== columns.length) {
      problems.push({ line, message: say.cellCount(columns.length, record.length) });
      continue;
    }
    const cells: Partial<Record<ManagerCsvColumn, string>> = {};
    columns.forEach((column, index) => {
      cells[column as ManagerCsvColumn] = record[index] ?? '';
    });
    rows.push({ line, cells });
  }
  return { rows, problems };
}

/** A list cell's items: split on ";", "|" or ",", trimmed, empty items dropped. */
export function splitListCell(cell: string | undefined): string[] {
  if (cell === undefined) return [];
  return cell
    .split(/[;|,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Competences written loosely ("Supply chain", "automation-and-ai") read as their canonical name. */
const competenceByLooseName = new Map<string, string>(
  managerCompetences.map((name) => [name.toLowerCase().replace(/[\s_-]/g, ''), name]),
);
const canonicalCompetence = (item: string) =>
  competenceByLooseName.get(item.toLowerCase().replace(/[\s_-]/g, '')) ?? item;

/** A number cell: a number when it reads as one ("7,5" too), else the text (for the schema to refuse). */
function numberCell(cell: string | undefined): number | string | undefined {
  if (cell === undefined || cell === '') return undefined;
  const compact = cell.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : cell;
}

const emptyToUndefined = (cell: string | undefined) => (cell === undefined || cell === '' ? undefined : cell);

/** The key two e-mail addresses are compared by: case does not tell managers apart. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/** What the row says about the manager, typed for managerSchema (empty cells left undefined). */
export function managerFieldsFromRow(row: ManagerCsvRow) {
  const { cells } = row;
  return {
    managerId: emptyToUndefined(cells.managerId),
    name: cells.name ?? '',
    email: cells.email ?? '',
    phone: emptyToUndefined(cells.phone),
    languages: splitListCell(cells.languages).map((item) => item.toLowerCase()),
    atecoSections: splitListCell(cells.atecoSections),
    atecoDivisions: splitListCell(cells.atecoDivisions),
    competences: splitListCell(cells.competences).map(canonicalCompetence),
    provinces: splitListCell(cells.provinces).map((item) => item.toUpperCase()),
    capacity: numberCell(cells.capacity),
    merit: numberCell(cells.merit),
    status: emptyToUndefined(cells.status)?.toLowerCase(),
    conflicts: splitListCell(cells.conflicts),
    cv: emptyToUndefined(cells.cv),
  };
}

/** What importing one row does: create a manager, update one, or nothing (already as in the file). */
export type ImportAction = 'create' | 'update' | 'unchanged';

export interface PlannedManager {
  readonly line: number;
  readonly action: ImportAction;
  /** The manager as it will be stored (validated and normalised by managerSchema). */
  readonly manager: Manager;
}

export type ImportPlan =
  | { readonly ok: true; readonly managers: readonly PlannedManager[] }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

export interface PlanOptions {
  readonly lang?: Language;
  /** ISO timestamp recorded as createdAt of new managers. */
  readonly now: string;
  /** New managers' IDs; absent = random UUIDs. */
  readonly newId?: () => string;
}

/** A message with a hint in brackets before its full stop. */
const withHint = (message: string, hint: string) => `${message.replace(/\.$/, '')} (${hint}).`;

const valuesOfIssue = (issue: z.core.$ZodIssue): readonly string[] | undefined =>
  issue.code === 'invalid_value' ? issue.values.map(String) : undefined;

/** The schema's issue as a message naming the CSV column (and the list item, for list columns). */
function describeIssue(
  issue: z.core.$ZodIssue,
  fields: Record<string, unknown>,
  lang: Language,
): { column: string; message: string } {
  const say = texts[lang];
  const [column = 'row', index] = issue.path;
  const name = String(column);
  const raw = fields[name];
  const item = typeof index === 'number' && Array.isArray(raw) ? raw[index] : undefined;
  const label = item === undefined ? name : `${name} "${String(item)}"`;
  const catalogue = (key: string, params: Record<string, string | number> = {}) =>
    isMessageKey(key) ? t(lang, key, { field: label, ...params }) : `${label}: ${key}`;
  if (isMessageKey(issue.message)) {
    const params = (issue as { params?: Record<string, string | number> }).params ?? {};
    const text = catalogue(issue.message, params);
    const sections = issue.message === 'validation.choice' && name === 'atecoSections';
    return { column: name, message: sections ? withHint(text, 'A–V, ATECO 2025') : text };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (raw === undefined || raw === null) {
        return {
          column: name,
          message: name === 'merit' ? `${label}: ${say.meritRequired}` : catalogue('validation.required'),
        };
      }
      if (issue.expected === 'number') return { column: name, message: `${label}: ${say.notANumber}` };
      return { column: name, message: catalogue('validation.invalid') };
    case 'too_small':
      if (issue.origin === 'string')
        return {
          column: name,
          message: catalogue(Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort', {
            min: Number(issue.minimum),
          }),
        };
      if (issue.origin === 'array') return { column: name, message: catalogue('validation.required') };
      return { column: name, message: catalogue('validation.tooSmall', { min: Number(issue.minimum) }) };
    case 'too_big':
      if (issue.origin === 'string')
        return { column: name, message: catalogue('validation.tooLong', { max: Number(issue.maximum) }) };
      return { column: name, message: catalogue('validation.tooBig', { max: Number(issue.maximum) }) };
    case 'invalid_value': {
      const values = valuesOfIssue(issue) ?? [];
      return { column: name, message: withHint(catalogue('validation.choice'), say.oneOf(values)) };
    }
    case 'invalid_format':
      return {
        column: name,
        message: catalogue(name === 'email' ? 'validation.email' : 'validation.invalid'),
      };
    case 'not_multiple_of':
      return { column: name, message: `${label}: ${say.notANumber}` };
    default:
      return { column: name, message: catalogue('validation.invalid') };
  }
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether storing the manager would change nothing in the stored profile. */
function isUnchanged(manager: Manager, stored: Manager): boolean {
  const fields = Object.keys(managerSchema.shape) as (keyof Manager)[];
  return fields.every((field) => sameValue(manager[field], stored[field]));
}

/**
 * Validates every row against the registry as it is, and says what importing the file would do.
 *
 * - A row names a manager by its managerId cell or, without one, by its e-mail address (case
 *   ignored): a manager already in the registry is updated, else created (with the managerId
 *   given, or a new one). An e-mail address in the registry twice, or belonging to a manager
 *   other than the managerId given, is a problem of that row.
 * - The row is the manager's profile: empty cells empty the field (phone, cv, lists). Only
 *   `status` and `merit`, which the programme office sets at vetting, keep the stored value when
 *   left empty; a new manager gets status `active` and must have a merit. The load and createdAt
 *   are never taken from the file.
 * - Two rows for the same e-mail address or managerId are a problem; so is a capacity below the
 *   manager's current load.
 * @param existing - every manager in the registry, any status
 * @returns the managers to write, or every problem with its line (then nothing may be written)
 */
export function planManagerImport(
  rows: readonly ManagerCsvRow[],
  existing: readonly Manager[],
  options: PlanOptions,
): ImportPlan {
  const lang = options.lang ?? 'en';
  const say = texts[lang];
  const newId = options.newId ?? randomUUID;
  const byId = new Map(existing.map((manager) => [manager.managerId, manager]));
  const byEmail = new Map<string, Manager[]>();
  for (const manager of existing) {
    const key = emailKey(manager.email);
    byEmail.set(key, [...(byEmail.get(key) ?? []), manager]);
  }

  const problems: ImportProblem[] = [];
  const planned: PlannedManager[] = [];
  const lineOfEmail = new Map<string, number>();
  const lineOfId = new Map<string, number>();

  for (const row of rows) {
    const fields = managerFieldsFromRow(row);
    const rowProblems: ImportProblem[] = [];
    const problem = (column: string, message: string) =>
      rowProblems.push({ line: row.line, column, message });

    const sameEmail = fields.email ? (byEmail.get(emailKey(fields.email)) ?? []) : [];
    let stored: Manager | undefined;
    if (fields.managerId !== undefined) {
      stored = byId.get(fields.managerId);
      const other = sameEmail.find((manager) => manager.managerId !== fields.managerId);
      if (other) problem('email', `email: ${say.emailOfOther(other.managerId)}`);
    } else if (sameEmail.length > 1) {
      problem('email', `email: ${say.ambiguousEmail(sameEmail.length)}`);
    } else {
      stored = sameEmail[0];
    }

    const candidate = {
      ...fields,
      managerId: fields.managerId ?? stored?.managerId ?? newId(),
      status: fields.status ?? stored?.status ?? defaultImportedStatus,
      merit: fields.merit ?? stored?.merit,
      load: stored?.load ?? 0,
      createdAt: stored?.createdAt ?? options.now,
    };
    const optional = ['phone', 'cv'] as const;
    for (const name of optional) if (candidate[name] === undefined) delete candidate[name];

    if (fields.email !== '') {
      const emailLine = lineOfEmail.get(emailKey(fields.email));
      if (emailLine !== undefined) problem('email', `email: ${say.duplicateEmail(emailLine)}`);
      else lineOfEmail.set(emailKey(fields.email), row.line);
    }
    if (fields.managerId !== undefined) {
      const idLine = lineOfId.get(fields.managerId);
      if (idLine !== undefined) problem('managerId', `managerId: ${say.duplicateId(idLine)}`);
      else lineOfId.set(fields.managerId, row.line);
    }

    const parsed = managerSchema.safeParse(candidate);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const { column, message } = describeIssue(issue, candidate, lang);
        if (seen.has(message)) continue;
        seen.add(message);
        problem(column, message);
      }
    } else {
      const manager = parsed.data;
      if (stored && manager.capacity < stored.load) {
        problem('capacity', `capacity: ${say.belowLoad(manager.capacity, stored.load)}`);
      }
      if (rowProblems.length === 0) {
        const action: ImportAction = !stored
          ? 'create'
          : isUnchanged(manager, stored)
            ? 'unchanged'
            : 'update';
        planned.push({ line: row.line, action, manager });
      }
    }
    problems.push(...rowProblems);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, managers: planned };
}

export interface ImportManagersOptions {
  /** Validate and report what would change, write nothing. */
  readonly dryRun?: boolean;
  readonly lang?: Language;
  /** ISO timestamp recorded as createdAt of new managers; absent = now. */
  readonly now?: string;
  readonly newId?: () => string;
  /** Managers written at once (default 25). */
  readonly concurrency?: number;
  /** Called after each batch of writes with the managers written so far and the total to write. */
  readonly onProgress?: (written: number, total: number) => void;
}

export type ImportManagersResult =
  | {
      readonly ok: true;
      readonly dryRun: boolean;
      /** Data rows in the file. */
      readonly rows: number;
      readonly created: readonly PlannedManager[];
      readonly updated: readonly PlannedManager[];
      readonly unchanged: readonly PlannedManager[];
      /** Managers written to the table (0 on a dry run). */
      readonly written: number;
    }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** Every manager in the registry, whatever their status. */
async function allManagers(tableName: string): Promise<Manager[]> {
  const lists = await Promise.all(managerStatuses.map((status) => listManagersByStatus(tableName, status)));
  return lists.flat();
}

/**
 * Imports a managers CSV into the registry: reads it, validates every row against the registry
 * (see {@link planManagerImport}) and, only when no row has a problem, writes the new and changed
 * managers (putManager, a batch at a time). One bad row and nothing is written.
 *
 * Validation is all or nothing; the writes are not one transaction (a roster may have thousands
 * of rows), but they are idempotent: if writing stops half-way (network, throttling), running the
 * same file again finds the managers already written by their e-mail address and finishes the job.
 * @param csvText - the file's content
 */
export async function importManagers(
  tableName: string,
  csvText: string,
  options: ImportManagersOptions = {},
): Promise<ImportManagersResult> {
  const lang = options.lang ?? 'en';
  const parsed = parseManagersCsv(csvText, lang);
  // A bad header (or no readable row): nothing to check the rows against.
  if (parsed.rows.length === 0 && parsed.problems.length > 0) return { ok: false, problems: parsed.problems };

  const plan = planManagerImport(parsed.rows, await allManagers(tableName), {
    lang,
    now: options.now ?? new Date().toISOString(),
    ...(options.newId ? { newId: options.newId } : {}),
  });
  const problems = [...parsed.problems, ...(plan.ok ? [] : plan.problems)].sort((a, b) => a.line - b.line);
  if (!plan.ok || problems.length > 0) return { ok: false, problems };

  const byAction = (action: ImportAction) => plan.managers.filter((entry) => entry.action === action);
  const created = byAction('create');
  const updated = byAction('update');
  const unchanged = byAction('unchanged');
  const toWrite = [...created, ...updated].sort((a, b) => a.line - b.line);
  let written = 0;
  if (!options.dryRun) {
    const batchSize = Math.max(1, options.concurrency ?? 25);
    for (let start = 0; start < toWrite.length; start += batchSize) {
      const batch = toWrite.slice(start, start + batchSize);
      await Promise.all(
        batch.map(async (entry) => {
          const stored = await putManager(tableName, entry.manager);
          // The address lock registration takes: a later registration with it is recognised.
          if ((await claimManagerEmail(tableName, stored.email, stored.managerId)) === 'taken')
            throw new Error(
              `line ${entry.line}: ${stored.email} was registered meanwhile by another manager`,
            );
        }),
      );
      written += batch.length;
      options.onProgress?.(written, toWrite.length);
    }
  }
  if (!options.dryRun && toWrite.length > 0) {
    await appendAuditEvent(tableName, {
      at: new Date().toISOString(),
      programmeId: 'roster',
      subject: { kind: 'manager', id: 'roster' },
      actor: 'cli',
      action: 'managers.imported',
      after: `created:${created.length},updated:${updated.length}`,
    });
  }
  return {
    ok: true,
    dryRun: options.dryRun ?? false,
    rows: parsed.rows.length,
    created,
    updated,
    unchanged,
    written,
  };
}
