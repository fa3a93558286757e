// Programmes and their counters in the table; a programme not stored yet falls back to its preset.
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#shared/domain/audit.ts';
import { type Programme, programmeSchema } from '#shared/domain/programme.ts';
import { findPreset, programmePresets } from '#shared/programmes/presets.ts';
import { auditEventPut } from './audit.ts';
import { documentClient, queryGsi1 } from './client.ts';
import { keys, placeClaim } from './table-design.ts';

/** Counters maintained atomically by the writes that move them (never recomputed by scanning). */
export interface ProgrammeCounters {
  readonly applications: number;
  readonly eligible: number;
  /** Assessment places given on arrival (claimQuotaPlace), less those of applications screened out. */
  readonly placesClaimed?: number;
  readonly ineligible: number;
  /** The budget committed to approvals (less what went back). */
  readonly budgetCommittedEur?: number;
  /** Services programmes: services delivered and not, the value and aid delivered. */
  readonly servicesDelivered?: number;
  readonly servicesNotDelivered?: number;
  readonly servicesDeliveredEur?: number;
  readonly servicesAidEur?: number;
  readonly [ineligibleByReason: `ineligible_${string}`]: number;
}

/**
 * Reads a programme: the stored item, else the preset with that ID, else undefined.
 * @param tableName - the main table
 */
export async function getProgramme(tableName: string, programmeId: string): Promise<Programme | undefined> {
  return (await getProgrammeStored(tableName, programmeId)) ?? findPreset(programmeId);
}

/** The programme from its item read elsewhere (a batch), else its preset, else undefined. */
export function programmeFromItemOrPreset(
  programmeId: string,
  item: Record<string, unknown> | undefined,
): Programme | undefined {
  return item ? fromItem(item) : findPreset(programmeId);
}

/** The programme as stored in the table, or undefined (no preset fallback). */
export async function getProgrammeStored(
  tableName: string,
  programmeId: string,
): Promise<Programme | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.programme(programmeId), ConsistentRead: true }),
  );
  return Item ? fromItem(Item) : undefined;
}

function fromItem(item: Record<string, unknown>): Programme {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, ...programme } = item;
  return programmeSchema.parse(programme);
}

/** Every programme: the stored ones, and the presets not stored (as getProgramme reads them), by ID. */
export async function listProgrammes(tableName: string): Promise<Programme[]> {
  const stored = (await queryGsi1(tableName, keys.programmesList('').gsi1pk)).map(fromItem);
  const ids = new Set(stored.map((programme) => programme.id));
  return [...stored, ...programmePresets().filter((preset) => !ids.has(preset.id))].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
}

/** Stores (creates or replaces) a programme after validating it. */
export async function putProgramme(
  tableName: string,
  programme: Programme,
  /** Who loaded or changed it, recorded in the same transaction. */
  audit?: Omit<AuditEvent, 'eventId'>,
): Promise<void> {
  const valid = programmeSchema.parse(programme);
  const put = {
    TableName: tableName,
    Item: { ...keys.programme(valid.id), ...keys.programmesList(valid.id), ...valid },
  };
  if (audit)
    await documentClient.send(
      new TransactWriteCommand({ TransactItems: [{ Put: put }, auditEventPut(tableName, audit)] }),
    );
  else await documentClient.send(new PutCommand(put));
}

/** The programme's counters; zero for counters never moved. */
export async function getProgrammeCounters(
  tableName: string,
  programmeId: string,
): Promise<ProgrammeCounters> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.programmeCounters(programmeId), ConsistentRead: true }),
  );
  // lastArrivalAt (the place claim's acknowledgement stamp) and the claims in progress ride on the
  // item; they are not counters.
  const { pk: _pk, sk: _sk, lastArrivalAt: _lastArrivalAt, ...counters } = Item ?? {};
  const onlyCounters = Object.entries(counters).filter(([name]) => !placeClaim.is(name));
  return {
    applications: 0,
    eligible: 0,
    ineligible: 0,
    ...Object.fromEntries(onlyCounters),
  } as ProgrammeCounters;
}
