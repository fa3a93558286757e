// `npm run check:aws [-- --out DIR]`: AWS's own rules, offline. Synthesises the app the three ways a
// deploy may (no account; account 123456789012 in eu-south-1, as `cdk deploy` does with credentials;
// stage prod in eu-west-1 gone live: its own domain and the sender's domain verified for DKIM) with cdk-nag's AwsSolutions checks, lints every template with cfn-lint for
// its region, and validates every state machine definition (resolved as CloudFormation would) with
// asl-validator. Exit code 0 clean, 1 a check failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import aslValidator from 'asl-validator';
import { repositoryRoot } from '../constructs/app-function.ts';
import { CloudAssembly } from './cloud-assembly.ts';

/** The three syntheses: name, environment and context. */
export const synthVariants = [
  { name: 'no-account', env: { AWS_REGION: 'eu-south-1', CDK_DEFAULT_REGION: 'eu-south-1' }, context: {} },
  {
    name: 'account-eu-south-1',
    env: { CDK_DEFAULT_ACCOUNT: '123456789012', AWS_REGION: 'eu-south-1', CDK_DEFAULT_REGION: 'eu-south-1' },
    context: {},
  },
  {
    name: 'prod-eu-west-1',
    env: { CDK_DEFAULT_ACCOUNT: '123456789012', AWS_REGION: 'eu-west-1', CDK_DEFAULT_REGION: 'eu-west-1' },
    context: {
      'percorso-pmi:stage': 'prod',
      'percorso-pmi:region': 'eu-west-1',
      'percorso-pmi:domainName': 'bandi.example.org',
      'percorso-pmi:senderEmail': 'bandi@example.org',
    },
  },
] as const;

export interface CheckResult {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Synthesises one variant into `directory`; cdk-nag errors fail the synthesis. */
export function synthVariant(variant: (typeof synthVariants)[number], directory: string): CheckResult {
  const env: Record<string, string | undefined> = { ...process.env, ...variant.env };
  if (!('CDK_DEFAULT_ACCOUNT' in variant.env)) delete env.CDK_DEFAULT_ACCOUNT;
  const context = Object.entries(variant.context).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet', '-o', directory, ...context], {
    cwd: repositoryRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const errors = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => /ERROR|Error:|Acknowledge with/.test(line))
    .slice(0, 20)
    .join('\n');
  return {
    check: `cdk synth (${variant.name})`,
    ok: result.status === 0,
    detail: result.status === 0 ? directory : errors || result.stderr.slice(-2000),
  };
}

/** cfn-lint over every template of an assembly, for the assembly's region. */
export function lintTemplates(directory: string, region: string): CheckResult {
  const templates = readdirSync(directory)
    .filter((file) => file.endsWith('.template.json'))
    .map((file) => join(directory, file));
  const result = spawnSync(
    'cfn-lint',
    ['--config-file', join(repositoryRoot, '.cfnlintrc.yaml'), '--regions', region, '--', ...templates],
    { encoding: 'utf8' },
  );
  if (result.error)
    return { check: 'cfn-lint', ok: false, detail: `cfn-lint could not run: ${result.error.message}` };
  // cfn-lint exits 0 when clean; 2 errors, 4 warnings, 8 informational (bit flags).
  const errors = (result.status ?? 1) & 2;
  return {
    check: `cfn-lint (${templates.length} templates, ${region})`,
    ok: result.status === 0,
    detail:
      result.status === 0
        ? 'no findings'
        : `${errors ? 'errors' : 'warnings'}:\n${result.stdout.slice(0, 4000)}`,
  };
}

/** asl-validator over every state machine definition of an assembly. */
export function validateStateMachines(directory: string): CheckResult[] {
  const assembly = new CloudAssembly(directory);
  return assembly
    .resourcesOfType('AWS::StepFunctions::StateMachine')
    .map(({ stack, logicalId, resource }) => {
      const definition = JSON.parse(String(assembly.resolve(stack, resource.Properties?.DefinitionString)));
      const { isValid, errorsText } = aslValidator(definition);
      return {
        check: `asl-validator ${logicalId}`,
        ok: isValid,
        detail: isValid
          ? `${Object.keys(definition.States ?? {}).length} top-level states`
          : errorsText('\n'),
      };
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out =
    outIndex >= 0 && args[outIndex + 1]
      ? resolve(String(args[outIndex + 1]))
      : mkdtempSync(join(tmpdir(), 'percorso-synth-'));
  const results: CheckResult[] = [];
  for (const variant of synthVariants) {
    const directory = join(out, variant.name);
    mkdirSync(directory, { recursive: true });
    console.log(`▶ cdk synth (${variant.name}) → ${directory}`);
    const synth = synthVariant(variant, directory);
    results.push(synth);
    console.log(`  ${synth.ok ? '✓' : '✗'} ${synth.check}${synth.ok ? '' : `\n${synth.detail}`}`);
    if (!synth.ok) continue;
    for (const result of [
      lintTemplates(directory, variant.env.AWS_REGION),
      ...validateStateMachines(directory),
    ]) {
      results.push(result);
      console.log(
        `  ${result.ok ? '✓' : '✗'} ${result.check}: ${result.ok ? result.detail : `\n${result.detail}`}`,
      );
    }
  }
  const failed = results.filter((r) => !r.ok);
  console.log(
    `\n${results.length - failed.length}/${results.length} checks passed${failed.length ? `; failed: ${failed.map((f) => f.check).join(', ')}` : ''}`,
  );
  process.exit(failed.length ? 1 : 0);
}
