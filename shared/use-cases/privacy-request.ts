// An SME contact asks about their data from the status page: a copy of it, or its erasure. The
// request is confirmed through a link e-mailed to the application's address (whoever holds the
// status link is not necessarily the contact): its page shows what the request does (GET), and
// confirming it (POST) does it once — the same export and erasure the programme office runs.

import { getApplication } from '#shared/data/applications.ts';
import { deleteItems } from '#shared/data/client.ts';
import {
  consumePrivacyRequest,
  createPrivacyRequest,
  findPrivacyRequest,
  type PrivacyRequest,
} from '#shared/data/privacy-requests.ts';
import { keys } from '#shared/data/table-design.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import { hashLinkSecret, looksLikeLinkSecret, newLinkSecret } from '#shared/domain/links.ts';
import { type PrivacyRequestKind, privacyRequestValidHours } from '#shared/domain/privacy.ts';
import type { RenderedEmail } from '#shared/email/templates.tsx';
import { privacyRequestEmail } from '#shared/email/templates.tsx';
import { privacyRequestUrl } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { erasePersonalData, planErasure } from './privacy-erase.ts';
import { exportPersonalData, type PersonalDataExport } from './privacy-export.ts';

export interface PrivacyRequestDeps {
  readonly tableName: string;
  readonly journeyStateMachineArn: string;
  readonly publicBaseUrl: string;
  readonly send: (to: string, email: RenderedEmail) => Promise<string>;
  readonly now?: () => Date;
}

/**
 * Records the request and e-mails its confirmation link to the application's contact.
 * @returns 'already_sent' when a link for that request, still valid, was sent before (no new e-mail)
 */
export async function requestPrivacyAction(
  deps: PrivacyRequestDeps,
  application: ApplicationRecord,
  programmeName: string,
  request: PrivacyRequestKind,
  lang: Language,
): Promise<'sent' | 'already_sent'> {
  const now = (deps.now ?? (() => new Date()))();
  const secret = newLinkSecret();
  const linkHash = hashLinkSecret(secret);
  const created = await createPrivacyRequest(
    deps.tableName,
    linkHash,
    {
      applicationId: application.applicationId,
      request,
      expiresAt: Math.floor(now.getTime() / 1000) + privacyRequestValidHours * 3600,
    },
    now,
  );
  if (!created) return 'already_sent';
  const email = privacyRequestEmail(lang, {
    contactName: application.contact.name,
    programmeName,
    request,
    hours: privacyRequestValidHours,
    confirmUrl: privacyRequestUrl(deps.publicBaseUrl, secret),
  });
  try {
    await deps.send(application.contact.email, email);
  } catch (error) {
    // Nothing left half-done: the contact can ask again at once.
    await deleteItems(deps.tableName, [
      keys.privacyRequestMarker(application.applicationId, request),
      keys.link(linkHash),
    ]);
    throw error;
  }
  return 'sent';
}

/** The request a confirmation link opens, with its application, while the link is valid. */
export async function openPrivacyRequest(
  tableName: string,
  token: string,
  now: Date = new Date(),
): Promise<{ request: PrivacyRequest; application: ApplicationRecord } | undefined> {
  if (!looksLikeLinkSecret(token)) return undefined;
  const request = await findPrivacyRequest(tableName, hashLinkSecret(token), now);
  const application = request ? await getApplication(tableName, request.applicationId) : undefined;
  return request && application ? { request, application } : undefined;
}

export type PrivacyRequestOutcome =
  | { readonly outcome: 'unknown' }
  | { readonly outcome: 'exported'; readonly document: PersonalDataExport; readonly lang: Language }
  | { readonly outcome: 'erased'; readonly lang: Language }
  /** Erasure refused (a funded project still monitored); the link stays valid. */
  | { readonly outcome: 'refused'; readonly lang: Language; readonly programmeId: string };

/** Confirms the request of a link: exports or erases, once. */
export async function confirmPrivacyRequest(
  deps: Omit<PrivacyRequestDeps, 'send' | 'publicBaseUrl'>,
  token: string,
): Promise<PrivacyRequestOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const opened = await openPrivacyRequest(deps.tableName, token, now);
  if (!opened) return { outcome: 'unknown' };
  const { request, application } = opened;
  const email = application.contact.email;
  const lang = application.language;
  if (request.request === 'erase' && (await planErasure(deps.tableName, email)).refusals.length > 0) {
    return { outcome: 'refused', lang, programmeId: application.programmeId };
  }
  if (!(await consumePrivacyRequest(deps.tableName, hashLinkSecret(token), now)))
    return { outcome: 'unknown' };
  if (request.request === 'export') {
    return {
      outcome: 'exported',
      lang,
      document: await exportPersonalData(deps.tableName, email, 'link:sme', now),
    };
  }
  const erased = await erasePersonalData(
    {
      tableName: deps.tableName,
      journeyStateMachineArn: deps.journeyStateMachineArn,
      actor: 'link:sme',
      now: () => now,
    },
    email,
  );
  return erased.outcome === 'refused'
    ? { outcome: 'refused', lang, programmeId: application.programmeId }
    : { outcome: 'erased', lang };
}
