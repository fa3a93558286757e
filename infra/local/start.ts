// `npm start`: runs the whole product locally and prints the URLs; Ctrl-C stops it cleanly.
// Options: --fresh (empty store), --port N (site and console, default 3000; 0 = a free port),
// --time-scale X (or LOCAL_TIME_SCALE; 0.001 makes a 72-hour timeout last about 4 minutes),
// --data-dir DIR (default .local/).
// Under a time scale the whole process runs on one accelerated clock (./clock.ts), installed before
// the stack and its handlers load: that is why the stack is imported dynamically below.
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installScaledClock } from './clock.ts';
import { holdDataFolder, otherStackUsing } from './data-lock.ts';
import { isPortTaken } from './ports.ts';

const defaultDataDir = fileURLToPath(new URL('../../.local/', import.meta.url));

const usage = `Usage: npm start -- [--fresh] [--port 3000] [--time-scale 1] [--data-dir .local]
  --fresh          start from an empty store (deletes the data folder)
  --port N         port of the public site and local console (default 3000; 0 = a free port)
  --time-scale X   multiply every wait and timeout by X (default 1, or LOCAL_TIME_SCALE)
  --data-dir DIR   where data is kept (default .local/)`;

async function main() {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (args.values.help) {
    console.log(usage);
    return;
  }
  const port = Number(args.values.port);
  const timeScale = Number(args.values['time-scale'] ?? process.env.LOCAL_TIME_SCALE ?? 1);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a port number, got "${args.values.port}"`);
  if (!(timeScale > 0)) fail(`--time-scale must be a positive number, got "${args.values['time-scale']}"`);
  if (port !== 0 && (await isPortTaken(port)))
    fail(`Port ${port} is in use (another npm start?). Choose another with --port.`);
  const dataDir = args.values['data-dir'] ? resolve(args.values['data-dir']) : defaultDataDir;

  const other = otherStackUsing(dataDir);
  if (other !== undefined)
    fail(
      `Another npm start (process ${other}) is using ${dataDir}: stop it first, or give this one its own folder with --data-dir.`,
    );

  const started = performance.now();
  console.log(`Percorso PMI — local mode${args.values.fresh ? ' (fresh store)' : ''}`);
  if (args.values.fresh) {
    const { rmSync } = await import('node:fs');
    rmSync(dataDir, { recursive: true, force: true });
  }
  const releaseDataFolder = holdDataFolder(dataDir);
  const sharedClock = installScaledClock({ scale: timeScale, anchorFile: join(dataDir, 'clock.json') });
  const { startLocalStack } = await import('./stack.ts');
  const stack = await startLocalStack({
    dataDir,
    sharedClock,
    port,
    // Well-known ports when free, so AWS CLI commands stay the same between runs.
    dynamoDbPort: await preferredPort(8000),
    stepFunctionsPort: await preferredPort(8083),
    sesPort: await preferredPort(8084),
    sqsPort: await preferredPort(8085),
    timeScale,
    log: (line) => console.log(`  ${line}`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
Ready in ${seconds} s. Data in ${dataDir} (npm start -- --fresh to empty it).

  Public site (open programmes)   ${stack.urls.site}/
  Local console (executions)      ${stack.urls.console}
  E-mail outbox                   ${stack.urls.outbox}
  Programme office (dashboards)   ${stack.urls.site}/admin/programmes   (signed in as the local administrator)
  Manager registration            ${stack.urls.site}/managers/register
  DynamoDB endpoint               ${stack.urls.dynamoDb}
  Step Functions endpoint         ${stack.urls.stepFunctions}
  SES v2 endpoint                 ${stack.urls.ses}
  SQS endpoint (journey starts)   ${stack.urls.sqs}

  aws stepfunctions list-executions --endpoint-url ${stack.urls.stepFunctions} \\
    --state-machine-arn ${stack.stateMachineArns['sme-journey']}
${timeScale !== 1 ? `\n  Time runs ${(1 / timeScale).toLocaleString('en', { maximumSignificantDigits: 6 })}× faster (--time-scale ${timeScale}).\n` : ''}
Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await stack.stop();
    releaseDataFolder();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function parse() {
  return parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      port: { type: 'string', default: '3000' },
      'time-scale': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
}

/** The port if free, else 0 (any free port). */
async function preferredPort(port: number): Promise<number> {
  return (await isPortTaken(port)) ? 0 : port;
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
