// Loading programmes into the table (`npm run admin -- programmes load`): from a JSON file or
// the presets, every programme validated with programmeSchema first (one invalid and none is
// stored), then stored, reporting what changed field by field.
import { scanItems } from '#shared/data/client.ts';
import { getProgrammeStored, putProgramme } from '#shared/data/programmes.ts';
import { keys } from '#shared/data/table-design.ts';
import { type Programme, programmeSchema } from '#shared/domain/programme.ts';
import { programmePresets } from '#shared/programmes/presets.ts';

/** A problem with one programme of the input: which one (index, and id when readable), where, what. */
export interface ProgrammeProblem {
  /** Position in the input (0 for a single programme). */
  readonly index: number;
  readonly id?: string;
  /** Dotted path of the field ("quotas.assessments"), empty for the programme as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ProgrammesValidation =
  | { readonly ok: true; readonly programmes: readonly Programme[] }
  | { readonly ok: false; readonly problems: readonly ProgrammeProblem[] };

/**
 * Validates programmes read from a file: one programme object or an array of them. Two
 * programmes with the same id are a problem too.
 */
export function validateProgrammes(input: unknown): ProgrammesValidation {
  const list = Array.isArray(input) ? input : [input];
  const problems: ProgrammeProblem[] = [];
  const programmes: Programme[] = [];
  const seen = new Map<string, number>();
  list.forEach((candidate, index) => {
    const rawId =
      candidate !== null && typeof candidate === 'object' && 'id' in candidate ? candidate.id : undefined;
    const id = typeof rawId === 'string' ? rawId : undefined;
    const parsed = programmeSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ index, ...(id ? { id } : {}), path: issue.path.join('.'), message: issue.message });
      }
      return;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier !== undefined) {
      problems.push({
        index,
        id: parsed.data.id,
        path: 'id',
        message: `same id as programme #${earlier + 1}`,
      });
      return;
    }
    seen.set(parsed.data.id, index);
    programmes.push(parsed.data);
  });
  if (list.length === 0) problems.push({ index: 0, path: '', message: 'no programme in the input' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, programmes };
}

/** The presets by name: their ids ("sviluppo-pmi"). */
export function presetNames(): string[] {
  return programmePresets().map((preset) => preset.id);
}

/** One field that differs: its dotted path and the values before and after. */
export interface FieldChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The leaf fields that differ between two values (arrays compared whole). */
export function diffFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return names.flatMap((name) => diffFields(before[name], after[name], path ? `${path}.${name}` : name));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

export interface ProgrammeChange {
  readonly id: string;
  readonly action: 'create' | 'update' | 'unchanged';
  /** For an update, the fields that change. */
  readonly changes: readonly FieldChange[];
}

/**
 * Stores programmes (already validated), each replacing the stored one with its id. Counters and
 * applications are separate items and are not touched. Unchanged programmes are not written.
 * @param options.dryRun - report what would change, write nothing
 */
export async function loadProgrammes(
  tableName: string,
  programmes: readonly Programme[],
  options: { dryRun?: boolean } = {},
): Promise<ProgrammeChange[]> {
  const results: ProgrammeChange[] = [];
  for (const programme of programmes) {
    const valid = programmeSchema.parse(programme);
    const stored = await getProgrammeStored(tableName, valid.id);
    const changes = stored ? diffFields(stored, valid) : [];
    const action = !stored ? 'create' : changes.length > 0 ? 'update' : 'unchanged';
    if (action !== 'unchanged' && !options.dryRun)
      await putProgramme(tableName, valid, {
        at: new Date().toISOString(),
        programmeId: valid.id,
        subject: { kind: 'programme', id: valid.id },
        actor: 'cli',
        action: 'programme.loaded',
        before: stored ? 'present' : 'absent',
        after: action,
      });
    results.push({ id: valid.id, action, changes });
  }
  return results;
}

/**
 * Every programme stored in the table. Programmes have no index of their own, so this scans the
 * table for programme items: fine for an administrator's listing, not for a request path.
 * @returns the programmes, and the ids of stored items that no longer pass programmeSchema
 */
export async function listStoredProgrammes(
  tableName: string,
): Promise<{ programmes: Programme[]; unreadable: string[] }> {
  const programmes: Programme[] = [];
  const unreadable: string[] = [];
  const items = await scanItems(tableName, {
    expression: 'sk = :programme AND begins_with(pk, :prefix)',
    values: { ':programme': keys.programme('x').sk, ':prefix': 'PROGRAMME#' },
  });
  for (const { pk, sk: _sk, ...item } of items) {
    const parsed = programmeSchema.safeParse(item);
    if (parsed.success) programmes.push(parsed.data);
    else unreadable.push(String(pk).slice('PROGRAMME#'.length));
  }
  return { programmes: programmes.sort((a, b) => a.id.localeCompare(b.id)), unreadable: unreadable.sort() };
}
