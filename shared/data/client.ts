// The DynamoDB document client, created once per process. The endpoint comes from the SDK's own
// configuration (AWS_ENDPOINT_URL_DYNAMODB locally), so nothing here knows about local mode.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  DynamoDBDocumentClient,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './conditions.ts';
import { mainTable } from './table-design.ts';

export const dynamoDbClient = new DynamoDBClient({});
export const documentClient = DynamoDBDocumentClient.from(dynamoDbClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

type Item = Record<string, unknown>;

/** Every item of a paged read (query or scan): asks for the next page until there is none. */
async function allPages(
  readPage: (start: Item | undefined) => Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await readPage(start);
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of one `gsi1` partition, page after page (the lists read through the index). */
export function queryGsi1(tableName: string, gsi1pk: string): Promise<Item[]> {
  return allPages((start) =>
    documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: mainTable.globalSecondaryIndexes[0].indexName,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi1pk },
        ExclusiveStartKey: start,
      }),
    ),
  );
}

/** Every item of one partition (those whose sort key starts with `skPrefix`, if given), in order. */
export function queryPartition(
  tableName: string,
  pk: string,
  skPrefix?: string,
  options: { readonly consistent?: boolean } = {},
): Promise<Item[]> {
  return allPages((start) =>
    documentClient.send(
      new QueryCommand({
        TableName: tableName,
        ...(options.consistent ? { ConsistentRead: true } : {}),
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
        ExclusiveStartKey: start,
      }),
    ),
  );
}

/**
 * Every item of the table a filter keeps, page after page: a full read, for an administrator's
 * request or the local runtime, never for a request path.
 */
export function scanItems(
  tableName: string,
  filter: {
    readonly expression: string;
    readonly names?: Record<string, string>;
    readonly values?: Record<string, unknown>;
    /** Only these attributes (e.g. 'pk, sk'). */
    readonly projection?: string;
  },
): Promise<Item[]> {
  return allPages((start) =>
    documentClient.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: filter.expression,
        ...(filter.names ? { ExpressionAttributeNames: filter.names } : {}),
        ...(filter.values && Object.keys(filter.values).length > 0
          ? { ExpressionAttributeValues: filter.values }
          : {}),
        ...(filter.projection ? { ProjectionExpression: filter.projection } : {}),
        ExclusiveStartKey: start,
      }),
    ),
  );
}

/** Deletes items by key, 25 at a time, retrying what DynamoDB leaves unprocessed. */
export async function deleteItems(tableName: string, itemKeys: readonly Readonly<Record<string, unknown>>[]) {
  for (let i = 0; i < itemKeys.length; i += 25) {
    let request: BatchWriteCommandInput['RequestItems'] = {
      [tableName]: itemKeys.slice(i, i + 25).map((key) => ({ DeleteRequest: { Key: key } })),
    };
    while (request && Object.keys(request).length > 0) {
      const written: BatchWriteCommandOutput = await documentClient.send(
        new BatchWriteCommand({ RequestItems: request }),
      );
      request = written.UnprocessedItems;
    }
  }
}

/**
 * Writes the items all or nothing, where their conditions hold.
 * @returns false when a condition failed (nothing was written); other errors are thrown
 */
export async function transactWhereConditionsHold(
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
): Promise<boolean> {
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
