// GET/HEAD /status/{token} — where the SME's journey stands, behind the unguessable link from the
// receipt. GET and HEAD never change anything; POST (the page's forms, or JSON {"action": …})
// withdraws the application, or asks for a copy or the erasure of the contact's data (a link to
// confirm it is e-mailed to them). /privacy-requests/{token} is that link: GET shows what the
// request does, POST does it once.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { findApplicationIdByStatusLink, getApplication } from '#shared/data/applications.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { hashLinkSecret, looksLikeLinkSecret } from '#shared/domain/links.ts';
import { privacyRequestValidHours } from '#shared/domain/privacy.ts';
import { mailerConfig, sendEmail } from '#shared/email/mailer.ts';
import { unknownLinkResponse } from '#shared/http/errors.ts';
import { httpHandler, sameSitePostsOnly } from '#shared/http/middleware.ts';
import {
  answerAsHtml,
  linkLanguage,
  parseBody,
  publicBaseUrlOf,
  requestLanguage,
} from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonDownload, jsonResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { MessagePage, PrivacyRequestPage, renderPage, StatusPage } from '#shared/pages/index.ts';
import { personalDataFileName } from '#shared/use-cases/privacy-export.ts';
import {
  confirmPrivacyRequest,
  openPrivacyRequest,
  requestPrivacyAction,
} from '#shared/use-cases/privacy-request.ts';
import { withdrawApplication } from '#shared/use-cases/withdraw-application.ts';

const env = readFunctionEnv(functionCatalog.applicationStatus);

/** What the status page's POST does: JSON `{"action": …}` exactly; the page's forms also send their language. */
const statusActions = ['withdraw', 'privacy-export', 'privacy-erase'] as const;
const statusRequest = {
  json: z.strictObject({ action: z.enum(statusActions) }),
  form: z.strictObject({ action: z.enum(statusActions), lang: z.string().optional() }),
};

const messagePage = (status: number, lang: Language, title: string, message: string, tone?: 'ok') =>
  htmlResponse(status, renderPage(MessagePage({ lang, title, message, ...(tone ? { tone } : {}) })));

/** /privacy-requests/{token}: the confirmation page (GET), and the request done once (POST). */
async function privacyRequest(event: APIGatewayProxyEvent) {
  const token = event.pathParameters?.token ?? '';
  const html = event.httpMethod === 'POST' ? parseBody(event).kind === 'form' : answerAsHtml(event);
  if (event.httpMethod !== 'POST') {
    const opened = await openPrivacyRequest(env.TABLE_NAME, token);
    if (!opened) return unknownLinkResponse(event.httpMethod, requestLanguage(event), html);
    const lang = linkLanguage(event, opened.application.language);
    const selfHref = routes.privacyRequest.path.replace('{token}', token);
    return forMethod(
      event.httpMethod,
      html
        ? htmlResponse(
            200,
            renderPage(PrivacyRequestPage({ lang, request: opened.request.request, selfHref })),
          )
        : jsonResponse(200, {
            request: opened.request.request,
            expiresAt: new Date(opened.request.expiresAt * 1000).toISOString(),
          }),
    );
  }
  const result = await confirmPrivacyRequest(
    { tableName: env.TABLE_NAME, journeyStateMachineArn: env.JOURNEY_STATE_MACHINE_ARN },
    token,
  );
  if (result.outcome === 'unknown')
    return unknownLinkResponse(event.httpMethod, requestLanguage(event), html);
  const lang = linkLanguage(event, result.lang);
  switch (result.outcome) {
    case 'exported':
      return jsonDownload(result.document, personalDataFileName(result.document));
    case 'erased':
      return html
        ? messagePage(
            200,
            lang,
            t(lang, 'privacyRequest.erase.doneTitle'),
            t(lang, 'privacyRequest.erase.done'),
            'ok',
          )
        : jsonResponse(200, { erased: true, message: t(lang, 'privacyRequest.erase.done') });
    case 'refused': {
      const programme = await getProgramme(env.TABLE_NAME, result.programmeId);
      const message = t(lang, 'privacyRequest.erase.refused', { email: programme?.officeEmails[0] ?? '' });
      return html
        ? messagePage(409, lang, t(lang, 'privacyRequest.erase.refusedTitle'), message)
        : jsonResponse(409, { error: 'projectRunning', message });
    }
  }
}

export const handler = httpHandler()
  .use(sameSitePostsOnly())
  .handler(async (event) => {
    if (event.resource === routes.privacyRequest.path) return privacyRequest(event);
    const token = event.pathParameters?.token ?? '';
    const applicationId = looksLikeLinkSecret(token)
      ? await findApplicationIdByStatusLink(env.TABLE_NAME, hashLinkSecret(token))
      : undefined;
    const application = applicationId ? await getApplication(env.TABLE_NAME, applicationId) : undefined;
    const programme = application ? await getProgramme(env.TABLE_NAME, application.programmeId) : undefined;
    const body = event.httpMethod === 'POST' ? parseBody(event) : undefined;
    const html = body ? body.kind === 'form' : answerAsHtml(event);

    if (!application || !programme)
      return unknownLinkResponse(event.httpMethod, requestLanguage(event), html);
    // The applicant's language (chosen in the form), unless they switch on the page.
    const lang = linkLanguage(event, application.language);
    let current = application;
    let justWithdrawn = false;
    let dataRequest: 'sent' | 'already_sent' | undefined;
    if (body) {
      const request =
        body.kind === 'form'
          ? statusRequest.form.safeParse(body.fields)
          : statusRequest.json.safeParse(body.value);
      if (!request.success) {
        const message = t(lang, 'status.action.invalid');
        return html
          ? messagePage(422, lang, t(lang, 'error.title'), message)
          : jsonResponse(422, {
              error: 'validationFailed',
              message: t(lang, 'error.validationFailed'),
              fields: [{ field: 'action', message }],
            });
      }
      const { action } = request.data;
      if (action === 'withdraw') {
        const outcome = await withdrawApplication(
          { tableName: env.TABLE_NAME, journeyStateMachineArn: env.JOURNEY_STATE_MACHINE_ARN },
          application.applicationId,
        );
        if (outcome === 'not_withdrawable' && !html) {
          // The status as it is now (a concurrent withdrawal may have just changed it).
          const now = (await getApplication(env.TABLE_NAME, application.applicationId)) ?? application;
          return jsonResponse(409, {
            error: 'notWithdrawable',
            status: now.status,
            message: t(lang, 'status.withdraw.notWithdrawable'),
          });
        }
        justWithdrawn = outcome === 'withdrawn';
        current = (await getApplication(env.TABLE_NAME, application.applicationId)) ?? application;
      } else {
        const mailer = mailerConfig(env);
        dataRequest = await requestPrivacyAction(
          {
            tableName: env.TABLE_NAME,
            journeyStateMachineArn: env.JOURNEY_STATE_MACHINE_ARN,
            publicBaseUrl: publicBaseUrlOf(event),
            send: (to, email) => sendEmail(mailer, to, email),
          },
          application,
          programme.names[application.language],
          action === 'privacy-export' ? 'export' : 'erase',
          application.language,
        );
        if (!html) {
          return jsonResponse(202, {
            request: action,
            result: dataRequest,
            message:
              dataRequest === 'sent'
                ? t(lang, 'status.data.sent', { hours: String(privacyRequestValidHours) })
                : t(lang, 'status.data.alreadySent'),
          });
        }
      }
    }
    if (!html) {
      const application = current;
      return forMethod(
        event.httpMethod,
        jsonResponse(200, {
          applicationId: application.applicationId,
          programmeId: application.programmeId,
          status: application.status,
          statusHistory: application.statusHistory,
          ...(application.ineligibilityReason
            ? { ineligibilityReason: application.ineligibilityReason }
            : {}),
        }),
      );
    }
    const selfHref = routes.applicationStatus.path.replace('{token}', token);
    return forMethod(
      event.httpMethod,
      htmlResponse(
        200,
        renderPage(
          StatusPage({
            lang,
            programme,
            application: current,
            selfHref,
            justWithdrawn,
            ...(dataRequest ? { dataRequest } : {}),
            confirmingWithdrawal: !body && event.queryStringParameters?.withdraw === 'confirm',
          }),
        ),
      ),
    );
  });
