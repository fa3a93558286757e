// The admin CLI's command line and target selection, without a table.
import { describe, expect, it } from 'vitest';
import { helpText, parseCommandLine } from '#infra/admin/args.ts';
import { applyTarget, matchDeployedTableNames, resolveTarget, TargetError } from '#infra/admin/target.ts';

describe('parseCommandLine', () => {
  it('reads each command with its arguments and options', () => {
    expect(parseCommandLine(['managers', 'import', 'roster.csv', '--dry-run'])).toMatchObject({
      kind: 'command',
      command: { name: 'managers import', file: 'roster.csv', dryRun: true },
      lang: 'en',
    });
    expect(parseCommandLine(['managers', 'list', '--status', 'active'])).toMatchObject({
      command: { name: 'managers list', status: 'active' },
    });
    expect(parseCommandLine(['programmes', 'load', '--preset', 'a', '--preset', 'b'])).toMatchObject({
      command: { name: 'programmes load', presets: ['a', 'b'], allPresets: false, dryRun: false },
    });
    expect(parseCommandLine(['programmes', 'load', 'p.json'])).toMatchObject({
      command: { name: 'programmes load', file: 'p.json', presets: [] },
    });
    expect(parseCommandLine(['programmes', 'list'])).toMatchObject({ command: { name: 'programmes list' } });
    expect(parseCommandLine(['match', '--programme', 'sviluppo-pmi', '--dry-run'])).toMatchObject({
      command: { name: 'match', programme: 'sviluppo-pmi', dryRun: true },
    });
  });

  it('reads the aid commands, and refuses what they cannot do', () => {
    expect(parseCommandLine(['aid', 'export', '--programme', 'mechnet'])).toMatchObject({
      command: { name: 'aid export', programme: 'mechnet', format: 'csv' },
    });
    expect(
      parseCommandLine(['aid', 'export', '--programme', 'p', '--format', 'xml', '--out', 'a.xml']),
    ).toMatchObject({
      command: { name: 'aid export', format: 'xml', out: 'a.xml' },
    });
    expect(parseCommandLine(['aid', 'cor', 'import', 'cors.csv'])).toMatchObject({
      command: { name: 'aid cor import', file: 'cors.csv' },
    });
    expect(parseCommandLine(['aid', 'register', '--vat', '01234567897'])).toMatchObject({
      command: { name: 'aid register', vat: '01234567897', format: 'table' },
    });
    expect(parseCommandLine(['aid', 'export'])).toMatchObject({
      kind: 'usage-error',
      message: 'give the programme: aid export --programme ID',
    });
    expect(parseCommandLine(['aid', 'export', '--programme', 'p', '--format', 'pdf'])).toMatchObject({
      kind: 'usage-error',
      message: '--format must be csv or xml, got "pdf"',
    });
    expect(parseCommandLine(['aid', 'cor'])).toMatchObject({ kind: 'usage-error' });
    expect(parseCommandLine(['aid', 'cor', 'import'])).toMatchObject({
      kind: 'usage-error',
      message: 'give one CSV file: aid cor import FILE.csv',
    });
    expect(parseCommandLine(['aid', 'register', '--programme', 'p', '--vat', '01234567897'])).toMatchObject({
      kind: 'usage-error',
      message: 'give exactly one of --programme ID, --vat PARTITA_IVA',
    });
    expect(parseCommandLine(['aid', 'cor', 'import', '--help'])).toMatchObject({ kind: 'help' });
  });

  it('accepts the target and language options anywhere', () => {
    expect(
      parseCommandLine(['--aws', '--stage', 'prod', 'managers', 'list', '--table', 'T', '--lang', 'it']),
    ).toMatchObject({ kind: 'command', target: { aws: true, stage: 'prod', table: 'T' }, lang: 'it' });
  });

  it('gives help for every command, with --help, -h or help', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help', text: helpText() });
    expect(parseCommandLine([])).toMatchObject({ kind: 'usage-error' });
    for (const argv of [
      ['managers', 'import', '--help'],
      ['managers', 'import', '-h'],
      ['help', 'managers', 'import'],
    ]) {
      expect(parseCommandLine(argv)).toEqual({ kind: 'help', text: helpText('managers import') });
    }
    for (const name of ['managers list', 'programmes load', 'programmes list', 'match'] as const) {
      const parsed = parseCommandLine([...name.split(' '), '--help']);
      expect(parsed).toEqual({ kind: 'help', text: helpText(name) });
      expect(helpText(name)).toMatch(/^Usage: npm run admin -- /);
    }
  });

  it('documents the CSV columns in the import help', () => {
    expect(helpText('managers import')).toContain(
      'name,email,phone,languages,atecoSections,atecoDivisions,competences,provinces,capacity,merit,status,conflicts,cv',
    );
  });

  it('refuses unknown commands, options and misplaced options as usage errors', () => {
    for (const argv of [
      ['frobnicate'],
      ['managers'],
      ['managers', 'delete'],
      ['managers', 'import'],
      ['managers', 'import', 'a.csv', 'b.csv'],
      ['managers', 'list', '--dry-run'],
      ['managers', 'list', '--status', 'retired'],
      ['managers', 'list', '--bogus'],
      ['programmes', 'load'],
      ['programmes', 'load', 'p.json', '--all-presets'],
      ['match', '--dry-run'],
      ['managers', 'list', '--lang', 'de'],
    ]) {
      expect(parseCommandLine(argv), argv.join(' ')).toMatchObject({ kind: 'usage-error' });
    }
  });
});

describe('target', () => {
  it('is the local stack unless --aws is given, whatever credentials the environment has', () => {
    expect(resolveTarget({}, { AWS_ACCESS_KEY_ID: 'AKIA…', AWS_REGION: 'eu-west-1' })).toEqual({
      kind: 'local',
      endpoint: 'http://127.0.0.1:8000',
      tableName: 'PercorsoPmi',
      region: 'eu-south-1',
    });
    expect(
      resolveTarget({ local: true, endpoint: 'http://127.0.0.1:9000', table: 'Other' }, {}),
    ).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      tableName: 'Other',
    });
  });

  it('with --aws takes the stage, the region from the environment, and an optional table', () => {
    expect(resolveTarget({ aws: true }, { AWS_REGION: 'eu-west-1' })).toEqual({
      kind: 'aws',
      stage: 'dev',
      region: 'eu-west-1',
    });
    expect(resolveTarget({ aws: true, stage: 'prod', table: 'T', region: 'eu-south-1' }, {})).toEqual({
      kind: 'aws',
      stage: 'prod',
      region: 'eu-south-1',
      tableName: 'T',
    });
  });

  it('refuses contradictory options', () => {
    expect(() => resolveTarget({ local: true, aws: true }, {})).toThrow(TargetError);
    expect(() => resolveTarget({ aws: true, endpoint: 'http://x' }, {})).toThrow(TargetError);
    expect(() => resolveTarget({ stage: 'dev' }, {})).toThrow(TargetError);
    expect(() => resolveTarget({ endpoint: 'not a url' }, {})).toThrow(TargetError);
  });

  it('points the SDK at DynamoDB Local with dummy credentials, or at AWS without an endpoint', () => {
    const env: NodeJS.ProcessEnv = { AWS_PROFILE: 'admin' };
    applyTarget(resolveTarget({}, {}), env);
    expect(env).toEqual({
      AWS_REGION: 'eu-south-1',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
    const cloud: NodeJS.ProcessEnv = {
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      AWS_PROFILE: 'admin',
    };
    applyTarget(resolveTarget({ aws: true }, {}), cloud);
    expect(cloud).toEqual({ AWS_REGION: 'eu-south-1', AWS_PROFILE: 'admin' });
  });

  it('reads edih report and demo edih, and says what is wrong with their arguments', () => {
    expect(
      parseCommandLine([
        'edih',
        'report',
        '--programme',
        'mia-edih',
        '--from',
        '2026-01-01',
        '--out-dir',
        'out',
      ]),
    ).toMatchObject({
      kind: 'command',
      command: { name: 'edih report', programme: 'mia-edih', from: '2026-01-01', outDir: 'out' },
    });
    expect(parseCommandLine(['edih', 'report'])).toMatchObject({
      kind: 'usage-error',
      message: expect.stringMatching(/give the programme/),
    });
    expect(parseCommandLine(['edih', 'report', '--programme', 'x', '--to', '31/12/2026'])).toMatchObject({
      kind: 'usage-error',
      message: expect.stringMatching(/--to must be a date YYYY-MM-DD/),
    });
    expect(
      parseCommandLine(['edih', 'report', '--programme', 'x', '--from', '2026-06-01', '--to', '2026-01-01']),
    ).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/after --to/) });
    expect(parseCommandLine(['demo', 'edih', '--aws'])).toMatchObject({
      kind: 'usage-error',
      message: expect.stringMatching(/local stack only/),
    });
    expect(parseCommandLine(['edih', 'report', '--help'])).toMatchObject({
      kind: 'help',
      text: expect.stringMatching(/customers\.csv, services\.csv, dma\.csv/),
    });
  });

  it("recognises the stage's main table among the account's tables", () => {
    const names = [
      'PercorsoPmi-Data-dev-PercorsoPmiB7E76840-1A2B3C4D5E6F',
      'PercorsoPmi-Data-dev-PercorsoPmiIdempotency5569C399-9Z8Y7X6W',
      'PercorsoPmi-Data-prod-PercorsoPmiB7E76840-QWERTY123',
      'SomethingElse',
    ];
    expect(matchDeployedTableNames('dev', names)).toEqual([names[0]]);
    expect(matchDeployedTableNames('prod', names)).toEqual([names[2]]);
    expect(matchDeployedTableNames('test', names)).toEqual([]);
  });
});
