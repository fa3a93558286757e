// `privacy erase`: shows what an erasure would do, then (with --yes) does it. The use case needs
// what the journey's withdrawal needs (Step Functions, the journey's state machine); on the local
// stack, the outbox forgets its copies too.
import { stateMachineNameOf } from '#workflows/index.ts';
import type { AdminCommand } from './args.ts';
import type { CommandContext, ExitCode } from './commands.ts';
import { defaultLocalSite } from './target.ts';

type EraseCommand = Extract<AdminCommand, { name: 'privacy erase' }>;

export const defaultLocalStepFunctionsEndpoint = 'http://127.0.0.1:8083';
export const defaultLocalOutbox = `${defaultLocalSite}/_local/outbox`;

/** The journey's state machine ARN: the local one, or the stage's found by its name. */
async function journeyStateMachineArn(context: CommandContext): Promise<string | undefined> {
  const { target } = context;
  if (target.kind === 'local') {
    const { localStateMachineArn } = await import('#workflows/render.ts');
    return localStateMachineArn('sme-journey');
  }
  const { ListStateMachinesCommand, SFNClient } = await import('@aws-sdk/client-sfn');
  const client = new SFNClient({ region: target.region });
  const name = stateMachineNameOf(target.stage, 'sme-journey');
  try {
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListStateMachinesCommand({ nextToken }));
      const found = page.stateMachines?.find((machine) => machine.name === name);
      if (found?.stateMachineArn) return found.stateMachineArn;
      nextToken = page.nextToken;
    } while (nextToken);
    return undefined;
  } finally {
    client.destroy();
  }
}

export async function privacyEraseCommand(command: EraseCommand, context: CommandContext): Promise<ExitCode> {
  const { output, target, tableName } = context;
  if (target.kind === 'local') {
    // Read by the Step Functions client when the use case's modules are first imported.
    process.env.AWS_ENDPOINT_URL_SFN = command.stepFunctionsEndpoint ?? defaultLocalStepFunctionsEndpoint;
  }
  const { erasePersonalData, planErasure } = await import('#shared/use-cases/privacy-erase.ts');
  output.err(`Looking for every item that holds ${command.email}'s data (a full read of the table)…`);
  const plan = await planErasure(tableName, command.email);
  output.out(
    plan.held
      ? `Held: ${plan.applications} application(s) as a contact (${plan.runningJourneys} journey(s) still running, which would end as withdrawn), ${plan.manager ? 'a' : 'no'} manager profile, ${plan.queuedEmails} e-mail(s) queued to them.`
      : `Nothing is held about ${command.email}.`,
  );
  for (const refusal of plan.refusals) {
    output.err(
      refusal.reason === 'project_running'
        ? `Refused: project ${refusal.projectId} (application ${refusal.applicationId}) is still monitored under the programme; close it first (its data then expires with the programme's retention).`
        : refusal.reason === 'collaboration_running'
          ? `Refused: application ${refusal.applicationId}'s firm is invited to or takes part in collaboration ${refusal.collaborationId}, which still runs; erase once it has closed (or the firm has left it).`
          : `Refused: manager ${refusal.managerId} still follows ${refusal.engagements} firm(s); reassign or close those engagements first.`,
    );
  }
  if (plan.refusals.length > 0 && !command.yes) return 1;
  if (!command.yes) {
    if (plan.held) output.out('Nothing was changed. Run again with --yes to erase.');
    return 0;
  }

  const arn = await journeyStateMachineArn(context);
  if (!arn) {
    output.err(
      `Error: the journey's state machine of stage ${target.kind === 'aws' ? target.stage : 'dev'} was not found; nothing was changed.`,
    );
    return 1;
  }
  const result = await erasePersonalData(
    {
      tableName,
      journeyStateMachineArn: arn,
      actor: 'cli',
    },
    command.email,
  );
  if (result.outcome === 'refused') {
    output.err('Nothing was changed; the refusal is recorded in the audit trail.');
    return 1;
  }
  let outboxCopies = '';
  if (target.kind === 'local' && result.terms.length > 0) {
    const outbox = command.outbox ?? defaultLocalOutbox;
    try {
      const response = await fetch(`${outbox.replace(/\/+$/, '')}/erase`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          addresses: result.terms.filter((term) => term.includes('@')),
          terms: result.terms,
        }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { erased } = (await response.json()) as { erased: number };
      outboxCopies = `, ${erased} outbox cop${erased === 1 ? 'y' : 'ies'} removed`;
    } catch (error) {
      output.err(
        `Warning: the local outbox at ${outbox} did not answer (${(error as Error).message}): its copies stay; pass --outbox URL.`,
      );
    }
  }
  output.out(
    result.outcome === 'nothing_held'
      ? `Nothing left to erase about ${command.email}; the request is recorded in the audit trail.`
      : `Erased: ${result.items} item(s) anonymised, ${plan.runningJourneys} journey(s) withdrawn, ${result.links} link(s) deleted${outboxCopies}. Recorded in the audit trail, without the data.`,
  );
  return 0;
}
