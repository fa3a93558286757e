// `npm run admin -- match --programme ID [--dry-run|--yes]`: the cohort matcher on the SMEs of a
// programme waiting for a manager, against the greedy one-at-a-time order on the same data; on
// confirmation each assignment is handed to its SME's journey, which offers it (capacity reserved
// atomically, as always) at its next matching step.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/data/client.ts';
import { listManagersByStatus } from '#shared/data/managers.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { keys, mainTable } from '#shared/data/table-design.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import { type CohortResult, greedyCohort, matchCohort } from '#shared/domain/cohort-matching.ts';
import type { Manager } from '#shared/domain/manager.ts';
import { type SmeProfile, smeProfileFromApplication } from '#shared/domain/matching.ts';
import type { CommandContext, ExitCode } from './commands.ts';
import { clip, points, renderTable } from './format.ts';

const gsi1 = mainTable.globalSecondaryIndexes[0].indexName;

/**
 * The programme's applications waiting for a manager: eligible, no offer in progress, no manager
 * yet; in submission order (the index's sort key), the order the journeys would ask in.
 */
export async function applicationsWaitingForManager(
  tableName: string,
  programmeId: string,
): Promise<ApplicationRecord[]> {
  const applications: ApplicationRecord[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: gsi1,
        KeyConditionExpression: 'gsi1pk = :partition',
        FilterExpression:
          '#status = :eligible AND attribute_not_exists(currentOffer) AND attribute_not_exists(managerId)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':partition': keys.applicationsOfProgramme(programmeId).gsi1pk,
          ':eligible': 'eligible',
        },
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) applications.push(item as ApplicationRecord);
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return applications;
}

const matchedSummary = (result: CohortResult, smes: number) =>
  `${result.assignments.length}/${smes} SMEs matched, total fit ${points(result.totalFit)}`;

export async function matchCommand(
  programmeId: string,
  dryRun: boolean,
  context: CommandContext,
  yes = false,
): Promise<ExitCode> {
  const { output, tableName } = context;
  const programme = await getProgramme(tableName, programmeId);
  if (!programme) {
    output.err(`No programme ${programmeId} (stored or preset): see npm run admin -- programmes list`);
    return 1;
  }

  const applications = await applicationsWaitingForManager(tableName, programmeId);
  const active = await listManagersByStatus(tableName, 'active');
  const roster = programme.matching.roster ? new Set(programme.matching.roster) : undefined;
  const managers = roster ? active.filter((manager) => roster.has(manager.managerId)) : active;
  output.out(
    `Programme ${programme.id} (${programme.names.en}): ${applications.length} SME${applications.length === 1 ? '' : 's'} ` +
      `waiting for a manager; ${managers.length} active manager${managers.length === 1 ? '' : 's'}` +
      `${roster ? ` in the programme's roster of ${roster.size}` : ''}, ` +
      `${managers.reduce((sum, manager) => sum + Math.max(0, manager.capacity - manager.load), 0)} places free.`,
  );
  if (applications.length === 0) {
    output.out('Nothing to match.');
    return 0;
  }

  const smes: SmeProfile[] = applications.map(smeProfileFromApplication);
  const excluded = new Map(
    applications.map((application) => [
      application.applicationId,
      new Set(application.triedManagerIds ?? []),
    ]),
  );
  const optimal = matchCohort(smes, managers, { excluded });
  const greedy = greedyCohort(smes, managers, { excluded });

  const applicationById = new Map(
    applications.map((application) => [application.applicationId, application]),
  );
  const managerById = new Map<string, Manager>(managers.map((manager) => [manager.managerId, manager]));
  const smeLabel = (applicationId: string) => {
    const application = applicationById.get(applicationId);
    if (!application) return applicationId;
    const { company } = application;
    return `${clip(company.name, 28)} (${company.province}, ${company.atecoCode})`;
  };

  output.out('\nDraft (optimal assignment):');
  if (optimal.assignments.length > 0) {
    output.out(
      renderTable(optimal.assignments, [
        { header: 'application', value: (row) => row.applicationId.slice(0, 8) },
        { header: 'SME', value: (row) => smeLabel(row.applicationId), max: 48 },
        { header: 'manager', value: (row) => managerById.get(row.managerId)?.name ?? row.managerId, max: 28 },
        { header: 'fit', value: (row) => points(row.score.total), right: true },
        { header: 'sector', value: (row) => points(row.score.parts.sector), right: true },
        { header: 'compet.', value: (row) => points(row.score.parts.competence), right: true },
        { header: 'prov.', value: (row) => points(row.score.parts.province), right: true },
        { header: 'lang.', value: (row) => points(row.score.parts.language), right: true },
        { header: 'merit', value: (row) => points(row.score.parts.merit), right: true },
        { header: 'load', value: (row) => points(row.score.parts.load), right: true },
      ]),
    );
  } else {
    output.out('  (no SME can be matched: no active manager with capacity and without conflicts)');
  }
  if (optimal.unassigned.length > 0) {
    output.out(`\nWithout a manager (${optimal.unassigned.length}):`);
    for (const applicationId of optimal.unassigned) {
      output.out(`  ${applicationId.slice(0, 8)}  ${smeLabel(applicationId)}`);
    }
  }

  const gain = optimal.totalFit - greedy.totalFit;
  output.out(`
Optimal (min-cost flow):            ${matchedSummary(optimal, smes.length)}${optimal.stats.exact ? '' : ' (best candidates per SME only)'}, ${optimal.stats.ms.toFixed(0)} ms
Greedy (one at a time, in order):   ${matchedSummary(greedy, smes.length)}, ${greedy.stats.ms.toFixed(0)} ms
Optimal vs greedy:                  ${gain >= 0 ? '+' : ''}${points(gain)} total fit${
    greedy.totalFit > 0 ? ` (${gain >= 0 ? '+' : ''}${((gain / greedy.totalFit) * 100).toFixed(1)}%)` : ''
  }, ${optimal.assignments.length - greedy.assignments.length >= 0 ? '+' : ''}${optimal.assignments.length - greedy.assignments.length} SMEs matched
`);
  if (dryRun || optimal.assignments.length === 0) {
    output.out('Dry run: no offer was made and no capacity reserved.');
    return 0;
  }
  if (!yes) {
    if (!process.stdin.isTTY) {
      output.err('Confirm with --yes to offer these engagements (no terminal to ask).');
      return 2;
    }
    const { createInterface } = await import('node:readline/promises');
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(`Offer these ${optimal.assignments.length} engagements? [y/N] `);
    prompt.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      output.out('Nothing offered.');
      return 0;
    }
  }
  const { assignCohortManager } = await import('#shared/data/applications.ts');
  let handed = 0;
  for (const assignment of optimal.assignments) {
    if (
      await assignCohortManager(tableName, assignment.applicationId, assignment.managerId, assignment.score)
    )
      handed++;
  }
  output.out(
    `${handed} of ${optimal.assignments.length} engagements handed to their journeys: each is offered at the journey's next matching step.`,
  );
  return 0;
}
