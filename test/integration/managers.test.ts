// The manager registry and capacity reservations against DynamoDB Local: idempotent reserve and
// release, no overbooking under concurrency, and the online matcher's choices. Every test makes
// its own managers (random IDs) and passes them as candidates, so tests never touch each other's.
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { documentClient } from '#shared/data/client.ts';
import {
  findAndReserveManager,
  getManager,
  listManagersByStatus,
  putManager,
  releaseManagerCapacity,
  reserveManagerCapacity,
} from '#shared/data/managers.ts';
import { keys } from '#shared/data/table-design.ts';
import type { Manager } from '#shared/domain/manager.ts';
import type { SmeProfile } from '#shared/domain/matching.ts';
import { randomVatNumber } from '../support/fixtures.ts';

const tableName = process.env.TABLE_NAME ?? '';
if (!tableName) throw new Error('TABLE_NAME is not set: run this file in the integration project');

const at = '2026-03-02T10:00:00.000Z';

/** A fresh active manager (new ID) in precision mechanics, Milan; override what the test needs. */
function newManager(overrides: Partial<Manager> = {}): Manager {
  return {
    managerId: randomUUID(),
    name: 'Roberto Sala',
    email: 'roberto.sala@example.it',
    languages: ['it'],
    atecoSections: ['C'],
    atecoDivisions: ['28'],
    competences: ['digital'],
    provinces: ['MI'],
    capacity: 2,
    load: 0,
    merit: 75,
    status: 'active',
    conflicts: [],
    createdAt: '2026-02-01T08:30:00.000Z',
    ...overrides,
  };
}

/** A fresh SME (new application, new Partita IVA): metalworking in Milan wanting digital help. */
function newSme(overrides: Partial<SmeProfile> = {}): SmeProfile {
  return {
    applicationId: randomUUID(),
    vatNumber: randomVatNumber(),
    atecoSection: 'C',
    atecoDivision: '25',
    atecoCode: '25.62.00',
    province: 'MI',
    language: 'it',
    interests: ['digital'],
    ...overrides,
  };
}

async function stored(...managers: Manager[]): Promise<Manager[]> {
  return Promise.all(managers.map((manager) => putManager(tableName, manager)));
}

async function loadOf(managerId: string): Promise<number | undefined> {
  return (await getManager(tableName, managerId))?.load;
}

/** The reservation items under a manager, read consistently. */
async function reservationsOf(managerId: string): Promise<string[]> {
  const { Items } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.manager(managerId).pk, ':prefix': 'RESERVATION#' },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((item) => item.applicationId as string);
}

describe('manager registry', () => {
  it('stores a manager and reads it back as written, without the table’s attributes', async () => {
    // Prepare
    const manager = newManager({ phone: '+39 02 1234567', cv: 'Direttore tecnico.' });

    // Act
    await putManager(tableName, manager);
    const read = await getManager(tableName, manager.managerId);

    // Assess
    expect(read).toEqual({ ...manager, phone: '+39021234567' });
    expect(await getManager(tableName, randomUUID())).toBeUndefined();
  });

  it('lists managers by status and moves a manager between lists when the status changes', async () => {
    // Prepare
    const [manager] = await stored(newManager({ status: 'pending_vetting', merit: 0 }));
    const ids = async (status: Manager['status']) =>
      (await listManagersByStatus(tableName, status)).map((m) => m.managerId);

    // Act
    const pendingBefore = await ids('pending_vetting');
    await putManager(tableName, { ...manager!, status: 'active', merit: 84 });
    const pendingAfter = await ids('pending_vetting');
    const active = await listManagersByStatus(tableName, 'active');

    // Assess
    expect(pendingBefore).toContain(manager!.managerId);
    expect(pendingAfter).not.toContain(manager!.managerId);
    expect(active.find((m) => m.managerId === manager!.managerId)).toMatchObject({
      status: 'active',
      merit: 84,
    });
  });

  it('lists every page of a status partition', async () => {
    // Prepare: enough inactive managers with long CVs to need more than one 1 MB page.
    const cv = 'x'.repeat(3900);
    const many = Array.from({ length: 300 }, () => newManager({ status: 'inactive', cv }));
    for (let i = 0; i < many.length; i += 25) await stored(...many.slice(i, i + 25));

    // Act
    const listed = new Set((await listManagersByStatus(tableName, 'inactive')).map((m) => m.managerId));

    // Assess
    expect(many.every((manager) => listed.has(manager.managerId))).toBe(true);
  });

  it('keeps the live load and the registration date when a profile is written again, and drops removed fields', async () => {
    // Prepare
    const [manager] = await stored(newManager({ capacity: 3, cv: 'Prima versione.' }));
    await reserveManagerCapacity(tableName, {
      managerId: manager!.managerId,
      applicationId: randomUUID(),
      at,
    });

    // Act
    const { cv: _dropped, ...withoutCv } = manager!;
    const rewritten = await putManager(tableName, {
      ...withoutCv,
      load: 0,
      capacity: 4,
      createdAt: '2030-01-01T00:00:00.000Z',
    });

    // Assess
    expect(rewritten).toMatchObject({ load: 1, capacity: 4, createdAt: manager!.createdAt });
    expect(rewritten).not.toHaveProperty('cv');
    expect(await loadOf(manager!.managerId)).toBe(1);
  });
});

describe('reserveManagerCapacity', () => {
  it('reserves once per application: repeating the reservation changes nothing', async () => {
    // Prepare
    const [manager] = await stored(newManager({ capacity: 2 }));
    const request = { managerId: manager!.managerId, applicationId: randomUUID(), at };

    // Act
    const first = await reserveManagerCapacity(tableName, request);
    const second = await reserveManagerCapacity(tableName, request);
    const third = await reserveManagerCapacity(tableName, request);

    // Assess
    expect([first, second, third]).toEqual(['reserved', 'already_reserved', 'already_reserved']);
    expect(await loadOf(manager!.managerId)).toBe(1);
    expect(await reservationsOf(manager!.managerId)).toEqual([request.applicationId]);
  });

  it('answers already_reserved for a repeated reservation even when the manager is now full', async () => {
    // Prepare
    const [manager] = await stored(newManager({ capacity: 1 }));
    const request = { managerId: manager!.managerId, applicationId: randomUUID(), at };
    await reserveManagerCapacity(tableName, request);

    // Act
    const repeated = await reserveManagerCapacity(tableName, request);

    // Assess
    expect(repeated).toBe('already_reserved');
    expect(await loadOf(manager!.managerId)).toBe(1);
  });

  it('refuses a full, inactive, pending or unknown manager without changing anything', async () => {
    // Prepare
    const [full, inactive, pending] = await stored(
      newManager({ capacity: 1 }),
      newManager({ status: 'inactive' }),
      newManager({ status: 'pending_vetting' }),
    );
    await reserveManagerCapacity(tableName, { managerId: full!.managerId, applicationId: randomUUID(), at });

    // Act
    const outcomes = await Promise.all(
      [full!.managerId, inactive!.managerId, pending!.managerId, randomUUID()].map((managerId) =>
        reserveManagerCapacity(tableName, { managerId, applicationId: randomUUID(), at }),
      ),
    );

    // Assess
    expect(outcomes).toEqual(['no_capacity', 'no_capacity', 'no_capacity', 'no_capacity']);
    expect(await loadOf(full!.managerId)).toBe(1);
    expect(await reservationsOf(full!.managerId)).toHaveLength(1);
    expect(await loadOf(inactive!.managerId)).toBe(0);
    expect(await reservationsOf(inactive!.managerId)).toEqual([]);
  });

  it('retries a reservation that DynamoDB cancelled because another transaction held the item', async () => {
    // Prepare: the first attempt is cancelled with TransactionConflict, as DynamoDB does (Local does not).
    const [manager] = await stored(newManager({ capacity: 1 }));
    const conflict = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
    });
    const send = vi.spyOn(documentClient, 'send').mockRejectedValueOnce(conflict);

    // Act
    let outcome: string;
    let attempts: number;
    try {
      outcome = await reserveManagerCapacity(tableName, {
        managerId: manager!.managerId,
        applicationId: randomUUID(),
        at,
      });
      attempts = send.mock.calls.length;
    } finally {
      send.mockRestore();
    }

    // Assess
    expect(outcome).toBe('reserved');
    expect(attempts).toBe(2);
    expect(await loadOf(manager!.managerId)).toBe(1);
  });

  it('grants exactly the capacity when 30 applications reserve the same manager at once', async () => {
    // Prepare
    const [manager] = await stored(newManager({ capacity: 3 }));

    // Act
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        reserveManagerCapacity(tableName, { managerId: manager!.managerId, applicationId: randomUUID(), at }),
      ),
    );

    // Assess
    expect(outcomes.filter((outcome) => outcome === 'reserved')).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === 'no_capacity')).toHaveLength(27);
    expect(await loadOf(manager!.managerId)).toBe(3);
    expect(await reservationsOf(manager!.managerId)).toHaveLength(3);
  });
});

describe('releaseManagerCapacity', () => {
  it('releases once: repeating the release changes nothing, and the freed unit can be reserved again', async () => {
    // Prepare
    const [manager] = await stored(newManager({ capacity: 1 }));
    const request = { managerId: manager!.managerId, applicationId: randomUUID(), at };
    await reserveManagerCapacity(tableName, request);

    // Act
    const first = await releaseManagerCapacity(tableName, request);
    const second = await releaseManagerCapacity(tableName, request);
    const loadAfterRelease = await loadOf(manager!.managerId);
    const next = await reserveManagerCapacity(tableName, {
      managerId: manager!.managerId,
      applicationId: randomUUID(),
      at,
    });

    // Assess
    expect([first, second]).toEqual(['released', 'not_reserved']);
    expect(loadAfterRelease).toBe(0);
    expect(next).toBe('reserved');
    expect(await loadOf(manager!.managerId)).toBe(1);
  });

  it('does not touch the load when the application holds no reservation with the manager', async () => {
    // Prepare
    const [manager] = await stored(newManager({ capacity: 2 }));
    await reserveManagerCapacity(tableName, {
      managerId: manager!.managerId,
      applicationId: randomUUID(),
      at,
    });

    // Act
    const outcome = await releaseManagerCapacity(tableName, {
      managerId: manager!.managerId,
      applicationId: randomUUID(),
    });

    // Assess
    expect(outcome).toBe('not_reserved');
    expect(await loadOf(manager!.managerId)).toBe(1);
  });
});

describe('findAndReserveManager', () => {
  it('reserves together with the offer or not at all: of two runs at once, one offer and one unit of load', async () => {
    // Prepare: the "offer" is a marker item that may be written once (like the application's
    // offer, whose condition refuses a second one)
    const sme = newSme();
    const candidates = await stored(newManager({ atecoDivisions: ['25'] }), newManager({ merit: 10 }));
    const marker = { pk: `TEST#${sme.applicationId}`, sk: 'OFFER' };
    const together = ({ managerId }: { managerId: string }) => ({
      Put: {
        TableName: tableName,
        Item: { ...marker, managerId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });

    // Act
    const outcomes = await Promise.all(
      [1, 2].map(() => findAndReserveManager(tableName, sme, [], { candidates, at, together })),
    );

    // Assess: one run reserved and wrote its offer; the other wrote nothing (no manager's load
    // holds a unit without an offer)
    const reserved = outcomes.filter((outcome) => typeof outcome === 'object');
    expect(reserved).toHaveLength(1);
    expect(outcomes).toContain('together_refused');
    const offer = await documentClient.send(new GetCommand({ TableName: tableName, Key: marker }));
    expect(offer.Item?.managerId).toBe(candidates[0]!.managerId);
    expect(await loadOf(candidates[0]!.managerId)).toBe(1);
    expect(await loadOf(candidates[1]!.managerId)).toBe(0);
    expect(await reservationsOf(candidates[1]!.managerId)).toEqual([]);
  });

  it('keeps to the programme’s roster', async () => {
    // Prepare: the better fit is not on the roster
    const sme = newSme();
    const [best, onRoster] = await stored(
      newManager({ atecoDivisions: ['25'], merit: 95 }),
      newManager({ atecoDivisions: ['62'], merit: 40 }),
    );

    // Act
    const match = await findAndReserveManager(tableName, sme, [], {
      candidates: [best!, onRoster!],
      at,
      roster: [onRoster!.managerId],
    });

    // Assess
    expect(match?.managerId).toBe(onRoster!.managerId);
    expect(await loadOf(best!.managerId)).toBe(0);
  });

  it('reserves the best eligible manager and returns the score behind the choice', async () => {
    // Prepare
    const sme = newSme();
    const candidates = await stored(
      newManager({ atecoDivisions: ['25'], merit: 70 }),
      newManager({ atecoDivisions: ['62'], atecoSections: ['K'], merit: 95 }),
    );

    // Act
    const match = await findAndReserveManager(tableName, sme, [], { candidates, at });

    // Assess
    expect(match).toMatchObject({ managerId: candidates[0]!.managerId, outcome: 'reserved' });
    expect(match?.score.parts.sector).toBe(35);
    expect(await reservationsOf(candidates[0]!.managerId)).toEqual([sme.applicationId]);
    expect(await loadOf(candidates[1]!.managerId)).toBe(0);
  });

  it('never chooses an inactive or conflicted manager, however well they fit', async () => {
    // Prepare
    const sme = newSme();
    const ideal = { atecoDivisions: ['25'], competences: ['digital' as const], merit: 100 };
    const [inactive, conflicted, modest] = await stored(
      newManager({ ...ideal, status: 'inactive' }),
      newManager({ ...ideal, conflicts: [sme.vatNumber] }),
      newManager({ atecoSections: ['G'], atecoDivisions: ['46'], merit: 60, provinces: ['SO'] }),
    );

    // Act
    const withModest = await findAndReserveManager(tableName, sme, [], {
      candidates: [inactive!, conflicted!, modest!],
    });
    const withoutModest = await findAndReserveManager(tableName, newSme({ vatNumber: sme.vatNumber }), [], {
      candidates: [inactive!, conflicted!],
    });

    // Assess
    expect(withModest?.managerId).toBe(modest!.managerId);
    expect(withoutModest).toBeUndefined();
    expect(await loadOf(inactive!.managerId)).toBe(0);
    expect(await loadOf(conflicted!.managerId)).toBe(0);
    expect(await reservationsOf(conflicted!.managerId)).toEqual([]);
  });

  it('skips the managers already tried for this journey', async () => {
    // Prepare
    const sme = newSme();
    const [tried, next] = await stored(newManager({ atecoDivisions: ['25'] }), newManager());

    // Act
    const match = await findAndReserveManager(tableName, sme, [tried!.managerId], {
      candidates: [tried!, next!],
    });
    const nobodyLeft = await findAndReserveManager(
      tableName,
      newSme(),
      new Set([tried!.managerId, next!.managerId]),
      {
        candidates: [tried!, next!],
      },
    );

    // Assess
    expect(match?.managerId).toBe(next!.managerId);
    expect(nobodyLeft).toBeUndefined();
  });

  it('falls to the next candidate when the best one filled up after the list was read', async () => {
    // Prepare: the candidate list still shows the best manager idle, but the table says full.
    const [best, second] = await stored(
      newManager({ atecoDivisions: ['25'], capacity: 1 }),
      newManager({ capacity: 1 }),
    );
    await reserveManagerCapacity(tableName, { managerId: best!.managerId, applicationId: randomUUID(), at });

    // Act
    const match = await findAndReserveManager(tableName, newSme(), [], { candidates: [best!, second!] });

    // Assess
    expect(match?.managerId).toBe(second!.managerId);
    expect(await loadOf(best!.managerId)).toBe(1);
    expect(await loadOf(second!.managerId)).toBe(1);
  });

  it('returns the manager already reserved when a call is repeated, and reserves nobody else', async () => {
    // Prepare: the first call takes the best manager's only unit.
    const sme = newSme();
    const [best, second] = await stored(newManager({ atecoDivisions: ['25'], capacity: 1 }), newManager());
    const first = await findAndReserveManager(tableName, sme, [], { candidates: [best!, second!] });
    const fresh = await Promise.all([
      getManager(tableName, best!.managerId),
      getManager(tableName, second!.managerId),
    ]);

    // Act
    const repeated = await findAndReserveManager(tableName, sme, [], { candidates: fresh as Manager[] });

    // Assess
    expect(first).toMatchObject({ managerId: best!.managerId, outcome: 'reserved' });
    expect(repeated).toMatchObject({ managerId: best!.managerId, outcome: 'already_reserved' });
    expect(await loadOf(best!.managerId)).toBe(1);
    expect(await loadOf(second!.managerId)).toBe(0);
  });

  it('finds the earlier reservation among more than 100 candidates', async () => {
    // Prepare: the held manager sits in the second batch of reservation look-ups.
    const sme = newSme();
    const [holder] = await stored(newManager({ capacity: 1 }));
    await reserveManagerCapacity(tableName, {
      managerId: holder!.managerId,
      applicationId: sme.applicationId,
      at,
    });
    const others = Array.from({ length: 149 }, () => newManager({ atecoDivisions: ['25'] }));
    const candidates = [...others.slice(0, 130), { ...holder!, load: 0 }, ...others.slice(130)];

    // Act
    const repeated = await findAndReserveManager(tableName, sme, [], { candidates });

    // Assess
    expect(repeated).toMatchObject({ managerId: holder!.managerId, outcome: 'already_reserved' });
    expect(await loadOf(holder!.managerId)).toBe(1);
  });

  it.each([
    { calls: 50, capacities: [2, 2, 2, 2, 2] },
    { calls: 100, capacities: [1, 2, 3, 4, 5, 5] },
  ])(
    'grants exactly the total capacity when $calls applications look for a manager at once (capacities $capacities)',
    async ({ calls, capacities }) => {
      // Prepare
      const candidates = await stored(...capacities.map((capacity) => newManager({ capacity })));
      const total = capacities.reduce((sum, capacity) => sum + capacity, 0);
      const smes = Array.from({ length: calls }, () => newSme());

      // Act
      const matches = await Promise.all(
        smes.map((sme) => findAndReserveManager(tableName, sme, [], { candidates, at })),
      );

      // Assess
      const granted = matches.filter((match) => match !== undefined);
      expect(granted).toHaveLength(total);
      for (const manager of candidates) {
        const load = await loadOf(manager.managerId);
        const reservations = await reservationsOf(manager.managerId);
        expect(load).toBeLessThanOrEqual(manager.capacity);
        expect(load).toBe(manager.capacity);
        expect(reservations).toHaveLength(load!);
        expect(granted.filter((match) => match.managerId === manager.managerId)).toHaveLength(load!);
      }
    },
  );
});
