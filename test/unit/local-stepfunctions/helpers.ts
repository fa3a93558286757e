// Shared set-up for the local Step Functions tests: an engine, its HTTP endpoint and an SDK client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import { LocalStepFunctions } from '#infra/local/stepfunctions/engine.ts';
import { startStepFunctionsServer } from '#infra/local/stepfunctions/server.ts';
import type { LocalStepFunctionsOptions } from '#infra/local/stepfunctions/types.ts';

export const region = 'eu-south-1';
export const accountId = '000000000000';
export const fnArn = (name: string) => `arn:aws:lambda:${region}:${accountId}:function:percorso-pmi-${name}`;

export interface Harness {
  engine: LocalStepFunctions;
  client: SFNClient;
  url: string;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<LocalStepFunctionsOptions> = {}): Promise<Harness> {
  const engine = new LocalStepFunctions({ region, accountId, ...options });
  const server = await startStepFunctionsServer(engine, { port: 0 });
  const client = new SFNClient({
    endpoint: server.url,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    engine,
    client,
    url: server.url,
    async close() {
      client.destroy();
      await server.close();
      await engine.close();
    },
  };
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'local-sfn-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Resolves once the predicate holds (polling), for values set by handlers. */
export async function eventually<T>(read: () => T | undefined, timeoutMs = 3_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A handler error whose name is its class, as the application's errors do. */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
