// The rehearsal's Lambda service: every AWS::Lambda::Function of the assembly with its bundled
// asset, handler, runtime settings and environment from the template, each in an execution
// environment of its own (a worker thread) whose AWS credentials identify its execution role to
// the authorising endpoint. Nothing is read from the sources.
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { repositoryRoot } from '../constructs/app-function.ts';
import type { Caller } from './aws-gateway.ts';
import type { CloudAssembly, StackTemplate } from './cloud-assembly.ts';
import type { IamRoles, RoleIdentity } from './iam.ts';
import type { InvokeMessage, WorkerReply } from './lambda-worker.ts';

export interface LambdaDefinition {
  readonly logicalId: string;
  readonly stack: StackTemplate;
  readonly name: string;
  readonly arn: string;
  readonly handler: string;
  readonly runtime: string;
  readonly architectures: readonly string[];
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  readonly environment: Record<string, string>;
  readonly role: RoleIdentity;
  readonly assetDirectory: string;
  /** The access key its environment signs with (identifies the role to the endpoint). */
  readonly accessKeyId: string;
}

/** A function's failure as Lambda reports it: the error's name is its errorType. */
export class LambdaError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export interface LambdaHostOptions {
  readonly assembly: CloudAssembly;
  readonly iam: IamRoles;
  /** Where task roots are laid out (one folder per function). */
  readonly workDirectory: string;
  /** The authorising AWS endpoint every SDK call goes to. */
  readonly awsEndpoint: string;
  readonly cognitoUrl: string;
  /** Receives every line a function logs (stdout and stderr). */
  readonly log: (functionLabel: string, line: string) => void;
}

const supportedRuntime = 'nodejs24.x';

export class LambdaHost {
  readonly functions: LambdaDefinition[];
  readonly invocations = new Map<string, number>();
  readonly initErrors = new Map<string, string>();
  private readonly workers = new Map<string, Promise<Worker>>();
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private sequence = 0;

  private readonly options: LambdaHostOptions;

  constructor(options: LambdaHostOptions) {
    this.options = options;
    const { assembly, iam } = options;
    this.functions = assembly
      .resourcesOfType('AWS::Lambda::Function')
      .map(({ stack, logicalId, resource }, index) => {
        const props = resource.Properties ?? {};
        const environment = (assembly.resolve(
          stack,
          (props.Environment as { Variables?: never } | undefined)?.Variables,
        ) ?? {}) as Record<string, string>;
        return {
          logicalId,
          stack,
          name: assembly.ref(stack, logicalId),
          arn: assembly.attribute(stack, logicalId, 'Arn'),
          handler: String(props.Handler ?? 'index.handler'),
          runtime: String(props.Runtime ?? ''),
          architectures: (props.Architectures as string[] | undefined) ?? ['x86_64'],
          memorySizeMb: Number(props.MemorySize ?? 128),
          timeoutSeconds: Number(props.Timeout ?? 3),
          environment: Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)])),
          role: iam.roleOf(stack, props.Role),
          assetDirectory: assembly.assetDirectory(resource),
          accessKeyId: `ASIAREHEARSAL${String(index).padStart(4, '0')}`,
        };
      });
  }

  /** The callers the authorising endpoint knows, by access key. */
  callers(): Map<string, Caller> {
    return new Map(
      this.functions.map((fn) => [fn.accessKeyId, { label: fn.logicalId, role: fn.role, session: fn.name }]),
    );
  }

  byArn(arn: string): LambdaDefinition | undefined {
    const name = arn.replace(/:(\$LATEST|\d+)$/, '');
    return this.functions.find((fn) => fn.arn === name || fn.name === name);
  }

  /** Invokes a function as Lambda would; a function error rejects with its errorType as name. */
  async invoke(fn: LambdaDefinition, event: unknown): Promise<unknown> {
    this.invocations.set(fn.logicalId, (this.invocations.get(fn.logicalId) ?? 0) + 1);
    const worker = await this.environment(fn);
    const id = ++this.sequence;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new LambdaError('Sandbox.Timedout', `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`),
        );
      }, fn.timeoutSeconds * 1000);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      worker.postMessage({ id, event: structuredClone(event) } satisfies InvokeMessage);
    });
  }

  /** Starts every function's execution environment; failures are kept in initErrors. */
  async startAll(): Promise<void> {
    await Promise.allSettled(this.functions.map((fn) => this.environment(fn)));
  }

  async close(): Promise<void> {
    const workers = await Promise.allSettled([...this.workers.values()]);
    await Promise.all(workers.map((w) => (w.status === 'fulfilled' ? w.value.terminate() : undefined)));
  }

  /** The function's execution environment, created on first use (a cold start). */
  private environment(fn: LambdaDefinition): Promise<Worker> {
    const existing = this.workers.get(fn.logicalId);
    if (existing) return existing;
    const created = this.start(fn);
    this.workers.set(fn.logicalId, created);
    created.catch(() => this.workers.delete(fn.logicalId));
    return created;
  }

  private start(fn: LambdaDefinition): Promise<Worker> {
    if (fn.runtime !== supportedRuntime)
      return Promise.reject(
        new LambdaError(
          'Runtime.InvalidRuntime',
          `${fn.logicalId}: runtime ${fn.runtime}, the rehearsal runs ${supportedRuntime}`,
        ),
      );
    const { assembly, workDirectory, awsEndpoint } = this.options;
    // Lambda unzips the asset into /var/task; the runtime provides the AWS SDK v3 beside it.
    const taskRoot = join(workDirectory, 'var-task', fn.logicalId);
    mkdirSync(taskRoot, { recursive: true });
    cpSync(fn.assetDirectory, taskRoot, { recursive: true });
    const runtimeModules = join(workDirectory, 'var-task', 'node_modules');
    mkdirSync(runtimeModules, { recursive: true });
    try {
      symlinkSync(join(repositoryRoot, 'node_modules', '@aws-sdk'), join(runtimeModules, '@aws-sdk'), 'dir');
    } catch {
      // Already linked by another function.
    }
    const env: Record<string, string> = {
      ...fn.environment,
      // What the Lambda runtime itself sets.
      AWS_REGION: assembly.region,
      AWS_DEFAULT_REGION: assembly.region,
      AWS_LAMBDA_FUNCTION_NAME: fn.name,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySizeMb),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
      AWS_LAMBDA_LOG_STREAM_NAME: 'rehearsal',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
      AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
      AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
      LAMBDA_TASK_ROOT: taskRoot,
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      _HANDLER: fn.handler,
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // Credentials of its execution role: the authorising endpoint knows the role by this key.
      AWS_ACCESS_KEY_ID: fn.accessKeyId,
      AWS_SECRET_ACCESS_KEY: 'rehearsal',
      AWS_SESSION_TOKEN: `rehearsal-${fn.logicalId}`,
      // Every AWS service the SDK may call goes through the authorising endpoint.
      AWS_ENDPOINT_URL: awsEndpoint,
    };
    const worker = new Worker(new URL('./lambda-worker.ts', import.meta.url), {
      env,
      execArgv: [
        '--import',
        'tsx',
        ...(fn.environment.NODE_OPTIONS?.includes('--enable-source-maps') ? ['--enable-source-maps'] : []),
      ],
      stdout: true,
      stderr: true,
      workerData: {
        taskRoot,
        handler: fn.handler,
        functionName: fn.name,
        memorySizeMb: fn.memorySizeMb,
        timeoutSeconds: fn.timeoutSeconds,
        region: assembly.region,
        account: assembly.account,
        cognitoUrl: this.options.cognitoUrl,
      },
      resourceLimits: { maxOldGenerationSizeMb: Math.max(64, fn.memorySizeMb) },
    });
    for (const stream of [worker.stdout, worker.stderr]) {
      let buffered = '';
      stream.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) this.options.log(fn.logicalId, line);
      });
    }
    return new Promise((resolve, reject) => {
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') resolve(worker);
        else if (reply.type === 'init-error') {
          this.initErrors.set(fn.logicalId, `${reply.name}: ${reply.message}`);
          void worker.terminate();
          reject(
            new LambdaError(
              'Runtime.InitError',
              `${fn.logicalId} failed at init: ${reply.name}: ${reply.message}`,
            ),
          );
        } else {
          const waiting = this.pending.get(reply.id);
          if (!waiting) return;
          this.pending.delete(reply.id);
          if (reply.type === 'result') waiting.resolve(reply.value);
          else waiting.reject(new LambdaError(reply.name, reply.message));
        }
      });
      worker.on('error', (error) => {
        this.initErrors.set(fn.logicalId, error.message);
        reject(new LambdaError('Runtime.ExitError', `${fn.logicalId}: ${error.message}`));
      });
    });
  }
}
