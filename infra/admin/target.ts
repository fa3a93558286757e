// Which DynamoDB table the admin commands act on: the local stack's (`npm start`) by default, or
// the deployed one with an explicit --aws. The data modules create their client when first
// imported and read the endpoint from the environment, so the target is applied to process.env
// before any of them is imported.
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mainTable } from '#shared/data/table-design.ts';

/** The local stack's DynamoDB endpoint when `npm start` got its preferred port. */
export const defaultLocalEndpoint = 'http://127.0.0.1:8000';
/** The local stack's site (and console) when `npm start` got its preferred port. */
export const defaultLocalSite = 'http://127.0.0.1:3000';
/** The region the CDK app deploys to unless told otherwise (Milan). */
export const defaultAwsRegion = 'eu-south-1';

export type Target =
  | {
      readonly kind: 'local';
      readonly endpoint: string;
      readonly tableName: string;
      readonly region: string;
    }
  | {
      readonly kind: 'aws';
      readonly stage: string;
      readonly region: string;
      /** Absent: found from the stage (see {@link findDeployedTableName}). */
      readonly tableName?: string;
    };

export interface TargetOptions {
  readonly local?: boolean;
  readonly aws?: boolean;
  readonly stage?: string;
  readonly table?: string;
  readonly region?: string;
  readonly endpoint?: string;
}

export class TargetError extends Error {
  override name = 'TargetError';
}

/**
 * The target the options ask for. Local unless --aws is given: the deployed stack is never
 * chosen just because AWS credentials happen to be configured.
 * @param env - the environment, for the AWS region (AWS_REGION, AWS_DEFAULT_REGION)
 */
export function resolveTarget(options: TargetOptions, env: NodeJS.ProcessEnv = process.env): Target {
  if (options.local && options.aws) throw new TargetError('choose one of --local and --aws');
  if (options.aws) {
    if (options.endpoint) throw new TargetError('--endpoint is for --local only');
    const stage = options.stage ?? 'dev';
    if (!/^[A-Za-z0-9-]+$/.test(stage)) throw new TargetError(`--stage must be a stage name, got "${stage}"`);
    return {
      kind: 'aws',
      stage,
      region: options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? defaultAwsRegion,
      ...(options.table ? { tableName: options.table } : {}),
    };
  }
  if (options.stage) throw new TargetError('--stage is for --aws only');
  const endpoint = options.endpoint ?? defaultLocalEndpoint;
  if (!URL.canParse(endpoint)) throw new TargetError(`--endpoint must be a URL, got "${endpoint}"`);
  return {
    kind: 'local',
    endpoint,
    tableName: options.table ?? mainTable.logicalName,
    region: options.region ?? defaultAwsRegion,
  };
}

/**
 * Points the AWS SDK at the target through the environment: DynamoDB Local with dummy
 * credentials, or AWS with the caller's own credentials and no endpoint override.
 */
export function applyTarget(target: Target, env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_REGION = target.region;
  if (target.kind === 'local') {
    env.AWS_ENDPOINT_URL_DYNAMODB = target.endpoint;
    env.AWS_ACCESS_KEY_ID = 'local';
    env.AWS_SECRET_ACCESS_KEY = 'local';
    delete env.AWS_SESSION_TOKEN;
    delete env.AWS_PROFILE;
  } else {
    delete env.AWS_ENDPOINT_URL_DYNAMODB;
    delete env.AWS_ENDPOINT_URL;
  }
}

/** The data stack of a stage, as the CDK app names it (infra/app.ts). */
export const dataStackName = (stage: string) => `PercorsoPmi-Data-${stage}`;

/**
 * Among table names, the main table of a stage's data stack. The data stack has no output with
 * the name, so it is recognised by the name CloudFormation gives it: the stack name, the table's
 * logical ID (`PercorsoPmi` and an 8-character hash; the idempotency table's is longer), a
 * random suffix.
 * @returns the one match, or every match when there is not exactly one
 */
export function matchDeployedTableNames(stage: string, tableNames: readonly string[]): string[] {
  const pattern = new RegExp(`^${dataStackName(stage)}-${mainTable.logicalName}[0-9A-F]{8}-[A-Za-z0-9]+$`);
  return tableNames.filter((name) => pattern.test(name));
}

/** A one-line description of the target, printed before a command runs. */
export function describeTarget(target: Target): string {
  return target.kind === 'local'
    ? `local stack (DynamoDB at ${target.endpoint}, table ${target.tableName})`
    : `AWS ${target.region}, stage ${target.stage}${target.tableName ? `, table ${target.tableName}` : ''}`;
}

const errorCode = (error: unknown): string | undefined => {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && code.startsWith('E')) return code;
    if (name === 'AggregateError') {
      const inner = (current as AggregateError).errors?.[0];
      if (inner) {
        current = inner;
        continue;
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * Checks that the target answers and has the table, with a message saying what to do when not.
 * For AWS without --table, finds the stage's table first.
 * @returns the target with its table name
 * @throws TargetError
 */
export async function connectTarget(target: Target): Promise<Target & { tableName: string }> {
  const client = new DynamoDBClient({
    region: target.region,
    maxAttempts: 1,
    ...(target.kind === 'local' ? { endpoint: target.endpoint } : {}),
  });
  try {
    let tableName = target.tableName;
    if (!tableName) {
      const names: string[] = [];
      let start: string | undefined;
      do {
        const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
        names.push(...(page.TableNames ?? []));
        start = page.LastEvaluatedTableName;
      } while (start);
      const found = matchDeployedTableNames(target.kind === 'aws' ? target.stage : '', names);
      if (found.length !== 1) {
        const stack = dataStackName(target.kind === 'aws' ? target.stage : '');
        throw new TargetError(
          `${found.length === 0 ? 'found no' : `found ${found.length}`} main table of ${stack} in ${target.region}; ` +
            'pass its name with --table NAME (see README, Administration)',
        );
      }
      tableName = found[0] as string;
    }
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return { ...target, tableName };
  } catch (error) {
    if (error instanceof TargetError) throw error;
    const name = (error as { name?: string }).name;
    if (target.kind === 'local' && errorCode(error) === 'ECONNREFUSED') {
      throw new TargetError(
        `the local stack is not running (nothing answers at ${target.endpoint}): start it with npm start ` +
          '(in another terminal), or pass --endpoint URL if it printed another DynamoDB endpoint',
      );
    }
    if (name === 'ResourceNotFoundException') {
      throw new TargetError(
        target.kind === 'local'
          ? `DynamoDB at ${target.endpoint} has no table ${target.tableName}: is it the Percorso PMI local stack (npm start)?`
          : `no table ${target.tableName} in ${target.region}: check --table and --region`,
      );
    }
    if (target.kind === 'aws' && (name === 'CredentialsProviderError' || /credential/i.test(String(error)))) {
      throw new TargetError(
        'no AWS credentials: configure them (aws configure, AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)',
      );
    }
    throw new TargetError(
      `${describeTarget(target)} did not answer: ${(error as Error).message ?? String(error)}`,
    );
  } finally {
    client.destroy();
  }
}
