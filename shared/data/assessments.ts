// The manager's assessment as stored: one item per application, written once (a retried step
// changes nothing), read by the financing page, monitoring (T0) and the exports.
import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { keys } from './table-design.ts';

export interface AssessmentRecord {
  readonly applicationId: string;
  readonly managerId: string;
  readonly submittedAt: string;
  readonly overall: number;
  readonly band: string;
  readonly answer: unknown;
}

/** Stores the assessment unless one is stored already. @returns false when one was */
export async function putAssessmentOnce(tableName: string, assessment: AssessmentRecord): Promise<boolean> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.assessment(assessment.applicationId), type: 'assessment', ...assessment },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getAssessment(
  tableName: string,
  applicationId: string,
): Promise<AssessmentRecord | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.assessment(applicationId), ConsistentRead: true }),
  );
  return Item as AssessmentRecord | undefined;
}

/** The assessments of these applications (those that have one), read 100 at a time. */
export async function listAssessments(tableName: string, applicationIds: readonly string[]) {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < applicationIds.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName]: { Keys: applicationIds.slice(i, i + 100).map((id) => keys.assessment(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const page = await documentClient.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...((page.Responses?.[tableName] ?? []) as Record<string, unknown>[]));
      request = page.UnprocessedKeys as typeof request;
    }
  }
  return found;
}
