// The admin CLI's command line: which command, its arguments, the target, and the help texts.
// Pure: nothing here touches the network or the environment.
import { parseArgs } from 'node:util';
import { isValidEmail } from '#shared/domain/contact.ts';
import { type ManagerStatus, managerStatuses } from '#shared/domain/manager.ts';
import { type Language, languages } from '#shared/i18n/language.ts';
import { defaultLocalSite, type TargetOptions } from './target.ts';

export type AdminCommand =
  | { readonly name: 'managers import'; readonly file: string; readonly dryRun: boolean }
  | { readonly name: 'managers list'; readonly status?: ManagerStatus }
  | {
      readonly name: 'programmes load';
      readonly file?: string;
      readonly presets: readonly string[];
      readonly allPresets: boolean;
      readonly dryRun: boolean;
    }
  | { readonly name: 'programmes list' }
  | { readonly name: 'match'; readonly programme: string; readonly dryRun: boolean; readonly yes: boolean }
  | { readonly name: 'applications unlock'; readonly programme: string; readonly vat: string }
  | { readonly name: 'privacy export'; readonly email: string; readonly out?: string }
  | {
      readonly name: 'privacy erase';
      readonly email: string;
      readonly yes: boolean;
      /** Local stack only: its Step Functions endpoint and its outbox (defaults: npm start's). */
      readonly stepFunctionsEndpoint?: string;
      readonly outbox?: string;
    }
  | {
      readonly name: 'aid export';
      readonly programme: string;
      readonly format: 'csv' | 'xml';
      readonly out?: string;
    }
  | { readonly name: 'aid cor import'; readonly file: string; readonly stepFunctionsEndpoint?: string }
  | { readonly name: 'demo mechnet'; readonly site?: string }
  | { readonly name: 'demo edih'; readonly site?: string }
  | {
      readonly name: 'edih report';
      readonly programme: string;
      readonly from?: string;
      readonly to?: string;
      readonly outDir?: string;
    }
  | {
      readonly name: 'aid register';
      readonly programme?: string;
      readonly vat?: string;
      readonly format: 'table' | 'csv';
      readonly out?: string;
    };

export type CommandName = AdminCommand['name'];

export type ParsedCommandLine =
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'usage-error'; readonly message: string; readonly usage: string }
  | {
      readonly kind: 'command';
      readonly command: AdminCommand;
      readonly target: TargetOptions;
      readonly lang: Language;
    };

const targetHelp = `Target (default: the local stack):
  --local             the stack npm start runs: DynamoDB Local at http://127.0.0.1:8000, table PercorsoPmi
  --endpoint URL      DynamoDB Local at another address (npm start prints it when 8000 was taken)
  --aws               the deployed stack, with your AWS credentials (never chosen implicitly)
  --stage NAME        deployed stage (default dev): the table of stack PercorsoPmi-Data-NAME
  --region REGION     AWS region (default AWS_REGION, else eu-south-1)
  --table NAME        the table by name (--aws: when it cannot be found from the stage)
  --lang en|it        language of the validation messages (default en)`;

export const generalUsage = `Usage: npm run admin -- <command> [options]

Commands:
  managers import FILE.csv [--dry-run]     import a vetted roster of managers (all rows or none)
  managers list [--status STATUS]          the manager registry: load/capacity, merit, status
  programmes load FILE.json [--dry-run]    validate and store programmes, showing what changed
  programmes load --preset NAME | --all-presets [--dry-run]
  programmes list                          stored programmes and the presets
  match --programme ID [--dry-run|--yes]  cohort matching of the SMEs waiting for a manager
  applications unlock --programme ID --vat PARTITA_IVA
                                           free a firm's place held by someone else's application
  privacy export --email ADDRESS [--out FILE]
                                           everything held about a person, as one JSON document
  privacy erase --email ADDRESS [--yes]    anonymise a person everywhere (shows what first)
  aid export --programme ID [--format csv|xml] [--out FILE]
                                           the aids waiting for their RNA registration (COR)
  aid cor import FILE.csv                  record the CORs the RNA returned; resumes the journeys
  aid register --programme ID | --vat PARTITA_IVA [--format table|csv] [--out FILE]
                                           every aid granted, with COR, regulation and dates
  demo mechnet [--site URL]                a MechNet edition on the local stack: 13 firms assessed
                                           with collaboration profiles (needs npm start running)
  demo edih [--site URL]                   a scaled M.I.A. EDIH edition on the local stack: 66
                                           customers served (needs npm start running)
  edih report --programme ID [--from DATE] [--to DATE] [--out-dir DIR]
                                           a services programme's report to the EDIH network

${targetHelp}

Help on a command: npm run admin -- managers import --help`;

const help: Record<CommandName, string> = {
  'managers import': `Usage: npm run admin -- managers import FILE.csv [--dry-run] [target]

Imports a roster of managers the programme has already vetted. Every row is validated first;
if any row is bad, each problem is reported with its line number and nothing is imported.

The first line is the header: columns
  name,email,phone,languages,atecoSections,atecoDivisions,competences,provinces,capacity,merit,status,conflicts,cv
in any order, plus an optional managerId column. Required: name, email, languages, provinces,
capacity (and merit for a manager not in the registry yet). List cells separate items with ";"
or "|" ("it;en", "MI|MB"). An empty status means active for a new manager.

A row updates the manager with its managerId or, without one, its e-mail address; otherwise it
creates a new manager. Status and merit left empty keep the stored values; load and createdAt are
never taken from the file. Two rows with the same e-mail address are an error.

  --dry-run    validate and report what would be created or updated, write nothing

${targetHelp}`,
  'managers list': `Usage: npm run admin -- managers list [--status STATUS] [target]

Lists the managers: name, e-mail, load/capacity, merit, status and ID.
  --status STATUS   only this status: ${managerStatuses.join(', ')} (default: all)

${targetHelp}`,
  'programmes load': `Usage: npm run admin -- programmes load FILE.json [--dry-run] [target]
       npm run admin -- programmes load --preset NAME [--preset NAME…] [--dry-run] [target]
       npm run admin -- programmes load --all-presets [--dry-run] [target]

Validates programmes (one JSON object, or an array of them) and stores them, replacing the
stored programme with the same id; prints what was created or which fields changed. If any
programme is invalid, nothing is stored. Counters and applications are not touched.
  --preset NAME    a preset by id (repeatable); see npm run admin -- programmes list
  --all-presets    every preset
  --dry-run        validate and report the changes, write nothing

${targetHelp}`,
  'programmes list': `Usage: npm run admin -- programmes list [target]

Lists the programmes stored in the table and the presets (a preset not stored is still served
from code where a programme is looked up).

${targetHelp}`,
  match: `Usage: npm run admin -- match --programme ID [--dry-run | --yes] [target]

Cohort matching: takes the programme's eligible applications waiting for a manager (no offer in
progress) and the active managers (the programme's roster when it has one), computes the
assignment with the highest total fit under every capacity and conflict of interest, and prints
the draft with each score's parts, next to the total fit of the greedy one-at-a-time order.
  --programme ID   the programme
  --dry-run        show the draft only
  --yes            offer the draft without asking (otherwise the command asks for confirmation;
                   without a terminal to ask, it needs --yes). Each SME's journey then offers the
                   engagement to its drafted manager at its next matching step

${targetHelp}`,
  'applications unlock': `Usage: npm run admin -- applications unlock --programme ID --vat PARTITA_IVA [target]

Frees a firm's place in a programme when an application that is not the firm's own holds it (a
firm that gets "already applied" and did not apply writes to the programme office). The journey
of an application still in progress keeps its place: withdraw or close it first. The release is
recorded (when, the Partita IVA, the application that held it; by the CLI).
  --programme ID        the programme
  --vat PARTITA_IVA     the firm's Partita IVA (11 digits, IT prefix allowed)

${targetHelp}`,
  'privacy export': `Usage: npm run admin -- privacy export --email ADDRESS [--out FILE] [target]

A data-subject access request: every item that holds the person's data (the applications they made
as a contact with their tasks, assessment, e-mails, project and check-ins; their manager profile with
the tasks sent to them; e-mails to them still queued: a sent one keeps no copy), as one JSON document on standard output or
in FILE. Link secrets are left out. The request is recorded in the audit trail, without the data.
  --email ADDRESS     the person's e-mail address
  --out FILE          write the document there (default: standard output)

${targetHelp}`,
  'privacy erase': `Usage: npm run admin -- privacy erase --email ADDRESS [--yes] [target]

A data-subject erasure request. Without --yes, shows what would be erased and writes nothing.
With --yes, anonymises the person everywhere: names, e-mail address, telephone, CV and every text
written about or by them become "—"; counters, statuses, figures and the audit trail stay, and so
does the Partita IVA where the programme must keep it. A journey of theirs still running ends as
withdrawn (open tasks cancelled); e-mails queued to them are never sent; the links to their pages
stop working; the local outbox forgets its copies (SES keeps none). Refused, with nothing written,
while a funded project of theirs is monitored or, for a manager, while they follow a firm: close or
reassign first. Running it again finds nothing left. Every request is recorded in the audit trail,
without the data.
  --email ADDRESS               the person's e-mail address
  --yes                         erase (without it: only show what would be erased)
  --stepfunctions-endpoint URL  local stack only: its Step Functions endpoint (default http://127.0.0.1:8083)
  --outbox URL                  local stack only: its e-mail outbox (default http://127.0.0.1:3000/_local/outbox)

${targetHelp}`,
  'aid export': `Usage: npm run admin -- aid export --programme ID [--format csv|xml] [--out FILE] [target]

The aids of a programme approved and waiting for their registration in the national State-aid
register (RNA), one row per aid with every field the registration needs: the local concession ID
(concessionId), the call's CAR code, the regulation, the beneficiary (tax code, Partita IVA, name,
size, ATECO, province), the project (title, dates), the concession date, the cost items, the aid
instrument with the nominal amount and the aid amount. Register them (RNA portal or web services),
then import the CORs the RNA returns with "aid cor import".
  --programme ID        the programme
  --format csv|xml      default csv (spreadsheet-safe cells)
  --out FILE            write there (default: standard output)

${targetHelp}`,
  'edih report': `Usage: npm run admin -- edih report --programme ID [--from DATE] [--to DATE] [--out-dir DIR] [target]

The report of a services programme (an EDIH) to the EDIH network for a period: the customers, the
services delivered to them (those ended in the period) and their DMA measurements (T0, T1) taken in
it. With --out-dir, four files are written there: customers.csv, services.csv, dma.csv and
report.json (the same rows); without it, the JSON goes to standard output. The columns are listed
in the README ("Reporting to the EDIH network").
  --programme ID    the services programme
  --from DATE       first day of the period (YYYY-MM-DD; default: the beginning)
  --to DATE         last day of the period (YYYY-MM-DD; default: today)
  --out-dir DIR     write the four files there (created if missing)

${targetHelp}`,
  'demo edih': `Usage: npm run admin -- demo edih [--site URL] [--local|--endpoint URL]

Loads a scaled M.I.A. Lombardia edition (programme mia-edih-demo: the seed's figures divided by ten)
on the local stack, as its people would: 66 fictional customers (60 SMEs, 3 small mid-caps, 2 large
firms, 1 public body) apply through the public API; through the task links of the local outbox six
demo experts accept the offers and take the T0 DMA with a service plan, the office approves each
plan and records its aid's COR, each service is recorded as delivered and the experts take the T1
DMA. The dashboard /admin/programmes/mia-edih-demo then shows 100 services (60 training, 40
consulting) worth 546.000 € of 780.000 € planned: 70%. About four minutes against npm start.

Customers already loaded are skipped, so it can run again. The local stack only (never --aws).
  --site URL   the local site (default ${defaultLocalSite}: npm start's address)

${targetHelp}`,
  'demo mechnet': `Usage: npm run admin -- demo mechnet [--site URL] [--local|--endpoint URL]

Loads a fictional MechNet edition on the local stack, as its people would: thirteen Varese firms
(8 machining, 4 systems and assembly, 1 galvanic treatment) apply through the public API, a demo
manager accepts each offer and records each assessment with the firm's collaboration profile
through the task links of the local outbox. Then the office's page
/admin/programmes/mechnet/collaborations shows the opportunities among them.

Firms already loaded are skipped, so it can run again. The local stack only (never --aws).
  --site URL   the local site (default ${defaultLocalSite}: npm start's address)

${targetHelp}`,
  'aid cor import': `Usage: npm run admin -- aid cor import FILE.csv [--stepfunctions-endpoint URL] [target]

Records the CORs the RNA returned and resumes the journeys waiting for them (each project is then
launched and its firm told, with the COR). The file has the header "concessionId,cor" and one row
per aid. Every row is checked first: one problem (an unknown concession ID, a COR that is not
digits, a COR already recorded for another aid, an aid registered under another COR, a line twice)
and nothing is recorded. Importing the same file again changes nothing.
  --stepfunctions-endpoint URL  local stack only: its Step Functions endpoint (default http://127.0.0.1:8083)

${targetHelp}`,
  'aid register': `Usage: npm run admin -- aid register --programme ID | --vat PARTITA_IVA [--format table|csv] [--out FILE] [target]

The aid register: every aid granted through this product (pending or registered), with its COR,
regulation, amounts and dates, for a programme or for a firm across programmes. Aid records are
kept ten years from the concession, whatever the programme's retention of personal data.
  --programme ID        the programme's aids
  --vat PARTITA_IVA     a firm's aids (any programme)
  --format table|csv    default table
  --out FILE            write there (default: standard output)

${targetHelp}`,
};

/** The help text of a command, or the general usage. */
export function helpText(command?: CommandName): string {
  return command ? help[command] : generalUsage;
}

const options = {
  // target and language, accepted by every command
  local: { type: 'boolean' },
  aws: { type: 'boolean' },
  stage: { type: 'string' },
  table: { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // per command
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean' },
  status: { type: 'string' },
  preset: { type: 'string', multiple: true },
  'all-presets': { type: 'boolean' },
  programme: { type: 'string' },
  vat: { type: 'string' },
  email: { type: 'string' },
  out: { type: 'string' },
  'stepfunctions-endpoint': { type: 'string' },
  outbox: { type: 'string' },
  format: { type: 'string' },
  site: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'out-dir': { type: 'string' },
} as const;

type OptionName = keyof typeof options;

const commandOptions: Record<CommandName, readonly OptionName[]> = {
  'managers import': ['dry-run'],
  'managers list': ['status'],
  'programmes load': ['preset', 'all-presets', 'dry-run'],
  'programmes list': [],
  match: ['programme', 'dry-run', 'yes'],
  'applications unlock': ['programme', 'vat'],
  'privacy export': ['email', 'out'],
  'privacy erase': ['email', 'yes', 'stepfunctions-endpoint', 'outbox'],
  'aid export': ['programme', 'format', 'out'],
  'aid cor import': ['stepfunctions-endpoint'],
  'aid register': ['programme', 'vat', 'format', 'out'],
  'demo mechnet': ['site'],
  'demo edih': ['site'],
  'edih report': ['programme', 'from', 'to', 'out-dir'],
};
const globalOptions: readonly OptionName[] = [
  'local',
  'aws',
  'stage',
  'table',
  'region',
  'endpoint',
  'lang',
  'help',
];

const groups: Record<string, readonly string[]> = {
  managers: ['import', 'list'],
  programmes: ['load', 'list'],
  applications: ['unlock'],
  privacy: ['export', 'erase'],
  aid: ['export', 'cor', 'register'],
  demo: ['mechnet', 'edih'],
  edih: ['report'],
};

/** Reads the command line (the arguments after `npm run admin --`). */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message, usage: generalUsage };
  }
  const { values, positionals } = parsed;
  if (positionals[0] === 'help') {
    // `help managers import` is `managers import --help`.
    const withoutHelp = [...argv];
    withoutHelp.splice(withoutHelp.indexOf('help'), 1);
    return parseCommandLine([...withoutHelp, '--help']);
  }
  const [first, second, ...rest] = positionals;

  // Which command (as far as it can be told), for --help and for the errors' usage text.
  let name: CommandName | undefined;
  let commandArgs: string[] = [];
  if (first === 'match') {
    name = 'match';
    commandArgs = positionals.slice(1);
  } else if (first !== undefined && first in groups) {
    if (first === 'aid' && second === 'cor') {
      if (rest[0] !== 'import' && !values.help)
        return { kind: 'usage-error', message: '"aid cor" needs a subcommand: import', usage: generalUsage };
      name = 'aid cor import';
      commandArgs = rest.slice(1);
    } else if (second !== undefined && groups[first]?.includes(second)) {
      name = `${first} ${second}` as CommandName;
      commandArgs = rest;
    } else if (!values.help || second !== undefined) {
      return {
        kind: 'usage-error',
        message:
          second === undefined
            ? `"${first}" needs a subcommand: ${groups[first]?.join(' or ')}`
            : `unknown command "${first} ${second}"`,
        usage: generalUsage,
      };
    }
  }
  if (values.help) return { kind: 'help', text: helpText(name) };
  if (first === undefined) return { kind: 'usage-error', message: 'no command given', usage: generalUsage };
  if (!name) return { kind: 'usage-error', message: `unknown command "${first}"`, usage: generalUsage };

  const usageError = (message: string): ParsedCommandLine => ({
    kind: 'usage-error',
    message,
    usage: `${helpText(name).split('\n\n')[0]}\nMore: npm run admin -- ${name} --help`,
  });
  const allowed = new Set<string>([...globalOptions, ...commandOptions[name]]);
  const misplaced = Object.keys(values).filter((option) => !allowed.has(option));
  if (misplaced.length > 0) {
    return usageError(`${misplaced.map((option) => `--${option}`).join(', ')} is not an option of "${name}"`);
  }

  const lang = values.lang ?? 'en';
  if (!(languages as readonly string[]).includes(lang))
    return usageError(`--lang must be en or it, got "${lang}"`);
  const target: TargetOptions = {
    ...(values.local ? { local: true } : {}),
    ...(values.aws ? { aws: true } : {}),
    ...(values.stage !== undefined ? { stage: values.stage } : {}),
    ...(values.table !== undefined ? { table: values.table } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
  };
  const dryRun = values['dry-run'] ?? false;
  const result = (command: AdminCommand): ParsedCommandLine => ({
    kind: 'command',
    command,
    target,
    lang: lang as Language,
  });

  switch (name) {
    case 'managers import': {
      if (commandArgs.length !== 1) return usageError('give one CSV file: managers import FILE.csv');
      return result({ name, file: commandArgs[0] as string, dryRun });
    }
    case 'managers list': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      const status = values.status;
      if (status !== undefined && !(managerStatuses as readonly string[]).includes(status)) {
        return usageError(`--status must be one of ${managerStatuses.join(', ')}, got "${status}"`);
      }
      return result({ name, ...(status ? { status: status as ManagerStatus } : {}) });
    }
    case 'programmes load': {
      const presets = values.preset ?? [];
      const allPresets = values['all-presets'] ?? false;
      const sources = (commandArgs.length > 0 ? 1 : 0) + (presets.length > 0 ? 1 : 0) + (allPresets ? 1 : 0);
      if (commandArgs.length > 1) return usageError('give one JSON file');
      if (sources !== 1) return usageError('give exactly one of FILE.json, --preset NAME, --all-presets');
      return result({
        name,
        ...(commandArgs[0] !== undefined ? { file: commandArgs[0] } : {}),
        presets,
        allPresets,
        dryRun,
      });
    }
    case 'programmes list': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      return result({ name });
    }
    case 'match': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      if (!values.programme) return usageError('give the programme: match --programme ID');
      return result({ name, programme: values.programme, dryRun, yes: values.yes ?? false });
    }
    case 'applications unlock': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      if (!values.programme || !values.vat)
        return usageError(
          'give the programme and the Partita IVA: applications unlock --programme ID --vat 12345678901',
        );
      return result({ name, programme: values.programme, vat: values.vat });
    }
    case 'privacy export': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      if (!values.email || !isValidEmail(values.email))
        return usageError("give the person's e-mail address: privacy export --email name@example.it");
      return result({ name, email: values.email, ...(values.out ? { out: values.out } : {}) });
    }
    case 'aid export': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      if (!values.programme) return usageError('give the programme: aid export --programme ID');
      const format = values.format ?? 'csv';
      if (format !== 'csv' && format !== 'xml')
        return usageError(`--format must be csv or xml, got "${format}"`);
      return result({
        name,
        programme: values.programme,
        format,
        ...(values.out ? { out: values.out } : {}),
      });
    }
    case 'aid cor import': {
      if (commandArgs.length !== 1) return usageError('give one CSV file: aid cor import FILE.csv');
      const endpoint = values['stepfunctions-endpoint'];
      if (endpoint !== undefined && !URL.canParse(endpoint))
        return usageError(`--stepfunctions-endpoint must be a URL, got "${endpoint}"`);
      if (endpoint !== undefined && values.aws)
        return usageError('--stepfunctions-endpoint is for the local stack only');
      return result({
        name,
        file: commandArgs[0] as string,
        ...(endpoint ? { stepFunctionsEndpoint: endpoint } : {}),
      });
    }
    case 'aid register': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      if ((values.programme === undefined) === (values.vat === undefined))
        return usageError('give exactly one of --programme ID, --vat PARTITA_IVA');
      const format = values.format ?? 'table';
      if (format !== 'table' && format !== 'csv')
        return usageError(`--format must be table or csv, got "${format}"`);
      return result({
        name,
        format,
        ...(values.programme ? { programme: values.programme } : {}),
        ...(values.vat ? { vat: values.vat } : {}),
        ...(values.out ? { out: values.out } : {}),
      });
    }
    case 'edih report': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      if (!values.programme) return usageError('give the programme: edih report --programme ID');
      for (const option of ['from', 'to'] as const) {
        const date = values[option];
        if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
          return usageError(`--${option} must be a date YYYY-MM-DD, got "${date}"`);
      }
      if (values.from && values.to && values.from > values.to)
        return usageError(`--from (${values.from}) is after --to (${values.to})`);
      return result({
        name,
        programme: values.programme,
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values['out-dir'] ? { outDir: values['out-dir'] } : {}),
      });
    }
    case 'demo mechnet':
    case 'demo edih': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      if (values.aws) return usageError('the demo is for the local stack only');
      if (values.site !== undefined && !URL.canParse(values.site))
        return usageError(`--site must be a URL, got "${values.site}"`);
      return result({ name, ...(values.site ? { site: values.site } : {}) });
    }
    case 'privacy erase': {
      if (commandArgs.length > 0) return usageError(`unexpected argument "${commandArgs[0]}"`);
      if (!values.email || !isValidEmail(values.email))
        return usageError("give the person's e-mail address: privacy erase --email name@example.it");
      for (const option of ['stepfunctions-endpoint', 'outbox'] as const) {
        const url = values[option];
        if (url !== undefined && !URL.canParse(url))
          return usageError(`--${option} must be a URL, got "${url}"`);
        if (url !== undefined && values.aws) return usageError(`--${option} is for the local stack only`);
      }
      return result({
        name,
        email: values.email,
        yes: values.yes ?? false,
        ...(values['stepfunctions-endpoint']
          ? { stepFunctionsEndpoint: values['stepfunctions-endpoint'] }
          : {}),
        ...(values.outbox ? { outbox: values.outbox } : {}),
      });
    }
  }
}
