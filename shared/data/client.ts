// The DynamoDB document client, created once per process. The endpoint comes from the SDK's own
// configuration (AWS_ENDPOINT_URL_DYNAMODB locally), so nothing here knows about local mode.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
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

/** A short random pause before asking again for what DynamoDB left unprocessed or cancelled. */
export const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 5)));

type ItemKey = Readonly<{ pk: string; sk: string }>;
const keyText = (key: Readonly<Record<string, unknown>>) => `${String(key.pk)}\u0000${String(key.sk)}`;

/**
 * The items at these keys, read strongly consistent in as few requests as DynamoDB allows (100 keys
 * each): one request where a step needs several items it can name up front (an application and its
 * programme), instead of one GetItem each. Keys left unprocessed are asked again after a pause.
 * @returns the item of each key, in the keys' order (undefined where there is none)
 */
export async function getItemsConsistently(
  tableName: string,
  itemKeys: readonly ItemKey[],
): Promise<(Item | undefined)[]> {
  const found = new Map<string, Item>();
  for (let i = 0; i < itemKeys.length; i += 100) {
    let requested: Record<string, unknown>[] | undefined = itemKeys
      .slice(i, i + 100)
      .map((key) => ({ ...key }));
    for (let attempt = 0; requested && requested.length > 0; attempt++) {
      if (attempt > 0) await backOff(attempt);
      const page: BatchGetCommandOutput = await documentClient.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: requested, ConsistentRead: true } } }),
      );
      for (const item of page.Responses?.[tableName] ?? []) found.set(keyText(item), item);
      requested = page.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return itemKeys.map((key) => found.get(keyText(key)));
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
