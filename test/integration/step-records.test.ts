// A workflow step reads what its input names in one request: the application with its programme
// (and the task, assessment, manager or project it names), strongly consistent, whatever the
// number of keys; an input naming a programme other than the application's does not choose the
// rules that apply.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient, getItemsConsistently } from '#shared/data/client.ts';
import { findHumanTaskByLink } from '#shared/data/human-tasks.ts';
import { loadStep } from '#shared/use-cases/load-step.ts';
import {
  apply,
  emailTo,
  newManager,
  newProgramme,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

/** The DynamoDB requests this process sends while `run` runs, by command name. */
async function requestsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const name = `count-${randomUUID()}`;
  documentClient.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await run();
  } finally {
    documentClient.middlewareStack.remove(name);
  }
  return sent;
}

describe('step records', () => {
  it('returns the item of every key in the keys’ order, undefined where none, beyond 100 keys', async () => {
    // Arrange: 150 keys, every third one without an item
    const run = randomUUID();
    const itemKeys = Array.from({ length: 150 }, (_, i) => ({ pk: `TEST#${run}`, sk: `ITEM#${i}` }));
    await Promise.all(
      itemKeys
        .filter((_, i) => i % 3 !== 0)
        .map((key) =>
          documentClient.send(new PutCommand({ TableName: tableName, Item: { ...key, value: key.sk } })),
        ),
    );

    // Act
    let items: (Record<string, unknown> | undefined)[] = [];
    const sent = await requestsDuring(async () => {
      items = await getItemsConsistently(tableName, itemKeys);
    });

    // Assert: two requests (100 keys each at most), every answer in place
    expect(sent).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand']);
    expect(items.map((item) => item?.value)).toEqual(
      itemKeys.map((key, i) => (i % 3 === 0 ? undefined : key.sk)),
    );
  });

  it('reads a step’s application, programme, task, assessment, manager and committed budget in one request', async () => {
    // Arrange
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const { applicationId } = await apply(programme.id);

    // Act
    let loaded: Awaited<ReturnType<typeof loadStep>> | undefined;
    const sent = await requestsDuring(async () => {
      loaded = await loadStep(
        tableName,
        { applicationId, programmeId: programme.id },
        {
          task: { applicationId, kind: 'assessment', round: 1 },
          assessment: true,
          managerId: manager.managerId,
          budgetCommitted: true,
        },
      );
    });

    // Assert
    expect(sent).toEqual(['BatchGetItemCommand']);
    expect(loaded?.application.applicationId).toBe(applicationId);
    expect(loaded?.programme.id).toBe(programme.id);
    expect(loaded?.manager?.managerId).toBe(manager.managerId);
    expect(loaded?.task).toBeUndefined();
    expect(loaded?.assessment).toBeUndefined();
    expect(loaded?.budgetCommittedEur).toBe(0);
  });

  it('opens an assessment link’s task with its programme in one read after the link', async () => {
    // Arrange: a journey up to the assessment request, through the e-mailed links
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    await apply(programme.id);
    const offer = taskLink(await emailTo(manager.email, /Proposta di incarico/));
    expect((await postJson(offer, { decision: 'accept' })).status).toBe(200);
    const assessmentLink = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    const secret = assessmentLink.split('/').at(-1) ?? '';

    // Act
    let found: Awaited<ReturnType<typeof findHumanTaskByLink>>;
    const sent = await requestsDuring(async () => {
      found = await findHumanTaskByLink(tableName, secret);
    });

    // Assert
    expect(sent).toEqual(['GetItemCommand', 'BatchGetItemCommand']);
    expect(found?.task.kind).toBe('assessment');
    expect(found?.programme?.id).toBe(programme.id);
  });

  it('applies the application’s own programme when the input names another', async () => {
    // Arrange: the application belongs to a test programme; the input names a preset
    const programme = await newProgramme([await newManager()]);
    const { applicationId } = await apply(programme.id);

    // Act
    const loaded = await loadStep(tableName, { applicationId, programmeId: 'sviluppo-pmi' });

    // Assert
    expect(loaded.programme.id).toBe(programme.id);
  });

  it('says which application is missing', async () => {
    const applicationId = randomUUID();
    await expect(loadStep(tableName, { applicationId, programmeId: 'sviluppo-pmi' })).rejects.toThrow(
      applicationId,
    );
  });
});
