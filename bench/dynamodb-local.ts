// What each kind of DynamoDB request costs DynamoDB Local in CPU (the JVM's /proc figures): the
// floor under the local runtime's CPU per journey, whatever the handlers do.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/data/client.ts';
import { findDynamoDbLocalPid, processCpuSeconds } from './meters.ts';

export interface OperationCost {
  readonly operation: string;
  /** CPU of the DynamoDB Local JVM per request, ms. */
  readonly dynamoDbLocalMs: number;
  /** CPU of this process (the SDK) per request, ms. */
  readonly nodeMs: number;
}

/** Times `requests` requests of each kind, ten at a time, on items of their own (MICRO#…). */
export async function runDynamoDbLocalCosts(options: {
  readonly tableName: string;
  readonly dynamoDbPort: number;
  readonly requests: number;
}): Promise<OperationCost[]> {
  const pid = findDynamoDbLocalPid(options.dynamoDbPort);
  if (pid === undefined) throw new Error('DynamoDB Local not found in /proc');
  const table = options.tableName;
  const item = (i: number, kind: string) => ({
    pk: `MICRO#${kind}#${i}`,
    sk: 'ITEM',
    gsi1pk: `MICRO#${kind}`,
    gsi1sk: String(i).padStart(6, '0'),
    data: 'x'.repeat(800),
  });
  const costs: OperationCost[] = [];
  const measure = async (operation: string, request: (i: number) => Promise<unknown>) => {
    const jvm = processCpuSeconds(pid) ?? Number.NaN;
    const node = process.cpuUsage();
    for (let i = 0; i < options.requests; i += 10)
      await Promise.all(Array.from({ length: 10 }, (_, j) => request(i + j)));
    const used = process.cpuUsage(node);
    costs.push({
      operation,
      dynamoDbLocalMs: (((processCpuSeconds(pid) ?? Number.NaN) - jvm) * 1000) / options.requests,
      nodeMs: (used.user + used.system) / 1000 / options.requests,
    });
  };
  const put = (i: number, kind: string) => ({ Put: { TableName: table, Item: item(i, kind) } });
  await measure('PutItem, 1 KB, in the index', (i) =>
    documentClient.send(new PutCommand({ TableName: table, Item: item(i, 'put') })),
  );
  await measure('GetItem, consistent', (i) =>
    documentClient.send(
      new GetCommand({ TableName: table, Key: { pk: `MICRO#put#${i}`, sk: 'ITEM' }, ConsistentRead: true }),
    ),
  );
  await measure('UpdateItem, conditional', (i) =>
    documentClient.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `MICRO#put#${i}`, sk: 'ITEM' },
        UpdateExpression: 'SET n = if_not_exists(n, :zero) + :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
      }),
    ),
  );
  await measure('Query, index, 10 items', (i) =>
    documentClient.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
        ExpressionAttributeValues: { ':pk': 'MICRO#put', ':from': String(i).padStart(6, '0') },
        Limit: 10,
      }),
    ),
  );
  await measure('TransactWriteItems, 2 puts', (i) =>
    documentClient.send(new TransactWriteCommand({ TransactItems: [put(i, 't2a'), put(i, 't2b')] })),
  );
  await measure('TransactWriteItems, 4 puts', (i) =>
    documentClient.send(
      new TransactWriteCommand({
        TransactItems: [put(i, 't4a'), put(i, 't4b'), put(i, 't4c'), put(i, 't4d')],
      }),
    ),
  );
  return costs;
}
