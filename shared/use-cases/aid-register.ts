// The aid register of the programme office: every aid granted (with its COR, regulation and dates)
// per programme or per firm; the pending aids as a file to register in the national State-aid
// register (RNA); and the CORs the RNA returned, imported from a file (`concessionId,cor`),
// validated all together before anything is recorded, then each journey resumed.
//
// The exchange with the RNA sits behind `AidRegistry` below: today a file goes out and a file of
// CORs comes back; a client of the RNA's web services (RegistraAiuto, then ScaricaEsitoRichiesta
// for the COR) can implement the same two calls and the journeys would not notice.
import { type CsvError, parse } from 'csv-parse/sync';
import { listHumanTasks } from '#shared/data/human-tasks.ts';
import {
  getAidByConcession,
  listAidsOfFirm,
  listAidsOfProgramme,
  recordAidCor,
} from '#shared/data/state-aid.ts';
import { type AidGrant, rnaCode } from '#shared/domain/state-aid.ts';
import { toCsv } from '#shared/formats/csv.ts';
import { answerTask } from './answer-task.ts';
import { corRecordedForAnother } from './state-aid.ts';

/** A COR the register returned for an aid, and where it was read (a file's line). */
export interface CorReturned {
  readonly line: number;
  readonly concessionId: string;
  readonly cor: string;
}

export interface CorProblem {
  /** The file's line (counting every line, blank ones too). */
  readonly line: number;
  readonly message: string;
}

/** The rows read, and the lines that could not be (each named): both, so every problem is told at once. */
export interface CorResults {
  readonly rows: readonly CorReturned[];
  readonly problems: readonly CorProblem[];
}

/**
 * Where aid is registered: the pending aids go out, the CORs come back. Today the office exchanges
 * files with the RNA portal (fileAidRegistry); a client of the RNA's web services can implement the
 * same two calls (RegistraAiuto per aid, then ScaricaEsitoRichiesta for each COR) and the journeys
 * would not notice.
 */
export interface AidRegistry {
  /** Hands the pending aids over for registration. */
  submit(aids: readonly AidGrant[]): Promise<void>;
  /** The CORs returned, checked for shape only (the import checks them against the aids). */
  results(): Promise<CorResults>;
}

/**
 * The file exchange: the pending aids written as CSV (spreadsheet-safe) or XML; the CORs read from
 * a CSV file with the header `concessionId,cor`.
 */
export function fileAidRegistry(files: {
  readonly format?: 'csv' | 'xml';
  readonly write?: (text: string) => Promise<void>;
  readonly read?: () => Promise<string>;
}): AidRegistry {
  return {
    async submit(aids) {
      if (!files.write) throw new Error('this registry has nowhere to write');
      await files.write(files.format === 'xml' ? aidsAsXml(aids) : aidsAsCsv(aids));
    },
    async results() {
      if (!files.read) throw new Error('this registry has nothing to read');
      return parseCorFile(await files.read());
    },
  };
}

const corHeader = ['concessionId', 'cor'];

/** A file of CORs: its header, two cells per row, each COR digits only. */
export function parseCorFile(csvText: string): CorResults {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = Number((error as CsvError).lines ?? 1);
    return { rows: [], problems: [{ line, message: `not a CSV file: ${(error as Error).message}` }] };
  }
  const [first, ...rows] = records;
  if (!first || first.record.join(',') !== corHeader.join(','))
    return {
      rows: [],
      problems: [
        {
          line: first?.info.lines ?? 1,
          message: `the header must be "${corHeader.join(',')}", found "${(first?.record ?? []).join(',')}"`,
        },
      ],
    };
  if (rows.length === 0) return { rows: [], problems: [{ line: 2, message: 'no rows after the header' }] };
  const problems: CorProblem[] = [];
  const returned: CorReturned[] = [];
  for (const { record: row, info } of rows) {
    const line = info.lines;
    if (row.length !== 2) {
      problems.push({ line, message: `expected 2 cells (concessionId,cor), found ${row.length}` });
      continue;
    }
    const concessionId = row[0] ?? '';
    const rawCor = row[1] ?? '';
    const cor = rnaCode.safeParse(rawCor);
    if (!cor.success) {
      problems.push({ line, message: `COR "${rawCor.slice(0, 40)}" is not a COR: digits only, at most 12` });
      continue;
    }
    returned.push({ line, concessionId, cor: cor.data });
  }
  return { rows: returned, problems };
}

/** The register's columns: every field the RNA registration needs, then its outcome. */
export const aidColumns = [
  'concessionId',
  'carCode',
  'regime',
  'regulation',
  'beneficiaryTaxCode',
  'beneficiaryVatNumber',
  'beneficiaryName',
  'sizeClass',
  'legalForm',
  'atecoCode',
  'atecoVersion',
  'province',
  'projectTitle',
  'projectStartsOn',
  'projectEndsOn',
  'grantedOn',
  'instrument',
  'costItems',
  'nominalAmountEur',
  'aidAmountEur',
  'aidNotReceivedEur',
  'programmeId',
  'status',
  'cor',
  'registeredAt',
] as const;

/** One aid as a row of the register (beneficiary's tax code: its codice fiscale, else its Partita IVA). */
export function aidRow(aid: AidGrant): Record<(typeof aidColumns)[number], string | number> {
  return {
    concessionId: aid.concessionId,
    carCode: aid.carCode ?? '',
    regime: aid.regime,
    regulation: aid.regulation,
    beneficiaryTaxCode: aid.beneficiary.taxCode ?? aid.beneficiary.vatNumber,
    beneficiaryVatNumber: aid.beneficiary.vatNumber,
    beneficiaryName: aid.beneficiary.name,
    sizeClass: aid.beneficiary.sizeClass,
    legalForm: aid.beneficiary.legalForm ?? '',
    atecoCode: aid.beneficiary.atecoCode,
    atecoVersion: aid.beneficiary.atecoVersion,
    province: aid.beneficiary.province,
    projectTitle: aid.projectTitle,
    projectStartsOn: aid.projectStartsOn,
    projectEndsOn: aid.projectEndsOn,
    grantedOn: aid.grantedOn,
    instrument: aid.instrument,
    costItems: aid.costItems.map((cost) => `${cost.item}:${cost.amountEur}`).join(' '),
    nominalAmountEur: aid.nominalAmountEur,
    aidAmountEur: aid.aidAmountEur,
    aidNotReceivedEur: aid.aidNotReceivedEur ?? 0,
    programmeId: aid.programmeId,
    status: aid.status,
    cor: aid.cor ?? '',
    registeredAt: aid.registeredAt ?? '',
  };
}

/** The aids as CSV (spreadsheet-safe, one row per aid, header always). */
export const aidsAsCsv = (aids: readonly AidGrant[]) => toCsv(aids.map(aidRow), aidColumns);

const xmlEscape = (value: string) =>
  value.replace(
    /[<>&'"]/g,
    (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[char]};`,
  );

/** The aids as XML: one <aid> per aid, one element per column (UTF-8). */
export function aidsAsXml(aids: readonly AidGrant[]): string {
  const body = aids
    .map((aid) => {
      const row = aidRow(aid);
      const fields = aidColumns
        .map((column) => `    <${column}>${xmlEscape(String(row[column]))}</${column}>`)
        .join('\n');
      return `  <aid>\n${fields}\n  </aid>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<aids count="${aids.length}">\n${body}${body ? '\n' : ''}</aids>\n`;
}

/** The aids of a programme still waiting for their COR, by concession date. */
export async function pendingAidsOf(tableName: string, programmeId: string): Promise<AidGrant[]> {
  return (await listAidsOfProgramme(tableName, programmeId)).filter(
    (aid) => aid.status === 'pending_registration',
  );
}

/** Hands the programme's pending aids to the registry; returns them. */
export async function submitPendingAids(
  tableName: string,
  programmeId: string,
  registry: AidRegistry,
): Promise<AidGrant[]> {
  const aids = await pendingAidsOf(tableName, programmeId);
  await registry.submit(aids);
  return aids;
}

/** The register: every aid of a programme, or of a firm (any programme), cancelled ones left out. */
export async function aidRegister(
  tableName: string,
  of: { readonly programmeId: string } | { readonly vatNumber: string },
): Promise<AidGrant[]> {
  const aids =
    'programmeId' in of
      ? await listAidsOfProgramme(tableName, of.programmeId)
      : await listAidsOfFirm(tableName, of.vatNumber);
  return aids
    .filter((aid) => aid.status !== 'cancelled')
    .sort((a, b) => a.grantedOn.localeCompare(b.grantedOn) || a.concessionId.localeCompare(b.concessionId));
}

export type CorImportResult =
  | { readonly ok: false; readonly problems: readonly CorProblem[] }
  | {
      readonly ok: true;
      readonly rows: readonly {
        readonly concessionId: string;
        readonly cor: string;
        /** resumed: its journey went on to the launch; unchanged: recorded by an earlier import;
         * recorded: recorded, but its journey was not waiting for it (it resumes at its next step);
         * conflict: between the check and the recording, the aid got another COR, was cancelled, or
         * the COR went to another aid (an import or the task's page at the same time): nothing done. */
        readonly outcome: 'resumed' | 'unchanged' | 'recorded' | 'conflict';
        readonly conflict?: 'different_cor' | 'cor_taken' | 'cancelled' | 'unknown';
      }[];
    };

/**
 * Imports the CORs the registry returned. Every row is checked first (the file's shape, a known aid, not cancelled, not registered under another COR, a COR not taken by
 * another aid, no concession or COR twice in the file): one problem and nothing is recorded. Then
 * each COR is recorded and the journey waiting for it is resumed, as if the office had entered it
 * on the task's page; a row whose aid or COR changed since its check (another import, or the task's
 * page, at the same time) is a conflict and nothing is done for it. Importing the same file again
 * changes nothing.
 */
export async function importCors(
  tableName: string,
  registry: AidRegistry,
  now: Date,
): Promise<CorImportResult> {
  const returned = await registry.results();
  const problems: CorProblem[] = [...returned.problems];
  const planned: { concessionId: string; cor: string; aid: AidGrant; unchanged: boolean }[] = [];
  const seenConcessions = new Map<string, number>();
  const seenCors = new Map<string, number>();
  for (const { line, concessionId, cor } of returned.rows) {
    const problem = (message: string) => problems.push({ line, message });
    const again = seenConcessions.get(concessionId);
    if (again) problem(`concession ${concessionId} is already on line ${again}`);
    const corAgain = seenCors.get(cor);
    if (corAgain) problem(`COR ${cor} is already on line ${corAgain}`);
    seenConcessions.set(concessionId, line);
    seenCors.set(cor, line);
    if (again || corAgain) continue;
    const aid = /^[0-9a-f-]{36}$/i.test(concessionId)
      ? await getAidByConcession(tableName, concessionId)
      : undefined;
    if (!aid) {
      problem(`no aid has the concession ID "${concessionId.slice(0, 60)}"`);
      continue;
    }
    if (aid.status === 'cancelled') {
      problem(`the aid ${concessionId} was cancelled (its journey ended before registration)`);
      continue;
    }
    if (aid.status === 'registered' && aid.cor !== cor) {
      problem(`the aid ${concessionId} is registered with COR ${aid.cor ?? ''}, not ${cor}`);
      continue;
    }
    const holder = await corRecordedForAnother(tableName, cor, concessionId);
    if (holder) {
      problem(`COR ${cor} is already recorded for the aid ${holder}`);
      continue;
    }
    planned.push({ concessionId, cor, aid, unchanged: aid.status === 'registered' });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const results: Extract<CorImportResult, { ok: true }>['rows'][number][] = [];
  for (const { concessionId, cor, aid, unchanged } of planned) {
    const recorded = unchanged
      ? 'already_recorded'
      : await recordAidCor(tableName, aid, cor, now.toISOString());
    if (recorded !== 'recorded' && recorded !== 'already_recorded') {
      results.push({ concessionId, cor, outcome: 'conflict', conflict: recorded });
      continue;
    }
    const resumed = await resumeJourney(tableName, aid.applicationId, cor, now);
    results.push({ concessionId, cor, outcome: resumed ? 'resumed' : unchanged ? 'unchanged' : 'recorded' });
  }
  return { ok: true, rows: results };
}

/**
 * Answers the journey's open registration task with the COR, as the office would on its page. A
 * task being re-opened (a reminder, an escalation) is waited for a few seconds.
 * @returns whether a waiting journey took the COR
 */
async function resumeJourney(
  tableName: string,
  applicationId: string,
  cor: string,
  now: Date,
): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const registrations = (await listHumanTasks(tableName, applicationId)).filter(
      (task) => task.kind === 'registration',
    );
    const open = registrations.find((task) => task.status === 'open');
    if (open && (await answerTask(tableName, open, { cor }, now, 'cli')).outcome === 'answered') return true;
    // Nothing to wait for: no registration was ever asked, or the last one was answered or ended.
    const last = registrations.at(-1);
    if (!last || (last.status !== 'open' && attempt >= 2)) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
