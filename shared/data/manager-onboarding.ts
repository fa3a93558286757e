// Registration writes: the manager (pending vetting) and the lock on their e-mail address in one
// transaction, so one address registers once; the personal availability link, stored hashed.
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Manager } from '#shared/domain/manager.ts';
import { managerSchema } from '#shared/domain/manager.ts';
import { documentClient } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { keys } from './table-design.ts';

/** @returns 'created', or 'duplicate' when the e-mail address is registered already */
export async function createRegisteredManager(
  tableName: string,
  manager: Manager,
): Promise<'created' | 'duplicate'> {
  const valid = managerSchema.parse(manager);
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.manager(valid.managerId),
                ...keys.managersByStatus(valid.status),
                gsi1sk: valid.managerId,
                type: 'manager',
                ...valid,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...keys.managerEmail(valid.email), type: 'manager-email', managerId: valid.managerId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return 'created';
  } catch (error) {
    if (isConditionFailure(error)) return 'duplicate';
    throw error;
  }
}

/** Undoes a registration whose onboarding could not start. */
export async function removeRegisteredManager(
  tableName: string,
  manager: Pick<Manager, 'managerId' | 'email'>,
) {
  await documentClient.send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName, Key: keys.manager(manager.managerId) } },
        { Delete: { TableName: tableName, Key: keys.managerEmail(manager.email) } },
      ],
    }),
  );
}

/** Stores a manager's availability link (by the hash of its secret); idempotent per manager. */
export async function putAvailabilityLink(
  tableName: string,
  linkHash: string,
  managerId: string,
  at: string,
) {
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.link(linkHash), type: 'link', kind: 'manager-availability', managerId, createdAt: at },
    }),
  );
}

/** The manager an availability link opens, or undefined. */
export async function findManagerIdByAvailabilityLink(tableName: string, linkHash: string) {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.link(linkHash) }),
  );
  return Item?.kind === 'manager-availability' ? (Item.managerId as string) : undefined;
}

export async function deleteLink(tableName: string, linkHash: string) {
  await documentClient.send(new DeleteCommand({ TableName: tableName, Key: keys.link(linkHash) }));
}
