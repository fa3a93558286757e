// Projects and their monitoring in the table: the project item, one item per check-in (recorded
// once), the closing, and the programme counters each of them moves in the same transaction.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#shared/domain/audit.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { auditEventPut } from './audit.ts';
import { documentClient, transactWhereConditionsHold } from './client.ts';
import { budgetReturnOnClosing } from './programme-budget.ts';

export type ProjectProposal = NonNullable<HumanTaskAnswer<'assessment'>['project']>;

import { setExpression } from './expressions.ts';
import { keys } from './table-design.ts';

export interface ProjectRecord {
  readonly projectId: string;
  readonly applicationId: string;
  readonly programmeId: string;
  readonly managerId: string;
  readonly title: string;
  readonly amountEur: number;
  readonly durationMonths: number;
  readonly launchedAt: string;
  readonly status: 'launched';
  /** The project as the manager proposed it with the assessment (KPIs, objectives…). */
  readonly proposal: ProjectProposal;
}

/** Creates the project and moves the application to launched, all or nothing, once. */
export async function launchProjectOnce(
  tableName: string,
  project: ProjectRecord,
  /** The stage-time counter of the status left (see stageCounter). */
  stage?: string,
): Promise<boolean> {
  return transactWhereConditionsHold([
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.project(project.projectId),
          ...keys.projectsOfProgramme(project.programmeId),
          gsi1sk: `${project.launchedAt}#${project.projectId}`,
          type: 'project',
          ...project,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.application(project.applicationId),
        UpdateExpression:
          'SET #status = :launched, statusHistory = list_append(statusHistory, :change), projectId = :projectId, outcome = :launched',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':launched': 'launched',
          ':pending': 'financing_pending',
          ':projectId': project.projectId,
          ':change': [{ status: 'launched', at: project.launchedAt }],
        },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.programmeCounters(project.programmeId),
        UpdateExpression: `ADD projectsLaunched :one, outcome_launched :one${stage ? ', #stage :one' : ''}`,
        ...(stage ? { ExpressionAttributeNames: { '#stage': stage } } : {}),
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ]);
}

export interface MonitoredProject extends Omit<ProjectRecord, 'status'> {
  readonly status: 'launched' | 'monitoring' | 'at_risk' | 'paused' | 'closed';
  readonly cycles?: number;
  readonly lastCycle?: number;
  readonly lastKpiValues?: readonly number[];
  readonly economicBenefitEur?: number;
  readonly spentEur?: number;
  readonly outcome?: string;
  readonly closedAt?: string;
  readonly dmaT1?: unknown;
  readonly dmaChange?: unknown;
  /** Times the office resumed the project after a pause (names the resumed cycle's execution). */
  readonly resumes?: number;
}

export interface CheckinRecord {
  readonly projectId: string;
  readonly cycle: number;
  readonly missed: boolean;
  readonly at: string;
  readonly kpiValues?: readonly number[];
  readonly kpisOnTrack?: readonly boolean[];
  readonly answer?: unknown;
}

export async function getProject(
  tableName: string,
  projectId: string,
): Promise<MonitoredProject | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.project(projectId), ConsistentRead: true }),
  );
  return Item as MonitoredProject | undefined;
}

export async function listCheckins(tableName: string, projectId: string): Promise<CheckinRecord[]> {
  const { Items } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.project(projectId).pk, ':prefix': 'CHECKIN#' },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []) as CheckinRecord[];
}

/**
 * Records a check-in (or a missed one) once, and moves the project to monitoring or at risk.
 * @returns false when that cycle was recorded already
 */
export async function recordCheckinOnce(
  tableName: string,
  project: Pick<MonitoredProject, 'projectId' | 'programmeId'>,
  checkin: CheckinRecord,
  update: {
    status: 'monitoring' | 'at_risk';
    cycles: number;
    economicBenefitEur?: number;
    spentEur?: number;
  },
): Promise<boolean> {
  const sets = ['#status = :status', 'lastCycle = :cycle', 'cycles = :cycles'];
  const values: Record<string, unknown> = {
    ':status': update.status,
    ':cycle': checkin.cycle,
    ':cycles': update.cycles,
    ':closed': 'closed',
  };
  if (checkin.kpiValues) {
    sets.push('lastKpiValues = :kpis');
    values[':kpis'] = checkin.kpiValues;
  }
  if (update.economicBenefitEur !== undefined) {
    sets.push('economicBenefitEur = :benefit');
    values[':benefit'] = update.economicBenefitEur;
  }
  if (update.spentEur !== undefined) {
    sets.push('spentEur = :spent');
    values[':spent'] = update.spentEur;
  }
  return transactWhereConditionsHold([
    {
      Put: {
        TableName: tableName,
        Item: {
          pk: keys.project(checkin.projectId).pk,
          sk: `CHECKIN#${String(checkin.cycle).padStart(3, '0')}`,
          type: 'checkin',
          ...checkin,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.project(checkin.projectId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(pk) AND #status <> :closed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.programmeCounters(project.programmeId),
        UpdateExpression: 'ADD #counter :one',
        ExpressionAttributeNames: {
          '#counter': checkin.missed ? 'checkinsMissed' : 'checkinsRecorded',
        },
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ]);
}

/**
 * Closes a project once: its outcome, T1 and spending; the programme gets back the unspent part of
 * the reserved budget and adds the spending and the economic benefit to its totals.
 */
export async function closeProjectOnce(
  tableName: string,
  project: Pick<MonitoredProject, 'projectId' | 'programmeId' | 'amountEur'>,
  closing: {
    outcome: string;
    at: string;
    spentEur: number;
    economicBenefitEur: number;
    dmaT1?: unknown;
    dmaChange?: { byDimension: Record<string, number>; overall: number };
    closingReportMissing?: boolean;
  },
  /** The office's decision to close it early, recorded in the same transaction. */
  audit?: Omit<AuditEvent, 'eventId'>,
): Promise<boolean> {
  const returned = budgetReturnOnClosing(project.amountEur, closing.spentEur);
  const unspent = returned.unspentEur;
  const counterNames: Record<string, string> = { '#outcome': `projectOutcome_${closing.outcome}` };
  const counterValues: Record<string, unknown> = {
    ':one': 1,
    ':spent': returned.spentEur,
    ':unspent': returned.committedChangeEur,
    ':benefit': closing.economicBenefitEur,
  };
  const adds = [
    'projectsClosed :one',
    'budgetSpentEur :spent',
    'budgetCommittedEur :unspent',
    'economicBenefitEur :benefit',
    '#outcome :one',
  ];
  if (closing.dmaChange) {
    adds.push('dmaImprovedProjects :one', 'dmaOverallDeltaSum :overall');
    counterValues[':overall'] = closing.dmaChange.overall;
    for (const [dimension, delta] of Object.entries(closing.dmaChange.byDimension)) {
      counterNames[`#d_${dimension}`] = `dmaDeltaSum_${dimension}`;
      counterValues[`:d_${dimension}`] = delta;
      adds.push(`#d_${dimension} :d_${dimension}`);
    }
  }
  return transactWhereConditionsHold([
    {
      Update: {
        TableName: tableName,
        Key: keys.project(project.projectId),
        UpdateExpression:
          'SET #status = :closed, outcome = :outcome, closedAt = :at, spentEur = :spentTotal, economicBenefitEur = :benefitTotal, unspentEur = :unspentTotal, dmaT1 = :t1, dmaChange = :change, closingReportMissing = :missing',
        ConditionExpression: 'attribute_exists(pk) AND #status <> :closed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':outcome': closing.outcome,
          ':at': closing.at,
          ':spentTotal': closing.spentEur,
          ':benefitTotal': closing.economicBenefitEur,
          ':unspentTotal': unspent,
          ':t1': closing.dmaT1 ?? null,
          ':change': closing.dmaChange ?? null,
          ':missing': closing.closingReportMissing ?? false,
        },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.programmeCounters(project.programmeId),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: counterNames,
        ExpressionAttributeValues: counterValues,
      },
    },
    ...(audit ? [auditEventPut(tableName, audit)] : []),
  ]);
}

/**
 * Moves a project from one status to another (the office pauses or resumes it) with the decision's
 * audit event, all or nothing: two offices clicking at once make one change and one event.
 * @returns false when the project was not in `from` any more
 */
export async function changeProjectStatus(
  tableName: string,
  projectId: string,
  change: { from: string; to: string; set: Record<string, unknown> },
  audit: Omit<AuditEvent, 'eventId'>,
): Promise<boolean> {
  const sets = setExpression({ status: change.to, ...change.set });
  return transactWhereConditionsHold([
    {
      Update: {
        TableName: tableName,
        Key: keys.project(projectId),
        UpdateExpression: sets.expression,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { ...sets.names, '#status': 'status' },
        ExpressionAttributeValues: { ...sets.values, ':from': change.from },
      },
    },
    auditEventPut(tableName, audit),
  ]);
}

/** Sets attributes of a project (the programme office's controls). */
export async function updateProject(
  tableName: string,
  projectId: string,
  set: Record<string, unknown>,
): Promise<void> {
  const sets = setExpression(set);
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.project(projectId),
      UpdateExpression: sets.expression,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: sets.names,
      ExpressionAttributeValues: sets.values,
    }),
  );
}
