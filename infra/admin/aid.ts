// `aid export`, `aid cor import`, `aid register`: the programme office's side of the national
// State-aid register (RNA). The import resumes journeys, so it needs Step Functions (locally, the
// local stack's endpoint).
import { constants } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import type { AdminCommand } from './args.ts';
import type { CommandContext, ExitCode } from './commands.ts';
import { renderTable } from './format.ts';
import { defaultLocalStepFunctionsEndpoint } from './privacy.ts';

type AidCommand = Extract<AdminCommand, { name: 'aid export' | 'aid cor import' | 'aid register' }>;

export async function aidCommand(command: AidCommand, context: CommandContext): Promise<ExitCode> {
  switch (command.name) {
    case 'aid export':
      return exportPendingAids(command, context);
    case 'aid cor import':
      return importCorFile(command, context);
    case 'aid register':
      return showRegister(command, context);
  }
}

async function write(context: CommandContext, text: string, out: string | undefined) {
  if (out) await writeFile(out, text, 'utf8');
  else context.output.out(text.trimEnd());
}

async function exportPendingAids(
  command: Extract<AidCommand, { name: 'aid export' }>,
  context: CommandContext,
): Promise<ExitCode> {
  const { getProgramme } = await import('#shared/data/programmes.ts');
  const { fileAidRegistry, submitPendingAids } = await import('#shared/use-cases/aid-register.ts');
  const programme = await getProgramme(context.tableName, command.programme);
  if (!programme) {
    context.output.err(`Error: no programme "${command.programme}".`);
    return 1;
  }
  const registry = fileAidRegistry({
    format: command.format,
    write: (text) => write(context, text, command.out),
  });
  const aids = await submitPendingAids(context.tableName, programme.id, registry);
  if (programme.stateAid.carCode === null && aids.length > 0)
    context.output.err(
      `Warning: the programme has no CAR code (stateAid.carCode); the registration needs the call's CAR.`,
    );
  context.output.err(
    `${aids.length} aid(s) of ${programme.id} waiting for their COR${command.out ? `; written to ${command.out}` : ''}.`,
  );
  return 0;
}

async function importCorFile(
  command: Extract<AidCommand, { name: 'aid cor import' }>,
  context: CommandContext,
): Promise<ExitCode> {
  try {
    await access(command.file, constants.R_OK);
  } catch (error) {
    context.output.err(`Error: cannot read ${command.file}: ${(error as Error).message}`);
    return 1;
  }
  if (context.target.kind === 'local') {
    // Read by the Step Functions client when the use case's modules are first imported.
    process.env.AWS_ENDPOINT_URL_SFN = command.stepFunctionsEndpoint ?? defaultLocalStepFunctionsEndpoint;
  }
  const { fileAidRegistry, importCors } = await import('#shared/use-cases/aid-register.ts');
  context.output.err(`Checking every row of ${command.file}…`);
  const registry = fileAidRegistry({ read: () => readFile(command.file, 'utf8') });
  const result = await importCors(context.tableName, registry, new Date());
  if (!result.ok) {
    for (const problem of result.problems) context.output.err(`line ${problem.line}: ${problem.message}`);
    context.output.err(`Nothing was recorded: ${result.problems.length} problem(s).`);
    return 1;
  }
  context.output.out(
    renderTable(result.rows, [
      { header: 'concessionId', value: (row) => row.concessionId },
      { header: 'cor', value: (row) => row.cor },
      { header: 'outcome', value: (row) => row.outcome },
    ]),
  );
  const count = (outcome: string) => result.rows.filter((row) => row.outcome === outcome).length;
  context.output.err(
    `${count('resumed')} journey(s) resumed, ${count('unchanged')} already recorded, ${count('recorded')} recorded with no journey waiting.`,
  );
  const conflicts = result.rows.filter((row) => row.outcome === 'conflict');
  for (const row of conflicts) {
    context.output.err(
      `Conflict: ${row.concessionId} with COR ${row.cor} was not recorded: ${conflictReasons[row.conflict ?? 'unknown']} since it was checked (another import or the task's page at the same time). Check it in the register and import it again if needed.`,
    );
  }
  return conflicts.length > 0 ? 1 : 0;
}

/** Why a checked row could not be recorded, as the import says it. */
const conflictReasons = {
  different_cor: 'the aid was registered with another COR',
  cor_taken: 'the COR was recorded for another aid',
  cancelled: 'the aid was cancelled',
  unknown: 'the aid is gone',
} as const;

async function showRegister(
  command: Extract<AidCommand, { name: 'aid register' }>,
  context: CommandContext,
): Promise<ExitCode> {
  const { aidRegister, aidsAsCsv } = await import('#shared/use-cases/aid-register.ts');
  const { vatNumberProblem } = await import('#shared/domain/vat-number.ts');
  if (command.vat !== undefined && vatNumberProblem(command.vat)) {
    context.output.err(`Error: "${command.vat}" is not a valid Partita IVA.`);
    return 1;
  }
  const aids = await aidRegister(
    context.tableName,
    command.programme !== undefined ? { programmeId: command.programme } : { vatNumber: command.vat ?? '' },
  );
  if (command.format === 'csv') await write(context, aidsAsCsv(aids), command.out);
  else if (aids.length === 0)
    context.output.out(
      `No aid recorded for ${command.programme !== undefined ? `programme ${command.programme}` : `Partita IVA ${command.vat ?? ''}`}.`,
    );
  else
    await write(
      context,
      renderTable(aids, [
        { header: 'concession', value: (aid) => aid.concessionId, max: 36 },
        { header: 'granted on', value: (aid) => aid.grantedOn },
        { header: 'firm', value: (aid) => `${aid.beneficiary.name} (${aid.beneficiary.vatNumber})` },
        { header: 'programme', value: (aid) => aid.programmeId },
        { header: 'aid (EUR)', value: (aid) => aid.aidAmountEur.toFixed(2), right: true },
        { header: 'regulation', value: (aid) => aid.regulation },
        { header: 'status', value: (aid) => aid.status },
        { header: 'COR', value: (aid) => aid.cor ?? '—' },
      ]),
      command.out,
    );
  context.output.err(`${aids.length} aid(s).`);
  return 0;
}
