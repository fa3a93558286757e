// Runs `npm start`'s entry (infra/local/start.ts) as a child process in a process group of its own,
// on a data folder and site port of the test's choosing, so a test can kill the whole stack (Node
// and the DynamoDB Local JVM) with SIGKILL and start it again on the same data.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { mainTable } from '#shared/data/table-design.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildStack {
  readonly site: string;
  readonly stepFunctions: string;
  readonly dynamoDb: string;
  readonly output: () => string;
  /** SIGKILL to the child's process group; resolves once the child is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop); resolves once the child is gone. */
  stop(): Promise<void>;
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the local stack in a child process and resolves with its URLs once it is ready. */
export async function startChildStack(options: {
  dataDir: string;
  port: number;
  timeScale?: number;
  readyTimeoutMs?: number;
}): Promise<ChildStack> {
  const args = ['--import', 'tsx', 'infra/local/start.ts', '--port', String(options.port)];
  args.push('--data-dir', options.dataDir, '--time-scale', String(options.timeScale ?? 1));
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`child stack not ready:\n${output}`)),
      options.readyTimeoutMs ?? 120_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`child stack exited:\n${output}`));
    });
  });
  await ready;
  const url = (label: string) => {
    const match = output.match(new RegExp(`${label}\\s+(http://\\S+)`));
    if (!match?.[1]) throw new Error(`no ${label} URL in:\n${output}`);
    return match[1].replace(/\/$/, '');
  };
  const signal = async (name: 'SIGKILL' | 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // already gone
    }
    await exited;
  };
  return {
    site: url('Public site \\(open programmes\\)'),
    stepFunctions: url('Step Functions endpoint'),
    dynamoDb: url('DynamoDB endpoint'),
    output: () => output,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** Stores managers and programmes in a child stack's table (test/support/seed-stack.ts). */
export async function seedChildStack(
  stack: ChildStack,
  items: { managers?: readonly unknown[]; programmes?: readonly unknown[] },
): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/seed-stack.ts'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_DYNAMODB: stack.dynamoDb,
      TABLE_NAME: mainTable.logicalName,
      AWS_REGION: 'eu-south-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  child.stdin?.end(JSON.stringify(items));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding the child stack failed (${code}):\n${errors}`);
}
