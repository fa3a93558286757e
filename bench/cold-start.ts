// Cold-start proxies: each catalogue function bundled by esbuild with the options CDK's
// NodejsFunction gets from infra/constructs/app-function.ts (ESM, node24, minified, source map
// without sources, @aws-sdk/* external, the createRequire banner) plus a metafile; then the time
// to import the bundle in a fresh Node process (median of several), as Lambda's init phase does,
// with NODE_OPTIONS=--enable-source-maps as deployed and dummy values for the environment.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repositoryRoot } from '#infra/constructs/app-function.ts';
import { type FunctionName, functionCatalog } from '#infra/functions.ts';
import { percentile } from './meters.ts';

export interface BundleFigures {
  readonly functions: FunctionName[];
  readonly entry: string;
  /** index.mjs, bytes (what Lambda loads). */
  readonly bundleBytes: number;
  /** index.mjs.map, bytes (shipped beside it). */
  readonly sourceMapBytes: number;
  /** The biggest contributors to the bundle, by package. */
  readonly topInputs: { name: string; bytes: number }[];
  /** Import of the bundle in a fresh process, ms: each run, and their median. */
  readonly initRunsMs: number[];
  readonly initMedianMs: number;
  /** The fastest import: what the code costs when nothing else competes for the CPU. */
  readonly initMinMs: number;
  /** Resident memory after the import, MB (median). */
  readonly rssMb: number;
  /** Variables the bench had to guess for this bundle (not in its defaults nor the stack's). */
  readonly guessedEnvironment: string[];
  /** The same entry at the baseline revision, imported turn about with this one. */
  readonly baseline?: {
    readonly bundleBytes: number;
    readonly initRunsMs: number[];
    readonly initMedianMs: number;
  };
}

/** The banner CDK puts on the bundles, read from the construct so the bench cannot drift from it. */
function cdkBanner(): string {
  const source = readFileSync(join(repositoryRoot, 'infra/constructs/app-function.ts'), 'utf8');
  const match = /banner:\s*\n?\s*"([^"]+)"/.exec(source);
  if (!match?.[1])
    throw new Error('could not read the bundling banner from infra/constructs/app-function.ts');
  return match[1];
}

/** Dummy configuration: handlers check their environment at module load (shared/config/env.ts). */
const lambdaEnvironment = {
  AWS_REGION: 'eu-south-1',
  AWS_DEFAULT_REGION: 'eu-south-1',
  AWS_ACCESS_KEY_ID: 'AKIDBENCH',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: 'percorso-pmi-bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  NODE_OPTIONS: '--enable-source-maps',
  POWERTOOLS_SERVICE_NAME: 'percorso-pmi',
  POWERTOOLS_METRICS_NAMESPACE: 'PercorsoPmi',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  TABLE_NAME: 'PercorsoPmi',
  IDEMPOTENCY_TABLE_NAME: 'PercorsoPmiIdempotency',
  JOURNEY_STATE_MACHINE_ARN:
    'arn:aws:states:eu-south-1:000000000000:stateMachine:percorso-pmi-dev-sme-journey',
  MONITORING_STATE_MACHINE_ARN:
    'arn:aws:states:eu-south-1:000000000000:stateMachine:percorso-pmi-dev-project-monitoring',
  SENDER_EMAIL: 'no-reply@example.org',
  SES_CONFIGURATION_SET: 'percorso-pmi',
  PUBLIC_BASE_URL: 'https://pmi.example.org',
};

/** State machine ARNs the local stack put in this process's environment, should a new one appear. */
const stateMachineArns = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => name.endsWith('_STATE_MACHINE_ARN')));

const importScript = `
const start = performance.now();
await import(process.env.BENCH_BUNDLE_URL);
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, rss: process.memoryUsage().rss }));
`;

function importOnce(
  bundleUrl: string,
  environment: Record<string, string>,
): Promise<{ ms: number; rss: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', importScript], {
      env: { PATH: process.env.PATH ?? '', ...environment, BENCH_BUNDLE_URL: bundleUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as { ms: number; rss: number });
      else reject(new ImportFailed(bundleUrl, code, err));
    });
  });
}

class ImportFailed extends Error {
  readonly stderr: string;
  constructor(bundleUrl: string, code: number | null, stderr: string) {
    super(`import of ${bundleUrl} failed (exit ${code}): ${stderr.slice(-1500)}`);
    this.stderr = stderr;
  }
}

/** Variables a handler's configuration check (shared/config/env.ts) reported missing, if that is why it failed. */
function missingVariables(error: unknown): string[] {
  const message = error instanceof ImportFailed ? error.stderr : '';
  // Every line that says so (Node also prints the source line of the throw, which says it too).
  const lists = [...message.matchAll(/Invalid or missing environment variables: ([^\n]+)/g)].map(
    (m) => m[1] ?? '',
  );
  return lists
    .flatMap((list) => [...list.matchAll(/([A-Z][A-Z0-9_]+) \(/g)].map((m) => m[1] ?? ''))
    .filter(Boolean);
}

/** A dummy value of the shape the variable's name suggests. */
function dummyFor(name: string): string {
  if (name.endsWith('_ARN'))
    return `arn:aws:states:eu-south-1:000000000000:stateMachine:${name.toLowerCase()}`;
  if (name.includes('EMAIL')) return 'bench@example.org';
  if (name.endsWith('_URL')) return 'https://pmi.example.org';
  return 'bench';
}

const packageOf = (input: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return (
    match?.[1] ?? (input.split('/')[0] === 'shared' ? 'shared/ (our code)' : (input.split('/')[0] ?? input))
  );
};

/**
 * Bundles every distinct entry of the catalogue and measures its import.
 * @param options.runs - imports per bundle (the median is reported)
 */
export async function runColdStartBench(options: {
  readonly runs: number;
  /** More configuration for the handlers (e.g. what the local stack sets); the defaults above win. */
  readonly environment?: Record<string, string>;
  /** A checkout of another revision (its node_modules resolving to ours): each entry measured beside it. */
  readonly baselineRoot?: string;
  readonly log: (line: string) => void;
}): Promise<BundleFigures[]> {
  const environment: Record<string, string> = {
    ...options.environment,
    ...stateMachineArns(),
    ...lambdaEnvironment,
  };

  // Inside the repository, so that the external @aws-sdk/* resolve from its node_modules as the
  // Lambda runtime's own SDK would.
  const outRoot = join(repositoryRoot, 'node_modules/.cache/percorso-pmi-bench/bundles');
  rmSync(outRoot, { recursive: true, force: true });
  const byEntry = new Map<string, FunctionName[]>();
  for (const [name, spec] of Object.entries(functionCatalog) as [FunctionName, { entry: string }][]) {
    byEntry.set(spec.entry, [...(byEntry.get(spec.entry) ?? []), name]);
  }
  const banner = cdkBanner();
  const figures: BundleFigures[] = [];
  const bundle = (root: string, entry: string, outfile: string) =>
    build({
      entryPoints: [join(root, entry)],
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'esm',
      outfile,
      minify: true,
      sourcemap: true,
      sourcesContent: false,
      mainFields: ['module', 'main'],
      tsconfig: join(root, 'tsconfig.json'),
      external: ['@aws-sdk/*'],
      banner: { js: banner },
      metafile: true,
      logLevel: 'warning',
    });
  for (const [entry, functions] of byEntry) {
    const outdir = join(outRoot, entry.replace(/[/.]/g, '_'));
    mkdirSync(outdir, { recursive: true });
    const outfile = join(outdir, 'index.mjs');
    const result = await bundle(repositoryRoot, entry, outfile);
    const baselineFile = join(outdir, 'baseline.mjs');
    const hasBaseline =
      options.baselineRoot !== undefined &&
      existsSync(join(options.baselineRoot, entry)) &&
      (await bundle(options.baselineRoot, entry, baselineFile).then(
        () => true,
        (error: unknown) => {
          options.log(`cold start: ${entry} at the baseline revision did not build: ${String(error)}`);
          return false;
        },
      ));
    const baselineRuns: number[] = [];
    const inputs = new Map<string, number>();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const name = packageOf(input);
        inputs.set(name, (inputs.get(name) ?? 0) + bytesInOutput);
      }
    }
    const topInputs = [...inputs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, bytes]) => ({ name, bytes }));
    const runs: { ms: number; rss: number }[] = [];
    const guessed: string[] = [];
    const url = pathToFileURL(outfile).href;
    while (runs.length < options.runs) {
      try {
        runs.push(await importOnce(url, environment));
        // Turn about, so that whatever else loads the machine weighs on both alike.
        if (hasBaseline)
          baselineRuns.push((await importOnce(pathToFileURL(baselineFile).href, environment)).ms);
      } catch (error) {
        // A variable nobody told the bench about: give it a dummy value, say so, measure again.
        const missing = missingVariables(error).filter((name) => !(name in environment));
        if (missing.length === 0) throw error;
        for (const name of missing) environment[name] = dummyFor(name);
        guessed.push(...missing);
        options.log(`cold start: ${entry} needs ${missing.join(', ')}: set to dummy values`);
      }
    }
    const initRunsMs = runs.map((r) => r.ms);
    const figure: BundleFigures = {
      functions,
      entry,
      bundleBytes: statSync(outfile).size,
      sourceMapBytes: statSync(`${outfile}.map`).size,
      topInputs,
      initRunsMs,
      initMedianMs: percentile(initRunsMs, 0.5),
      initMinMs: Math.min(...initRunsMs),
      guessedEnvironment: [...guessed],
      rssMb: percentile(
        runs.map((r) => r.rss / 2 ** 20),
        0.5,
      ),
      ...(hasBaseline && baselineRuns.length > 0
        ? {
            baseline: {
              bundleBytes: statSync(baselineFile).size,
              initRunsMs: baselineRuns,
              initMedianMs: percentile(baselineRuns, 0.5),
            },
          }
        : {}),
    };
    options.log(
      `cold start: ${entry}: ${(figure.bundleBytes / 1024).toFixed(0)} KB, init median ${figure.initMedianMs.toFixed(0)} ms${figure.baseline ? ` (baseline ${(figure.baseline.bundleBytes / 1024).toFixed(0)} KB, ${figure.baseline.initMedianMs.toFixed(0)} ms)` : ''}`,
    );
    figures.push(figure);
  }
  return figures;
}
