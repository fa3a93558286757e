// The de minimis rule's arithmetic: the rolling three-year window (boundary dates, leap days),
// the single undertaking (linked firms' aid counts, others' does not), and the headroom.
import { describe, expect, it } from 'vitest';
import {
  type AidGrant,
  type AidRecord,
  aidOfFinancing,
  aidUsedInWindow,
  countedAid,
  deMinimisHeadroom,
  fitsDeMinimis,
  largestFinancingWithin,
  projectEndDate,
  singleUndertaking,
  stateAidSettingsSchema,
  undertakingHeadroom,
  windowStart,
} from '#shared/domain/state-aid.ts';

const firm = '01234567897';
const linked = '12345678903';
const stranger = '00743110157';

describe('de minimis', () => {
  it('opens the window on the same calendar date three years earlier, leap days included', () => {
    expect(windowStart('2027-03-15', 3)).toBe('2024-03-15');
    expect(windowStart('2028-02-29', 3)).toBe('2025-02-28');
    expect(windowStart('2028-02-29', 4)).toBe('2024-02-29');
    expect(() => windowStart('15/03/2027', 3)).toThrow(RangeError);
  });

  it('counts aid from the window’s first day to the grant’s day, and nothing outside', () => {
    const aids: AidRecord[] = [
      { vatNumber: firm, grantedOn: '2024-03-14', amountEur: 1_000 }, // the day before: out
      { vatNumber: firm, grantedOn: '2024-03-15', amountEur: 2_000 }, // the first day: in
      { vatNumber: firm, grantedOn: '2027-03-15', amountEur: 4_000 }, // the grant's day: in
      { vatNumber: firm, grantedOn: '2027-03-16', amountEur: 8_000 }, // later: out
    ];
    expect(aidUsedInWindow(aids, singleUndertaking(firm, []), '2027-03-15')).toBe(6_000);
  });

  it('adds the linked firms’ aid (written with or without IT) and leaves out other firms’', () => {
    const aids: AidRecord[] = [
      { vatNumber: firm, grantedOn: '2026-01-10', amountEur: 100_000.1 },
      { vatNumber: `IT${linked}`, grantedOn: '2026-06-01', amountEur: 150_000.2 },
      { vatNumber: stranger, grantedOn: '2026-06-01', amountEur: 290_000 },
    ];
    const headroom = deMinimisHeadroom(aids, singleUndertaking(firm, [linked]), '2027-01-01');
    expect(headroom).toEqual({ ceilingEur: 300_000, usedEur: 250_000.3, headroomEur: 49_999.7 });
    expect(fitsDeMinimis(headroom, 49_999.7)).toBe(true);
    expect(fitsDeMinimis(headroom, 49_999.71)).toBe(false);
  });

  it('has no headroom left once the ceiling is passed', () => {
    const aids: AidRecord[] = [{ vatNumber: firm, grantedOn: '2026-01-10', amountEur: 310_000 }];
    const headroom = deMinimisHeadroom(aids, singleUndertaking(firm, []), '2026-02-01');
    expect(headroom.headroomEur).toBe(0);
    expect(fitsDeMinimis(headroom, 0.01)).toBe(false);
  });

  it('counts as aid the assessment’s value and the programme’s share of the financing, in exact cents', () => {
    const settings = stateAidSettingsSchema.parse({
      regime: 'de_minimis',
      aidValues: { assessmentEur: 2_500.1, financingPercent: 40 },
    });
    expect(aidOfFinancing(settings, 10_000.05)).toBe(6_500.12);
    expect(largestFinancingWithin(settings, 6_500.12)).toBe(10_000.05);
    expect(largestFinancingWithin(settings, 2_000)).toBe(0);
    expect(stateAidSettingsSchema.parse({ regime: 'none' })).toEqual({
      regime: 'none',
      ceilingEur: 300_000,
      windowYears: 3,
      carCode: null,
      regulation: 'Reg. (UE) 2023/2831',
      aidValues: { assessmentEur: 0, financingPercent: 100 },
    });
  });

  it('ends a project on the day before the same date months later (clamped to the month’s end)', () => {
    expect(projectEndDate('2027-01-15', 12)).toBe('2028-01-14');
    expect(projectEndDate('2027-01-31', 1)).toBe('2027-02-27');
    expect(projectEndDate('2028-03-01', 1)).toBe('2028-03-31');
  });

  it('reads the headroom of a group from its declaration and the system’s grants, not its own nor cancelled ones', () => {
    const settings = stateAidSettingsSchema.parse({ regime: 'de_minimis' });
    const grant = (vatNumber: string, concessionId: string, amountEur: number, status: AidGrant['status']) =>
      ({
        concessionId,
        beneficiary: { vatNumber },
        grantedOn: '2027-01-10',
        aidAmountEur: amountEur,
        status,
      }) as unknown as AidGrant;
    const headroom = undertakingHeadroom(
      {
        vatNumber: firm,
        concessionId: 'own',
        declaration: {
          linkedVatNumbers: [linked],
          deMinimis: [
            { grantingBody: 'Regione', grantedOn: '2026-05-01', amountEur: 100_000, regulation: 'x' },
            { grantingBody: 'Regione', grantedOn: '2023-05-01', amountEur: 100_000, regulation: 'x' },
          ],
        },
      },
      {
        members: [firm, linked],
        grants: [
          grant(linked, 'other', 50_000, 'registered'),
          grant(linked, 'pending', 20_000, 'pending_registration'),
          grant(linked, 'gone', 90_000, 'cancelled'),
          grant(firm, 'own', 60_000, 'pending_registration'),
          grant(stranger, 'stranger', 1, 'registered'),
        ],
      },
      settings,
      '2027-02-01',
    );
    expect(headroom).toEqual({ ceilingEur: 300_000, usedEur: 170_000, headroomEur: 130_000 });
  });

  it('counts a grant less the aid its firm did not receive (services not delivered), in exact cents', () => {
    const grant = (aidAmountEur: number, aidNotReceivedEur?: number) =>
      ({
        concessionId: 'plan',
        beneficiary: { vatNumber: firm },
        grantedOn: '2027-01-10',
        aidAmountEur,
        ...(aidNotReceivedEur === undefined ? {} : { aidNotReceivedEur }),
        status: 'registered',
      }) as unknown as AidGrant;
    expect(
      countedAid([grant(9_200.3, 800.1), grant(1_000), grant(500, 500)]).map((aid) => aid.amountEur),
    ).toEqual([8_400.2, 1_000, 0]);
  });

  it('leaves a firm over the ceiling no room at all, not even for an aid of 0', () => {
    const headroom = deMinimisHeadroom(
      [{ vatNumber: firm, grantedOn: '2026-01-10', amountEur: 300_000.01 }],
      singleUndertaking(firm, []),
      '2026-02-01',
    );
    expect(fitsDeMinimis(headroom, 0)).toBe(false);
  });
});
