// What the programme office sees and does about collaboration between firms: the programme's
// opportunities and collaborations with their figures, one collaboration with its verifications,
// and the network contract (its content, the printable draft, then signature and registry filing).
import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import {
  type CycleReportRecord,
  getCollaboration,
  listCycleReports,
  recordContractSignature,
  saveNetworkContract,
} from '#shared/data/collaborations.ts';
import { getManager, listManagersByStatus } from '#shared/data/managers.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import type { AuditActor } from '#shared/domain/audit.ts';
import {
  type CollaborationFigures,
  type CollaborationRecord,
  collaborationFigures,
  contractSignatureSchema,
  networkContractSchema,
} from '#shared/domain/collaboration.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { isProgrammeManager, type ProgrammeOpportunities, programmeOpportunities } from './collaboration.ts';

export interface CollaborationsOverview extends ProgrammeOpportunities {
  readonly figures: CollaborationFigures;
  /** The managers the office may choose as coordinator. */
  readonly coordinators: readonly { managerId: string; name: string }[];
}

/** The programme's opportunities, its collaborations and their figures, and the possible coordinators. */
export async function collaborationsOverview(
  tableName: string,
  programme: Programme,
): Promise<CollaborationsOverview> {
  const [found, managers] = await Promise.all([
    programmeOpportunities(tableName, programme),
    listManagersByStatus(tableName, 'active'),
  ]);
  return {
    ...found,
    figures: collaborationFigures(found.collaborations, found.firmCount),
    coordinators: managers
      .filter((m) => isProgrammeManager(m, programme))
      .map((m) => ({ managerId: m.managerId, name: m.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
  };
}

export interface CollaborationDetail {
  readonly collaboration: CollaborationRecord;
  readonly programme: Programme;
  readonly reports: readonly CycleReportRecord[];
  readonly coordinatorName: string;
}

/** One collaboration with its programme, its verifications and its coordinator's name. */
export async function collaborationDetail(
  tableName: string,
  collaborationId: string,
): Promise<CollaborationDetail | undefined> {
  const collaboration = await getCollaboration(tableName, collaborationId);
  const programme = collaboration ? await getProgramme(tableName, collaboration.programmeId) : undefined;
  if (!collaboration || !programme) return undefined;
  const [reports, coordinator] = await Promise.all([
    listCycleReports(tableName, collaborationId),
    getManager(tableName, collaboration.coordinatorManagerId),
  ]);
  return { collaboration, programme, reports, coordinatorName: coordinator?.name ?? '—' };
}

export type ContractOutcome =
  | { readonly outcome: 'saved' | 'signed' }
  | { readonly outcome: 'invalid'; readonly issues: z.core.$ZodIssue[] }
  | { readonly outcome: 'not_found' | 'not_started' | 'already_signed' | 'no_content' };

/** Members who took part: the only firms a contract may name. */
const participants = (collaboration: CollaborationRecord) =>
  new Set(
    Object.values(collaboration.members)
      .filter((m) => m.status === 'joined')
      .map((m) => m.applicationId),
  );

const issue = (path: (string | number)[], message: string) =>
  ({ code: 'custom', path, message, input: undefined }) as unknown as z.core.$ZodIssue;

/**
 * The office fills (or corrects, until it is signed) the network contract of a collaboration that
 * started; a common fund's contributions may name only its members.
 */
export async function saveContract(
  tableName: string,
  collaborationId: string,
  raw: unknown,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<ContractOutcome> {
  const collaboration = await getCollaboration(tableName, collaborationId);
  if (!collaboration) return { outcome: 'not_found' };
  if (collaboration.status === 'inviting' || collaboration.status === 'not_started')
    return { outcome: 'not_started' };
  const parsed = networkContractSchema.safeParse(raw);
  if (!parsed.success) return { outcome: 'invalid', issues: parsed.error.issues };
  const members = participants(collaboration);
  const strangers = Object.keys(parsed.data.commonFund?.contributionsEur ?? {}).filter(
    (id) => !members.has(id),
  );
  if (strangers.length > 0)
    return {
      outcome: 'invalid',
      issues: strangers.map((id) =>
        issue(['commonFund', 'contributionsEur', id], 'validation.collaboration.notMember'),
      ),
    };
  const saved = await saveNetworkContract(tableName, collaborationId, parsed.data, {
    eventId: randomUUID(),
    at: now.toISOString(),
    programmeId: collaboration.programmeId,
    subject: { kind: 'collaboration', id: collaborationId },
    actor,
    action: 'collaboration.contract',
    after: 'drafted',
  });
  return { outcome: saved ? 'saved' : 'already_signed' };
}

/** Records the contract's signature and filing, once; the signatories must be members. */
export async function signContract(
  tableName: string,
  collaborationId: string,
  raw: unknown,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<ContractOutcome> {
  const collaboration = await getCollaboration(tableName, collaborationId);
  if (!collaboration) return { outcome: 'not_found' };
  if (collaboration.signature) return { outcome: 'already_signed' };
  if (!collaboration.contract) return { outcome: 'no_content' };
  const parsed = contractSignatureSchema.safeParse(raw);
  if (!parsed.success) return { outcome: 'invalid', issues: parsed.error.issues };
  const members = participants(collaboration);
  const problems = [
    ...parsed.data.signatories.flatMap((id, i) =>
      members.has(id) ? [] : [issue(['signatories', i], 'validation.collaboration.notMember')],
    ),
    ...(new Set(parsed.data.signatories).size !== parsed.data.signatories.length
      ? [issue(['signatories'], 'validation.duplicates')]
      : []),
    ...(parsed.data.filedOn < parsed.data.signedOn
      ? [issue(['filedOn'], 'validation.collaboration.filedBeforeSigned')]
      : []),
  ];
  if (problems.length > 0) return { outcome: 'invalid', issues: problems };
  const signed = await recordContractSignature(tableName, collaborationId, parsed.data, {
    eventId: randomUUID(),
    at: now.toISOString(),
    programmeId: collaboration.programmeId,
    subject: { kind: 'collaboration', id: collaborationId },
    actor,
    action: 'collaboration.contract',
    after: 'signed',
  });
  return { outcome: signed ? 'signed' : 'already_signed' };
}
