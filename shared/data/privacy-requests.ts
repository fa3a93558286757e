// An SME contact's request about their data, made from the status page and confirmed through a link
// e-mailed to the application's address: the link (only its hash stored, like every link) and a
// marker per application and kind, so asking again within a day sends no second e-mail.
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PrivacyRequestKind } from '#shared/domain/privacy.ts';
import { documentClient } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { keys } from './table-design.ts';

export interface PrivacyRequest {
  readonly applicationId: string;
  readonly request: PrivacyRequestKind;
  /** Epoch seconds after which the link opens nothing (and DynamoDB's TTL removes it). */
  readonly expiresAt: number;
}

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * Records a request and its link, unless one of that kind was made for the application in the last
 * `validForSeconds`. @returns false when one is still pending (no new link: nothing to send)
 */
export async function createPrivacyRequest(
  tableName: string,
  linkHash: string,
  request: PrivacyRequest,
  now: Date,
): Promise<boolean> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.privacyRequestMarker(request.applicationId, request.request),
          type: 'privacy-request',
          createdAt: now.toISOString(),
          expiresAt: request.expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': epochSeconds(now) },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.link(linkHash),
        type: 'link',
        kind: 'privacy-request',
        ...request,
        createdAt: now.toISOString(),
      },
    }),
  );
  return true;
}

/** The request a link confirms, while it is valid. */
export async function findPrivacyRequest(
  tableName: string,
  linkHash: string,
  now: Date,
): Promise<PrivacyRequest | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.link(linkHash), ConsistentRead: true }),
  );
  if (Item?.kind !== 'privacy-request' || Number(Item.expiresAt) <= epochSeconds(now)) return undefined;
  return {
    applicationId: String(Item.applicationId),
    request: Item.request as PrivacyRequestKind,
    expiresAt: Number(Item.expiresAt),
  };
}

/** Uses the link up: only one of two racing confirmations gets true. */
export async function consumePrivacyRequest(
  tableName: string,
  linkHash: string,
  now: Date,
): Promise<boolean> {
  try {
    await documentClient.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.link(linkHash),
        ConditionExpression: 'kind = :kind AND expiresAt > :now',
        ExpressionAttributeValues: { ':kind': 'privacy-request', ':now': epochSeconds(now) },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
