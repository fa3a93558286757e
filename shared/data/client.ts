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
} from '@aws-sdk/lib-dynamodb';

export const dynamoDbClient = new DynamoDBClient({});
export const documentClient = DynamoDBDocumentClient.from(dynamoDbClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

/** Every item of one `gsi1` partition, page after page (the lists read through the index). */
export async function queryGsi1(tableName: string, gsi1pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi1pk },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of one partition (those whose sort key starts with `skPrefix`, if given), in order. */
export async function queryPartition(
  tableName: string,
  pk: string,
  skPrefix?: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Every item of the table a filter keeps, page after page: a full read, for an administrator's
 * request or the local runtime, never for a request path.
 */
export async function scanItems(
  tableName: string,
  filter: {
    readonly expression: string;
    readonly names?: Record<string, string>;
    readonly values?: Record<string, unknown>;
    /** Only these attributes (e.g. 'pk, sk'). */
    readonly projection?: string;
  },
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
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
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
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
