// The de minimis rule's arithmetic: the rolling three-year window (boundary dates, leap days),
// the single undertaking (linked firms' aid counts, others' does not), and the headroom.
import { describe, expect, it } from 'vitest';
import {
  type AidRecord,
  aidUsedInWindow,
  deMinimisHeadroom,
  fitsDeMinimis,
  singleUndertaking,
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
});
