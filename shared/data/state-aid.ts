// State aid in the table: each firm's aid in its own partition (a ledger item and its grants), read
// consistently; a grant is written with the budget reservation in one transaction that also bumps
// the ledger version of every firm of the single undertaking, so two approvals for firms of the
// same group, in any programmes, cannot both pass a headroom check made on the same figures.
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AidGrant, aidRecordRetentionYears } from '#shared/domain/state-aid.ts';
import { normaliseVatNumber } from '#shared/domain/vat-number.ts';
import { stateAidDeclarationLimits } from '#shared/schemas/application.ts';
import { documentClient, queryGsi1, queryPartition } from './client.ts';
import { cancellationReasons, failedConditions } from './conditions.ts';
import {
  type BudgetReservation,
  budgetReservationItemNames,
  budgetReservationItems,
  refusedReservation,
} from './programme-budget.ts';
import { keys } from './table-design.ts';

/** A single undertaking as stored: its firms, their ledgers' versions, and the aid they were granted. */
export interface UndertakingAid {
  /** The firms read (the firm, its declared links and the links others declared to it). */
  readonly members: readonly string[];
  /** Each member's ledger version (0: no ledger yet). */
  readonly versions: ReadonlyMap<string, number>;
  readonly grants: readonly AidGrant[];
}

/** Most firms one undertaking's check reads and writes (a transaction holds at most 100 items). */
const maxMembers = stateAidDeclarationLimits.linkedFirms * 4;

interface FirmPartition {
  readonly version: number;
  readonly links: readonly string[];
  readonly grants: readonly AidGrant[];
}

async function readFirm(tableName: string, vatNumber: string): Promise<FirmPartition> {
  const items = await queryPartition(tableName, keys.aidLedger(vatNumber).pk, undefined, {
    consistent: true,
  });
  const ledger = items.find((item) => item.sk === keys.aidLedger(vatNumber).sk);
  return {
    version: Number(ledger?.version ?? 0),
    links: [...((ledger?.links as Set<string> | undefined) ?? [])],
    grants: items.filter((item) => String(item.sk).startsWith('AID#')).map(toGrant),
  };
}

function toGrant(item: Record<string, unknown>): AidGrant {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, type: _type, expiresAt: _e, ...grant } = item;
  return grant as unknown as AidGrant;
}

/**
 * Reads a single undertaking with strongly consistent reads: the firm, the firms it declares, and
 * the firms any other application declared linked to it (kept on its ledger).
 */
export async function readUndertakingAid(
  tableName: string,
  vatNumber: string,
  declaredLinks: readonly string[],
): Promise<UndertakingAid> {
  const firm = normaliseVatNumber(vatNumber);
  const own = await readFirm(tableName, firm);
  const others = [...new Set([...declaredLinks.map(normaliseVatNumber), ...own.links])]
    .filter((member) => member !== firm)
    .slice(0, maxMembers - 1);
  const partitions = await Promise.all(others.map((member) => readFirm(tableName, member)));
  const members = [firm, ...others];
  const all = [own, ...partitions];
  return {
    members,
    versions: new Map(members.map((member, index) => [member, all[index]?.version ?? 0])),
    grants: all.flatMap((partition) => partition.grants),
  };
}

export type GrantOutcome = 'reserved' | 'over_budget' | 'journey_ended' | 'undertaking_changed';

/** When the aid record may be deleted: ten years after the concession (DynamoDB TTL, seconds). */
const aidExpiresAt = (grantedOn: string) => {
  const [year, month, day] = grantedOn.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(year + aidRecordRetentionYears, month - 1, day + 1) / 1000);
};

/**
 * Reserves the budget and records the aid pending registration, all or nothing, provided no grant
 * touched the single undertaking since it was read (every member's ledger still at the version
 * read; each is bumped). The firms of the undertaking are linked to each other for later checks.
 * @returns 'undertaking_changed' when another grant came first: read again and decide again
 */
export async function reserveBudgetWithAid(
  tableName: string,
  reservation: BudgetReservation,
  grant: AidGrant,
  undertaking: UndertakingAid,
): Promise<GrantOutcome> {
  if (reservation.amountEur > reservation.budgetTotalEur) return 'over_budget';
  const beneficiary = grant.beneficiary.vatNumber;
  const ledgerItems = undertaking.members.map((member) => {
    const version = undertaking.versions.get(member) ?? 0;
    const links = undertaking.members.filter((other) => other !== member);
    return {
      Update: {
        TableName: tableName,
        Key: keys.aidLedger(member),
        UpdateExpression: `SET version = :next, #type = :ledger${links.length > 0 ? ' ADD links :links' : ''}`,
        ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :read',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':next': version + 1,
          ':ledger': 'aid-ledger',
          ...(version === 0 ? {} : { ':read': version }),
          ...(links.length > 0 ? { ':links': new Set(links) } : {}),
        },
      },
    };
  });
  const names = [...budgetReservationItemNames, 'aid', 'concession'] as const;
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          ...budgetReservationItems(tableName, reservation),
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.aid(beneficiary, grant.concessionId),
                ...keys.aidsOfProgramme(grant.programmeId),
                gsi1sk: `${grant.grantedOn}#${grant.concessionId}`,
                type: 'aid',
                expiresAt: aidExpiresAt(grant.grantedOn),
                ...grant,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.aidConcession(grant.concessionId),
                type: 'aid-concession',
                vatNumber: beneficiary,
                expiresAt: aidExpiresAt(grant.grantedOn),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...ledgerItems,
        ],
      }),
    );
    return 'reserved';
  } catch (error) {
    const reasons = cancellationReasons(error, names);
    if (!reasons) throw error;
    if (reasons.application === 'ConditionalCheckFailed' || reasons.aid === 'ConditionalCheckFailed')
      return refusedReservation(tableName, reservation.applicationId);
    if (reasons.budget === 'ConditionalCheckFailed') return 'over_budget';
    // A ledger moved (another grant to the undertaking), or a transaction on the same items ran
    // at the same moment: read again and decide again.
    const codes = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
      (reason) => reason.Code,
    );
    const ledgerMoved = codes.slice(names.length).includes('ConditionalCheckFailed');
    if (ledgerMoved || codes.includes('TransactionConflict')) return 'undertaking_changed';
    throw error;
  }
}

/** The aid with this concession ID, or undefined. */
export async function getAidByConcession(
  tableName: string,
  concessionId: string,
): Promise<AidGrant | undefined> {
  const { Item: pointer } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.aidConcession(concessionId), ConsistentRead: true }),
  );
  if (!pointer) return undefined;
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.aid(String(pointer.vatNumber), concessionId),
      ConsistentRead: true,
    }),
  );
  return Item ? toGrant(Item) : undefined;
}

/**
 * Records the COR of a pending aid, once: the aid becomes registered, and the COR is taken (one aid
 * per COR). The same COR again is accepted (an import run twice); another COR for a registered aid,
 * or a COR already recorded for another aid, is refused.
 */
export async function recordAidCor(
  tableName: string,
  aid: Pick<AidGrant, 'concessionId' | 'beneficiary' | 'grantedOn'>,
  cor: string,
  at: string,
): Promise<'recorded' | 'already_recorded' | 'different_cor' | 'cor_taken' | 'cancelled' | 'unknown'> {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.aid(aid.beneficiary.vatNumber, aid.concessionId),
              UpdateExpression: 'SET #status = :registered, cor = :cor, registeredAt = :at',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':registered': 'registered',
                ':pending': 'pending_registration',
                ':cor': cor,
                ':at': at,
              },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.aidCor(cor),
                type: 'aid-cor',
                concessionId: aid.concessionId,
                expiresAt: aidExpiresAt(aid.grantedOn),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return 'recorded';
  } catch (error) {
    const failed = failedConditions(error, ['aid', 'cor']);
    if (!failed) throw error;
    const current = await getAidByConcession(tableName, aid.concessionId);
    if (!current) return 'unknown';
    if (current.status === 'cancelled') return 'cancelled';
    if (current.status === 'registered') return current.cor === cor ? 'already_recorded' : 'different_cor';
    return 'cor_taken';
  }
}

/** The concession a COR was recorded for, if any. */
export async function concessionOfCor(tableName: string, cor: string): Promise<string | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.aidCor(cor), ConsistentRead: true }),
  );
  return Item ? String(Item.concessionId) : undefined;
}

/** Cancels an aid still pending registration (its journey ended): it no longer counts. */
export async function cancelPendingAid(
  tableName: string,
  aid: Pick<AidGrant, 'concessionId' | 'beneficiary'>,
  at: string,
): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.aid(aid.beneficiary.vatNumber, aid.concessionId),
        UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':cancelled': 'cancelled',
          ':pending': 'pending_registration',
          ':at': at,
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Every aid of a programme, by concession date (the register and the registration export). */
export async function listAidsOfProgramme(tableName: string, programmeId: string): Promise<AidGrant[]> {
  return (await queryGsi1(tableName, keys.aidsOfProgramme(programmeId).gsi1pk)).map(toGrant);
}

/** Every aid a firm was granted through this system (any programme), by concession ID. */
export async function listAidsOfFirm(tableName: string, vatNumber: string): Promise<AidGrant[]> {
  const firm = keys.aidsOfFirm(normaliseVatNumber(vatNumber));
  return (await queryPartition(tableName, firm.pk, firm.skPrefix, { consistent: true })).map(toGrant);
}
