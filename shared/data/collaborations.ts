// Collaborations between firms in the table: each firm's collaboration profile (from its assessment,
// listed under its programme for the finder), the collaborations the office proposed with their
// members, and one report item per verification cycle. Every change is a conditional write: a
// firm decides once, a cycle's benefits are counted once, one live collaboration per opportunity.
import { GetCommand, PutCommand, type TransactWriteCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#shared/domain/audit.ts';
import type {
  CollaborationProfile,
  CollaborationRecord,
  CollaborationStatus,
  ContractSignature,
  MemberStatus,
  NetworkContract,
} from '#shared/domain/collaboration.ts';
import { auditEventPut } from './audit.ts';
import { documentClient, queryGsi1, queryPartition, transactWhereConditionsHold } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { keys } from './table-design.ts';

export interface CollaborationProfileRecord {
  readonly applicationId: string;
  readonly programmeId: string;
  readonly companyName: string;
  readonly province: string;
  readonly profile: CollaborationProfile;
  readonly recordedAt: string;
}

/** Keeps a firm's profile where the finder reads it (the assessment's; a retried step writes the same). */
export async function putCollaborationProfile(tableName: string, record: CollaborationProfileRecord) {
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.collaborationProfile(record.applicationId),
        ...keys.collaborationProfilesOfProgramme(record.programmeId),
        gsi1sk: record.applicationId,
        type: 'collaboration-profile',
        ...record,
      },
    }),
  );
}

/** Every firm profile of a programme, by applicationId. */
export async function listCollaborationProfiles(
  tableName: string,
  programmeId: string,
): Promise<CollaborationProfileRecord[]> {
  const items = await queryGsi1(tableName, keys.collaborationProfilesOfProgramme(programmeId).gsi1pk);
  return items as unknown as CollaborationProfileRecord[];
}

const stripKeys = (item: Record<string, unknown> | undefined) => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, type: _t, ...rest } = item;
  return rest as unknown as CollaborationRecord;
};

export async function getCollaboration(
  tableName: string,
  collaborationId: string,
): Promise<CollaborationRecord | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.collaboration(collaborationId), ConsistentRead: true }),
  );
  return stripKeys(Item);
}

/** The collaborations of a programme, oldest first. */
export async function listCollaborations(
  tableName: string,
  programmeId: string,
): Promise<CollaborationRecord[]> {
  const items = await queryGsi1(tableName, keys.collaborationsOfProgramme(programmeId).gsi1pk);
  return items.map((item) => stripKeys(item)!).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

/**
 * Stores a proposed collaboration, with the marker that keeps its opportunity from being proposed
 * again while it lives, and the audit event; all or nothing.
 * @returns false when the opportunity already has a live collaboration
 */
export async function createCollaboration(
  tableName: string,
  record: CollaborationRecord,
  audit: AuditEvent,
): Promise<boolean> {
  return transactWhereConditionsHold([
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.opportunityTaken(record.programmeId, record.opportunity.id),
          type: 'opportunity-taken',
          collaborationId: record.collaborationId,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.collaboration(record.collaborationId),
          ...keys.collaborationsOfProgramme(record.programmeId),
          gsi1sk: `${record.createdAt}#${record.collaborationId}`,
          type: 'collaboration',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditEventPut(tableName, audit),
  ]);
}

async function update(
  tableName: string,
  collaborationId: string,
  input: {
    expression: string;
    condition?: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
  },
): Promise<CollaborationRecord | undefined> {
  try {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.collaboration(collaborationId),
        UpdateExpression: input.expression,
        ConditionExpression: input.condition
          ? `attribute_exists(pk) AND ${input.condition}`
          : 'attribute_exists(pk)',
        ...(input.names ? { ExpressionAttributeNames: input.names } : {}),
        ...(input.values ? { ExpressionAttributeValues: input.values } : {}),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return stripKeys(Attributes);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** The invitation state's current token (the first wait, then its reminder's), while inviting. */
export function setInvitationToken(tableName: string, collaborationId: string, token: string) {
  return update(tableName, collaborationId, {
    expression: 'SET invitationToken = :token',
    condition: '#status = :inviting',
    names: { '#status': 'status' },
    values: { ':token': token, ':inviting': 'inviting' },
  });
}

/**
 * A firm's decision, once, while the firms are being invited.
 * @returns the collaboration after it, or undefined when it was not taken (decided already, or the
 *   invitations are over)
 */
export function recordMemberDecision(
  tableName: string,
  collaborationId: string,
  applicationId: string,
  decision: Extract<MemberStatus, 'joined' | 'declined'>,
  at: string,
) {
  return update(tableName, collaborationId, {
    expression: 'SET members.#member.#status = :decision, members.#member.decidedAt = :at',
    condition: '#status = :inviting AND members.#member.#status = :invited',
    names: { '#status': 'status', '#member': applicationId },
    values: { ':decision': decision, ':at': at, ':inviting': 'inviting', ':invited': 'invited' },
  });
}

/**
 * Ends the invitations: firms that did not answer are expired; with enough firms joined the
 * collaboration is active, else not started (and its opportunity free to propose again). Once:
 * a retried step gets the collaboration as it is.
 */
export async function closeInvitations(
  tableName: string,
  collaboration: CollaborationRecord,
  outcome: Extract<CollaborationStatus, 'active' | 'not_started'>,
  at: string,
): Promise<CollaborationRecord> {
  const undecided = Object.values(collaboration.members).filter((m) => m.status === 'invited');
  const names: Record<string, string> = { '#status': 'status' };
  const sets = ['#status = :outcome', 'startedAt = :at'];
  undecided.forEach((member, i) => {
    names[`#m${i}`] = member.applicationId;
    sets.push(`members.#m${i}.#status = :expired`, `members.#m${i}.decidedAt = :at`);
  });
  const values: Record<string, unknown> = { ':outcome': outcome, ':at': at, ':inviting': 'inviting' };
  if (undecided.length > 0) values[':expired'] = 'expired';
  const updateItem = {
    TableName: tableName,
    Key: keys.collaboration(collaboration.collaborationId),
    UpdateExpression: `SET ${sets.join(', ')} REMOVE invitationToken`,
    ConditionExpression: '#status = :inviting',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [{ Update: updateItem }];
  if (outcome === 'not_started')
    items.push({
      Delete: {
        TableName: tableName,
        Key: keys.opportunityTaken(collaboration.programmeId, collaboration.opportunity.id),
      },
    });
  // Already closed (a retried step): the collaboration is read as it is.
  await transactWhereConditionsHold(items);
  return (await getCollaboration(tableName, collaboration.collaborationId)) ?? collaboration;
}

export interface CycleReportRecord {
  readonly cycle: number;
  readonly at: string;
  /** The coordinator did not report in time: nothing counted for the cycle. */
  readonly missed: boolean;
  readonly status?: 'active' | 'paused' | 'ended';
  readonly benefits: readonly { applicationId: string; economicBenefitEur: number; justification: string }[];
  readonly left: readonly string[];
  readonly notes?: string;
}

/**
 * Records a cycle's report and counts its benefits into the members' and the collaboration's
 * totals in the same transaction, once: the report item is written only if absent, so a retried
 * step counts nothing twice. Members named as leaving are marked as such.
 * @param noBenefitCycles - each member's count of cycles in a row without benefit, after this one
 * @returns false when the cycle was recorded already
 */
export async function recordCycleReportOnce(
  tableName: string,
  collaboration: CollaborationRecord,
  report: CycleReportRecord,
  noBenefitCycles: Readonly<Record<string, number>>,
  audit: AuditEvent,
): Promise<boolean> {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':one': 1, ':zero': 0 };
  const sets = ['cyclesDone = if_not_exists(cyclesDone, :zero) + :one'];
  let total = 0;
  const memberIndex = new Map<string, number>();
  const name = (applicationId: string) => {
    if (!memberIndex.has(applicationId)) {
      memberIndex.set(applicationId, memberIndex.size);
      names[`#m${memberIndex.size - 1}`] = applicationId;
    }
    return `#m${memberIndex.get(applicationId)}`;
  };
  for (const benefit of report.benefits) {
    const m = name(benefit.applicationId);
    const i = memberIndex.get(benefit.applicationId);
    values[`:b${i}`] = benefit.economicBenefitEur;
    sets.push(`members.${m}.benefitEur = members.${m}.benefitEur + :b${i}`);
    total += benefit.economicBenefitEur;
  }
  for (const [applicationId, count] of Object.entries(noBenefitCycles)) {
    const m = name(applicationId);
    values[`:n${memberIndex.get(applicationId)}`] = count;
    sets.push(`members.${m}.noBenefitCycles = :n${memberIndex.get(applicationId)}`);
  }
  for (const applicationId of report.left) {
    const m = name(applicationId);
    values[':left'] = 'left';
    sets.push(`members.${m}.#status = :left`);
  }
  values[':benefit'] = total;
  sets.push('benefitTotalEur = benefitTotalEur + :benefit');
  if (report.status === 'paused' || report.status === 'active') {
    values[':activity'] = report.status;
    sets.push('#status = :activity');
  }
  return transactWhereConditionsHold([
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.collaborationReport(collaboration.collaborationId, report.cycle),
          type: 'collaboration-report',
          collaborationId: collaboration.collaborationId,
          ...report,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.collaboration(collaboration.collaborationId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#status IN (:r0, :r1)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':r0': 'active', ':r1': 'paused' },
      },
    },
    auditEventPut(tableName, audit),
  ]);
}

/** The reports of a collaboration, cycle by cycle. */
export async function listCycleReports(
  tableName: string,
  collaborationId: string,
): Promise<CycleReportRecord[]> {
  const { pk, skPrefix } = keys.collaborationReports(collaborationId);
  return (await queryPartition(tableName, pk, skPrefix, {
    consistent: true,
  })) as unknown as CycleReportRecord[];
}

/** Marks a member as flagged to the office (no benefit for too long), once. @returns whether it was now */
export async function flagMember(
  tableName: string,
  collaborationId: string,
  applicationId: string,
  at: string,
) {
  return (
    (await update(tableName, collaborationId, {
      expression: 'SET members.#member.flaggedAt = :at',
      condition: 'attribute_not_exists(members.#member.flaggedAt)',
      names: { '#member': applicationId },
      values: { ':at': at },
    })) !== undefined
  );
}

/** Closes a running collaboration (final report given or cycles done) and frees its opportunity. */
export async function closeCollaborationOnce(
  tableName: string,
  collaboration: CollaborationRecord,
  at: string,
): Promise<boolean> {
  return transactWhereConditionsHold([
    {
      Update: {
        TableName: tableName,
        Key: keys.collaboration(collaboration.collaborationId),
        UpdateExpression: 'SET #status = :closed, closedAt = :at',
        ConditionExpression: '#status IN (:active, :paused)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':at': at,
          ':active': 'active',
          ':paused': 'paused',
        },
      },
    },
    {
      Delete: {
        TableName: tableName,
        Key: keys.opportunityTaken(collaboration.programmeId, collaboration.opportunity.id),
      },
    },
  ]);
}

/** Saves the network contract's content (before it is signed; replaced while unsigned). */
export async function saveNetworkContract(
  tableName: string,
  collaborationId: string,
  contract: NetworkContract,
  audit: AuditEvent,
): Promise<boolean> {
  return contractWrite(
    tableName,
    collaborationId,
    'SET contract = :value',
    contract,
    audit,
    'attribute_not_exists(signature)',
  );
}

/** Records the contract's signature and registry filing, once, for a collaboration with its content. */
export async function recordContractSignature(
  tableName: string,
  collaborationId: string,
  signature: ContractSignature,
  audit: AuditEvent,
): Promise<boolean> {
  return contractWrite(
    tableName,
    collaborationId,
    'SET signature = :value',
    signature,
    audit,
    'attribute_exists(contract) AND attribute_not_exists(signature)',
  );
}

async function contractWrite(
  tableName: string,
  collaborationId: string,
  expression: string,
  value: unknown,
  audit: AuditEvent,
  condition: string,
): Promise<boolean> {
  return transactWhereConditionsHold([
    {
      Update: {
        TableName: tableName,
        Key: keys.collaboration(collaborationId),
        UpdateExpression: expression,
        ConditionExpression: `attribute_exists(pk) AND ${condition}`,
        ExpressionAttributeValues: { ':value': value },
      },
    },
    auditEventPut(tableName, audit),
  ]);
}
