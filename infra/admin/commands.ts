// The admin commands. They import the data modules dynamically: by the time they run, the target
// is in process.env (see target.ts), which the DynamoDB client reads when first created.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manager } from '#shared/domain/manager.ts';
import type { Programme } from '#shared/domain/programme.ts';
import type { Language } from '#shared/i18n/language.ts';
import type { AdminCommand } from './args.ts';
import { renderTable, showValue } from './format.ts';
import type { Target } from './target.ts';

/** Where the commands write: standard output and standard error, one line at a time. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const consoleOutput: Output = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

/** What a command asks the process to exit with: 0 done, 1 refused or failed, 2 not available. */
export type ExitCode = 0 | 1 | 2;

export interface CommandContext {
  readonly tableName: string;
  /** Where the commands act (the table's name included). */
  readonly target: Target;
  readonly lang: Language;
  readonly output: Output;
}

export async function runCommand(command: AdminCommand, context: CommandContext): Promise<ExitCode> {
  switch (command.name) {
    case 'managers import':
      return importManagersCommand(command.file, command.dryRun, context);
    case 'managers list':
      return listManagersCommand(command.status, context);
    case 'applications unlock': {
      const { unlockCompany } = await import('#shared/use-cases/unlock-company.ts');
      const result = await unlockCompany(context.tableName, command.programme, command.vat, 'cli');
      const messages = {
        invalid_vat: `Error: "${command.vat}" is not a valid Partita IVA.`,
        not_held: `Nothing to unlock: no application holds ${command.vat} in ${command.programme}.`,
        journey_in_progress: `Refused: application ${result.applicationId ?? ''} of ${command.vat} is still in progress (${result.status ?? ''}); withdraw or close it first.`,
        unlocked: `Unlocked ${command.vat} in ${command.programme} (it was held by application ${result.applicationId ?? ''}); recorded.`,
      } as const;
      (result.outcome === 'unlocked' || result.outcome === 'not_held'
        ? context.output.out
        : context.output.err)(messages[result.outcome]);
      return result.outcome === 'unlocked' || result.outcome === 'not_held' ? 0 : 1;
    }
    case 'programmes load':
      return loadProgrammesCommand(command, context);
    case 'programmes list':
      return listProgrammesCommand(context);
    case 'match': {
      const { matchCommand } = await import('./match.ts');
      return matchCommand(command.programme, command.dryRun, context, command.yes);
    }
    case 'privacy export': {
      const { exportPersonalData } = await import('#shared/use-cases/privacy-export.ts');
      context.output.err(
        `Looking for every item that holds ${command.email}'s data (a full read of the table)…`,
      );
      const document = await exportPersonalData(context.tableName, command.email);
      const json = `${JSON.stringify(document, null, 2)}\n`;
      if (command.out) await writeFile(command.out, json, 'utf8');
      else context.output.out(json.trimEnd());
      context.output.err(
        `Found ${document.applications.length} application(s), ${document.manager ? 'a' : 'no'} manager profile, ${document.emails.length} e-mail(s)${command.out ? `; written to ${command.out}` : ''}. The request is recorded in the audit trail.`,
      );
      return 0;
    }
    case 'privacy erase': {
      const { privacyEraseCommand } = await import('./privacy.ts');
      return privacyEraseCommand(command, context);
    }
    case 'demo mechnet': {
      const { demoMechNetCommand } = await import('./demo.ts');
      return demoMechNetCommand(command, context);
    }
    case 'demo edih': {
      const { demoEdihCommand } = await import('./demo-edih.ts');
      return demoEdihCommand(command, context);
    }
    case 'edih report': {
      const { getProgramme } = await import('#shared/data/programmes.ts');
      const { edihReport, edihReportCsv, edihReportParts } = await import('#shared/use-cases/edih-report.ts');
      const programme = await getProgramme(context.tableName, command.programme);
      if (!programme) {
        context.output.err(`Error: no programme "${command.programme}".`);
        return 1;
      }
      if (programme.delivery !== 'services') {
        context.output.err(
          `Error: "${programme.id}" does not deliver services; the EDIH report is for services programmes.`,
        );
        return 1;
      }
      const period = {
        ...(command.from ? { from: command.from } : {}),
        ...(command.to ? { to: command.to } : {}),
      };
      context.output.err(`Reading the customers, services and DMA of ${programme.id}…`);
      const report = await edihReport(context.tableName, programme, period);
      const json = `${JSON.stringify(report, null, 2)}\n`;
      if (command.outDir) {
        await mkdir(command.outDir, { recursive: true });
        for (const part of edihReportParts)
          await writeFile(join(command.outDir, `${part}.csv`), edihReportCsv(report, part), 'utf8');
        await writeFile(join(command.outDir, 'report.json'), json, 'utf8');
      } else context.output.out(json.trimEnd());
      context.output.err(
        `${report.customers.length} customer(s), ${report.services.length} service(s) delivered, ${report.dma.length} DMA measurement(s)${command.outDir ? `; written to ${command.outDir}/ (customers.csv, services.csv, dma.csv, report.json)` : ''}.`,
      );
      return 0;
    }
    case 'aid export':
    case 'aid cor import':
    case 'aid register': {
      const { aidCommand } = await import('./aid.ts');
      return aidCommand(command, context);
    }
  }
}

async function readText(file: string, output: Output): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    output.err(`Cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
}

async function importManagersCommand(
  file: string,
  dryRun: boolean,
  context: CommandContext,
): Promise<ExitCode> {
  const { output, tableName, lang } = context;
  const text = await readText(file, output);
  if (text === undefined) return 1;
  const { importManagers } = await import('#shared/use-cases/import-managers.ts');
  let lastReport = 0;
  const result = await importManagers(tableName, text, {
    dryRun,
    lang,
    onProgress: (written, total) => {
      // About every 5% (and the last batch), so a 10,000-row file prints a screenful, not 400 lines.
      if (written === total || written - lastReport >= Math.max(1, Math.floor(total / 20))) {
        lastReport = written;
        output.out(`imported ${written}/${total}`);
      }
    },
  });
  if (!result.ok) {
    const lines = new Set(result.problems.map((problem) => problem.line));
    output.err(
      `${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} on ` +
        `${lines.size} line${lines.size === 1 ? '' : 's'}; nothing was imported.`,
    );
    for (const problem of result.problems) output.err(`  line ${problem.line}: ${problem.message}`);
    output.err('Fix the file and run the command again.');
    return 1;
  }
  const { created, updated, unchanged } = result;
  if (result.rows === 0) {
    output.out(`${file}: no managers in the file (only the header).`);
    return 0;
  }
  const verb = dryRun ? 'would be' : 'were';
  output.out(
    `${file}: ${result.rows} row${result.rows === 1 ? '' : 's'} valid. ` +
      `${created.length} ${verb} created, ${updated.length} ${verb} updated, ${unchanged.length} unchanged.`,
  );
  const shown = [...created, ...updated].sort((a, b) => a.line - b.line);
  if (shown.length > 0) {
    output.out(
      renderTable(shown.slice(0, 50), [
        { header: 'line', value: (entry) => String(entry.line), right: true },
        { header: 'action', value: (entry) => entry.action },
        { header: 'name', value: (entry) => entry.manager.name, max: 30 },
        { header: 'e-mail', value: (entry) => entry.manager.email, max: 40 },
        { header: 'status', value: (entry) => entry.manager.status },
        { header: 'managerId', value: (entry) => entry.manager.managerId },
      ]),
    );
    if (shown.length > 50) output.out(`… and ${shown.length - 50} more.`);
  }
  if (dryRun) output.out('Dry run: nothing was written.');
  return 0;
}

async function listManagersCommand(
  status: Manager['status'] | undefined,
  context: CommandContext,
): Promise<ExitCode> {
  const { listManagersByStatus } = await import('#shared/data/managers.ts');
  const { managerStatuses } = await import('#shared/domain/manager.ts');
  const statuses = status ? [status] : managerStatuses;
  const lists = await Promise.all(statuses.map((one) => listManagersByStatus(context.tableName, one)));
  const managers = lists
    .flat()
    .sort(
      (a, b) => statuses.indexOf(a.status) - statuses.indexOf(b.status) || a.name.localeCompare(b.name, 'it'),
    );
  if (managers.length === 0) {
    context.output.out(status ? `No ${status} managers.` : 'No managers in the registry.');
    return 0;
  }
  context.output.out(
    renderTable(managers, [
      { header: 'name', value: (manager) => manager.name, max: 30 },
      { header: 'e-mail', value: (manager) => manager.email, max: 40 },
      { header: 'load/capacity', value: (manager) => `${manager.load}/${manager.capacity}`, right: true },
      { header: 'merit', value: (manager) => String(manager.merit), right: true },
      { header: 'status', value: (manager) => manager.status },
      { header: 'managerId', value: (manager) => manager.managerId },
    ]),
  );
  const load = managers.reduce((sum, manager) => sum + manager.load, 0);
  const capacity = managers.reduce((sum, manager) => sum + manager.capacity, 0);
  context.output.out(
    `${managers.length} manager${managers.length === 1 ? '' : 's'}, load ${load}/${capacity}.`,
  );
  return 0;
}

async function loadProgrammesCommand(
  command: Extract<AdminCommand, { name: 'programmes load' }>,
  context: CommandContext,
): Promise<ExitCode> {
  const { output, tableName } = context;
  const { loadProgrammes, presetNames, validateProgrammes } = await import(
    '#shared/use-cases/load-programmes.ts'
  );
  const { programmePresets } = await import('#shared/programmes/presets.ts');
  let programmes: readonly Programme[];
  if (command.file !== undefined) {
    const text = await readText(command.file, output);
    if (text === undefined) return 1;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      output.err(`${command.file} is not valid JSON: ${(error as Error).message}`);
      return 1;
    }
    const validation = validateProgrammes(json);
    if (!validation.ok) {
      output.err(`${command.file}: ${validation.problems.length} problem(s); nothing was stored.`);
      for (const problem of validation.problems) {
        const which = problem.id ?? `#${problem.index + 1}`;
        output.err(`  ${which}${problem.path ? ` ${problem.path}` : ''}: ${problem.message}`);
      }
      return 1;
    }
    programmes = validation.programmes;
  } else if (command.allPresets) {
    programmes = programmePresets();
  } else {
    const unknown = command.presets.filter((name) => !presetNames().includes(name));
    if (unknown.length > 0) {
      output.err(`No preset ${unknown.join(', ')}. Presets: ${presetNames().join(', ')}.`);
      return 1;
    }
    programmes = programmePresets().filter((preset) => command.presets.includes(preset.id));
  }

  const results = await loadProgrammes(tableName, programmes, { dryRun: command.dryRun });
  const verb = command.dryRun
    ? { create: 'would be created', update: 'would be updated' }
    : {
        create: 'created',
        update: 'updated',
      };
  for (const result of results) {
    if (result.action === 'unchanged') output.out(`${result.id}: unchanged`);
    else if (result.action === 'create') output.out(`${result.id}: ${verb.create}`);
    else {
      output.out(
        `${result.id}: ${verb.update} (${result.changes.length} field${result.changes.length === 1 ? '' : 's'})`,
      );
      for (const change of result.changes) {
        output.out(`  ${change.path}: ${showValue(change.before)} → ${showValue(change.after)}`);
      }
    }
  }
  if (command.dryRun) output.out('Dry run: nothing was written.');
  return 0;
}

async function listProgrammesCommand(context: CommandContext): Promise<ExitCode> {
  const { listStoredProgrammes } = await import('#shared/use-cases/load-programmes.ts');
  const { programmePresets } = await import('#shared/programmes/presets.ts');
  const { programmes, unreadable } = await listStoredProgrammes(context.tableName);
  const stored = new Set(programmes.map((programme) => programme.id));
  const rows = [
    ...programmes.map((programme) => ({ programme, source: 'stored' })),
    ...programmePresets()
      .filter((preset) => !stored.has(preset.id))
      .map((programme) => ({ programme, source: 'preset (not stored)' })),
  ];
  if (rows.length === 0) context.output.out('No programmes.');
  else {
    context.output.out(
      renderTable(rows, [
        { header: 'id', value: ({ programme }) => programme.id },
        { header: 'name', value: ({ programme }) => programme.names.en, max: 40 },
        {
          header: 'open',
          value: ({ programme }) => `${programme.opensOn} → ${programme.closesOn ?? 'open-ended'}`,
        },
        {
          header: 'assessments',
          value: ({ programme }) => String(programme.quotas.assessments),
          right: true,
        },
        {
          header: 'budget €',
          value: ({ programme }) => programme.budget.totalEur.toLocaleString('en-GB'),
          right: true,
        },
        {
          header: 'roster',
          value: ({ programme }) =>
            programme.matching.roster ? String(programme.matching.roster.length) : 'all',
          right: true,
        },
        { header: 'source', value: ({ source }) => source },
      ]),
    );
  }
  for (const id of unreadable) {
    context.output.err(`Programme item ${id} is stored but no longer valid: load it again from a file.`);
  }
  return 0;
}
