// The privacy notice (GDPR art. 13) a form links to and a person consents to: the product's text,
// versioned, filled in with each programme's own data controller, contact and retention. What a
// person agreed to is stored with the notice's version and the time.
import * as z from 'zod';

/** The version of the notice's text in the message catalogue; raise it when that text changes. */
export const privacyNoticeTextVersion = '2026-12';

/** Default months personal data are kept after a journey, a project or an engagement ends. */
export const defaultRetentionMonths = 24;

/** A programme's own privacy settings (programme data; absent = the programme office, 24 months). */
export const programmePrivacySchema = z.strictObject({
  /** The programme's version of its settings, e.g. "2027-01"; part of the notice's version. */
  version: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/),
  /** Who decides on the data (the region, the chamber of commerce, the association). */
  controller: z.strictObject({ it: z.string().min(3).max(300), en: z.string().min(3).max(300) }),
  /** Where a person writes about their data. */
  contactEmail: z.email(),
});
export type ProgrammePrivacy = z.output<typeof programmePrivacySchema>;

/** The notice as shown: whose it is, how to reach them, how long data stay, which version. */
export interface PrivacyNotice {
  readonly audience: 'sme' | 'manager';
  /** "2026-12" (product text only) or "2026-12+2027-01" (with the programme's own settings). */
  readonly version: string;
  /** Absent: the programme office of the programme named on the page. */
  readonly controller?: { readonly it: string; readonly en: string };
  readonly contactEmail: string;
  readonly retentionMonths: number;
}

/** How long a programme keeps personal data after a journey, a project or an engagement ends. */
export const retentionSchema = z.strictObject({
  personalDataMonths: z.number().int().min(1).max(120),
});

/**
 * When personal data of something that ended at `endedAt` expire, as DynamoDB's TTL reads it
 * (seconds since the epoch): the same day `months` calendar months later.
 */
export function personalDataExpiry(endedAt: Date, months: number): number {
  const expiry = new Date(endedAt.getTime());
  expiry.setUTCMonth(expiry.getUTCMonth() + months);
  return Math.floor(expiry.getTime() / 1000);
}

/** How long a programme keeps personal data after its journeys end (the default when it is gone). */
export const retentionMonthsOf = (
  programme: { readonly retention: { readonly personalDataMonths: number } } | undefined,
) => programme?.retention.personalDataMonths ?? defaultRetentionMonths;

/** The notice of an SME applying to a programme. */
export function programmeNotice(programme: {
  readonly privacy?: ProgrammePrivacy | undefined;
  readonly retention: { readonly personalDataMonths: number };
  readonly officeEmails: readonly string[];
}): PrivacyNotice {
  const own = programme.privacy;
  return {
    audience: 'sme',
    version: own ? `${privacyNoticeTextVersion}+${own.version}` : privacyNoticeTextVersion,
    ...(own ? { controller: own.controller } : {}),
    contactEmail: own?.contactEmail ?? programme.officeEmails[0] ?? '',
    retentionMonths: programme.retention.personalDataMonths,
  };
}

/** The version of the managers' notice (the product's text alone). */
export const managerNoticeVersion = privacyNoticeTextVersion;

/** The notice of a manager registering for the roster (kept by the programme office). */
export function managerNotice(officeEmail: string): PrivacyNotice {
  return {
    audience: 'manager',
    version: managerNoticeVersion,
    contactEmail: officeEmail,
    retentionMonths: defaultRetentionMonths,
  };
}

/** What a person agreed to: the notice's version, and when. */
export interface PrivacyConsent {
  readonly noticeVersion: string;
  readonly at: string;
}

/** What an SME contact can ask about their data from the status page. */
export const privacyRequestKinds = ['export', 'erase'] as const;
export type PrivacyRequestKind = (typeof privacyRequestKinds)[number];

/** How long the e-mailed confirmation link of a data request stays valid. */
export const privacyRequestValidHours = 24;
