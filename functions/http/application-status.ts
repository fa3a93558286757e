// GET/HEAD /status/{token} — where the SME's journey stands, behind the unguessable link from the
// receipt. GET and HEAD never change anything; POST (the page's form, or JSON
// {"action":"withdraw"}) withdraws the application.
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { findApplicationIdByStatusLink, getApplication } from '#shared/data/applications.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { hashLinkSecret, looksLikeLinkSecret } from '#shared/domain/links.ts';
import { unknownLinkResponse } from '#shared/http/errors.ts';
import { httpHandler, sameSitePostsOnly } from '#shared/http/middleware.ts';
import { answerAsHtml, linkLanguage, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import { t } from '#shared/i18n/messages.ts';
import { MessagePage, renderPage, StatusPage } from '#shared/pages/index.ts';
import { withdrawApplication } from '#shared/use-cases/withdraw-application.ts';

const env = readFunctionEnv(functionCatalog.applicationStatus);

/** The withdrawal: JSON `{"action":"withdraw"}` exactly; the page's form also sends its language. */
const withdrawRequest = {
  json: z.strictObject({ action: z.literal('withdraw') }),
  form: z.strictObject({ action: z.literal('withdraw'), lang: z.string().optional() }),
};

export const handler = httpHandler()
  .use(sameSitePostsOnly())
  .handler(async (event) => {
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
    if (body) {
      const request =
        body.kind === 'form'
          ? withdrawRequest.form.safeParse(body.fields)
          : withdrawRequest.json.safeParse(body.value);
      if (!request.success) {
        const message = t(lang, 'status.withdraw.invalid');
        return html
          ? htmlResponse(422, renderPage(MessagePage({ lang, title: t(lang, 'error.title'), message })))
          : jsonResponse(422, {
              error: 'validationFailed',
              message: t(lang, 'error.validationFailed'),
              fields: [{ field: 'action', message }],
            });
      }
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
            confirmingWithdrawal: !body && event.queryStringParameters?.withdraw === 'confirm',
          }),
        ),
      ),
    );
  });
