// Places under a programme's quota go in the order applications arrive: each is claimed when the
// application is acknowledged, and screening (which may run in any order, later, from a busy
// workflow engine) honours it. The status page tells the place while the application waits.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { abandonedClaimMinutes, claimQuotaPlace, getApplication } from '#shared/data/applications.ts';
import { documentClient } from '#shared/data/client.ts';
import { getProgrammeCounters } from '#shared/data/programmes.ts';
import { keys, placeClaim } from '#shared/data/table-design.ts';
import { screenApplication } from '#shared/use-cases/screen-application.ts';
import { eventually } from '../support/fixtures.ts';
import { apply, newManager, newProgramme, tableName } from '../support/journey-kit.ts';

const screened = (applicationId: string) =>
  eventually(async () => {
    const application = await getApplication(tableName, applicationId);
    return application && application.status !== 'submitted' ? application : undefined;
  }, 20_000);

describe('places under a quota', { timeout: 90_000 }, () => {
  it('go in the order applications arrive, even when the last one is screened first', async () => {
    // Prepare: two places
    const manager = await newManager({ capacity: 5 });
    const programme = await newProgramme([manager], { quotas: { assessments: 2 } });

    // Act: three firms apply one after the other; the last one's screening is run at once, before
    // its journey gets there, then the others' in reverse order
    const first = await apply(programme.id);
    const second = await apply(programme.id);
    const third = await apply(programme.id);
    const placesOnArrival = await Promise.all(
      [first, second, third].map(
        async (sme) => (await getApplication(tableName, sme.applicationId))?.quotaPlace,
      ),
    );
    const thirdScreening = await screenApplication(
      { applicationId: third.applicationId, programmeId: programme.id },
      { tableName },
    );
    const secondScreening = await screenApplication(
      { applicationId: second.applicationId, programmeId: programme.id },
      { tableName },
    );
    const firstScreening = await screenApplication(
      { applicationId: first.applicationId, programmeId: programme.id },
      { tableName },
    );

    // Assess
    expect(placesOnArrival).toEqual([1, 2, null]);
    expect([firstScreening, secondScreening, thirdScreening]).toEqual([
      { eligible: true },
      { eligible: true },
      { eligible: false, reason: 'quota_exhausted' },
    ]);
    expect((await screened(third.applicationId)).ineligibilityReason).toBe('quota_exhausted');
    expect((await screened(first.applicationId)).status).not.toBe('ineligible');
  });

  it('are never given twice when many firms apply at the same moment', async () => {
    // Prepare: three places, twelve firms at once
    const manager = await newManager({ capacity: 20 });
    const programme = await newProgramme([manager], { quotas: { assessments: 3 } });

    // Act
    const firms = await Promise.all(Array.from({ length: 12 }, () => apply(programme.id)));
    const places = await Promise.all(
      firms.map(async (sme) => (await getApplication(tableName, sme.applicationId))?.quotaPlace),
    );

    // Assess
    expect(places.filter((place) => typeof place === 'number').sort()).toEqual([1, 2, 3]);
    expect(places.filter((place) => place === null)).toHaveLength(9);
    const outcomes = await Promise.all(firms.map(async (sme) => (await screened(sme.applicationId)).status));
    expect(outcomes.filter((status) => status === 'ineligible')).toHaveLength(9);
  });

  it('agree with the acknowledgement times when many firms apply at the same moment', async () => {
    // Prepare: ten places, forty firms at once (each intake reads its own clock before its claim)
    const manager = await newManager({ capacity: 50 });
    const programme = await newProgramme([manager], { quotas: { assessments: 10 } });

    // Act
    const firms = await Promise.all(Array.from({ length: 40 }, () => apply(programme.id)));
    const stored = await Promise.all(firms.map((sme) => getApplication(tableName, sme.applicationId)));

    // Assess: by acknowledgement time (the same millisecond is simultaneous), places only grow,
    // and no firm turned away was acknowledged before the last place was given
    const byTime = stored
      .flatMap((a) => (a ? [{ at: a.submittedAt, place: a.quotaPlace ?? null }] : []))
      .sort((a, b) => a.at.localeCompare(b.at) || (a.place ?? 0) - (b.place ?? 0));
    const places = byTime.flatMap((a) => (a.place === null ? [] : [a.place]));
    expect(places).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const lastPlaced = byTime.filter((a) => a.place !== null).at(-1)?.at ?? '';
    expect(byTime.filter((a) => a.place === null && a.at < lastPlaced)).toEqual([]);
  });

  it('never stamp an arrival before one already stamped (an intake whose clock is behind)', async () => {
    // Prepare: two places
    const programme = await newProgramme([await newManager()], { quotas: { assessments: 2 } });

    // Act: an intake acknowledges at 10:00:01; one whose clock says 10:00:00.5 claims next, then one
    // finds the places gone
    const claim = (at: string) =>
      claimQuotaPlace(tableName, programme.id, 2, at, { applicationId: randomUUID(), claimedAt: new Date() });
    const ahead = await claim('2026-12-05T10:00:01.000Z');
    const behind = await claim('2026-12-05T10:00:00.500Z');
    const late = await claim('2026-12-05T10:00:00.700Z');

    // Assess
    expect(ahead).toEqual({ place: 1, at: '2026-12-05T10:00:01.000Z' });
    expect(behind).toEqual({ place: 2, at: '2026-12-05T10:00:01.000Z' });
    expect(late).toEqual({ place: undefined, at: '2026-12-05T10:00:01.000Z' });
  });

  it('given to an intake that died before storing its application go back once no intake could still store it', async () => {
    // Prepare: two places; one claimed twenty minutes ago by an intake that never stored its
    // application (killed between the claim and the write), one claimed just now by one still running
    const programme = await newProgramme([await newManager()], { quotas: { assessments: 2 } });
    const abandonedAt = new Date(Date.now() - (abandonedClaimMinutes + 10) * 60_000);
    const abandoned = await claimQuotaPlace(tableName, programme.id, 2, abandonedAt.toISOString(), {
      applicationId: randomUUID(),
      claimedAt: abandonedAt,
    });
    const running = await claimQuotaPlace(tableName, programme.id, 2, new Date().toISOString(), {
      applicationId: randomUUID(),
      claimedAt: new Date(),
    });

    // Act: two firms apply at once with every place taken
    const [first, second] = await Promise.all([apply(programme.id, 'en'), apply(programme.id, 'en')]);

    // Assess: the abandoned place went to one of them (given back once), the running intake's stays
    expect([abandoned.place, running.place]).toEqual([1, 2]);
    const places = await Promise.all(
      [first, second].map(async (sme) => (await screened(sme.applicationId))?.quotaPlace ?? null),
    );
    expect(places.filter((place) => place !== null)).toEqual([2]);
    const counters = await getProgrammeCounters(tableName, programme.id);
    expect(counters.placesClaimed).toBe(2);
    // The stored application's claim is settled; the running intake's is still there.
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.programmeCounters(programme.id),
        ConsistentRead: true,
      }),
    );
    expect(Object.keys(Item ?? {}).filter(placeClaim.is)).toHaveLength(1);
    expect(Object.keys(counters).filter(placeClaim.is)).toEqual([]);
  });

  it('are told on the status page while the application waits', async () => {
    // Prepare: one place, taken by the first firm; the second finds none left
    const manager = await newManager();
    const programme = await newProgramme([manager], { quotas: { assessments: 1 } });
    const holder = await apply(programme.id, 'en');
    const late = await apply(programme.id, 'en');

    // Act: the pages as the status page draws them for a waiting application
    const { StatusPage, renderPage } = await import('#shared/pages/index.ts');
    const { getProgramme } = await import('#shared/data/programmes.ts');
    const stored = await getProgramme(tableName, programme.id);
    const page = async (applicationId: string) => {
      const application = await getApplication(tableName, applicationId);
      if (!application || !stored) throw new Error('missing');
      return renderPage(
        StatusPage({
          lang: 'en',
          programme: stored,
          application: { ...application, status: 'submitted' },
          selfHref: '/status/x',
        }),
      );
    };

    // Assess
    expect(await page(holder.applicationId)).toContain(
      'Your application holds place 1 of the 1 assessment places: places go in the order applications arrive.',
    );
    expect(await page(late.applicationId)).toContain(
      'All 1 assessment places were already taken when your application arrived',
    );
  });
});
