// GET /admin/privacy — the programme office's page for people's data requests. POST (form or JSON
// {"action": "export" | "preview" | "erase", "email"}) downloads the person's data as JSON, shows
// what an erasure would do, or erases them (the same use cases as `npm run admin -- privacy …`),
// recorded in the decision log with the signed-in user's ID. Behind the /admin authorizer; the
// handler checks the admin group again and refuses posts from another site.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { adminUserId, isAdminRequest } from '#shared/auth/admin-session.ts';
import { knownPublicBaseUrl, readFunctionEnv } from '#shared/config/environment.ts';
import { isValidEmail } from '#shared/domain/contact.ts';
import { CrossSiteError, errorResponse, ForbiddenError } from '#shared/http/errors.ts';
import { httpHandler, postedFromThisSite } from '#shared/http/middleware.ts';
import { answerAsHtml, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonDownload, jsonResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import { t } from '#shared/i18n/messages.ts';
import { AdminPrivacyPage, renderPage } from '#shared/pages/index.ts';
import { erasePersonalData, planErasure } from '#shared/use-cases/privacy-erase.ts';
import { exportPersonalData, personalDataFileName } from '#shared/use-cases/privacy-export.ts';

const env = readFunctionEnv(functionCatalog.adminPrivacy);

/** An address and an action: a small body. */
const maxRequestBytes = 4 * 1024;

const privacyRequestSchema = z.object({
  action: z.enum(['export', 'preview', 'erase']),
  email: z.string().trim().max(254),
  lang: z.string().optional(),
});

const actorOf = (event: APIGatewayProxyEvent) => `user:${adminUserId(event) ?? 'unknown'}` as const;

export const handler = httpHandler().handler(async (event) => {
  const lang = requestLanguage(event);
  const html = answerAsHtml(event);
  if (!isAdminRequest(event)) return errorResponse(new ForbiddenError(), lang, html);
  const selfHref = routes.adminPrivacy.path;
  if (event.httpMethod !== 'POST') {
    return forMethod(
      event.httpMethod,
      html
        ? htmlResponse(200, renderPage(AdminPrivacyPage({ lang, selfHref })))
        : jsonResponse(200, { actions: ['export', 'preview', 'erase'] }),
    );
  }
  if (!postedFromThisSite(event, knownPublicBaseUrl()))
    return errorResponse(new CrossSiteError(), lang, html);
  const body = parseBody(event, maxRequestBytes);
  const parsed = privacyRequestSchema.safeParse(body.kind === 'json' ? body.value : body.fields);
  const answerLang = requestLanguage(event, parsed.data?.lang);
  if (!parsed.success || !isValidEmail(parsed.data.email)) {
    const message = t(answerLang, 'admin.privacy.invalidEmail');
    return html
      ? htmlResponse(
          422,
          renderPage(AdminPrivacyPage({ lang: answerLang, selfHref, notice: { tone: 'bad', message } })),
        )
      : jsonResponse(422, { error: 'validationFailed', message, fields: [{ field: 'email', message }] });
  }
  const { action, email } = parsed.data;
  if (action === 'export') {
    const document = await exportPersonalData(env.TABLE_NAME, email, actorOf(event));
    return jsonDownload(document, personalDataFileName(document));
  }
  if (action === 'preview') {
    const plan = await planErasure(env.TABLE_NAME, email);
    return html
      ? htmlResponse(200, renderPage(AdminPrivacyPage({ lang: answerLang, selfHref, email, plan })))
      : jsonResponse(200, plan);
  }
  const result = await erasePersonalData(
    {
      tableName: env.TABLE_NAME,
      journeyStateMachineArn: env.JOURNEY_STATE_MACHINE_ARN,
      actor: actorOf(event),
    },
    email,
  );
  if (result.outcome === 'refused') {
    return html
      ? htmlResponse(
          409,
          renderPage(AdminPrivacyPage({ lang: answerLang, selfHref, email, plan: result.plan })),
        )
      : jsonResponse(409, { error: 'refused', refusals: result.plan.refusals });
  }
  const message = t(answerLang, 'admin.privacy.erased', {
    items: String(result.items),
    withdrawn: String(result.plan.runningJourneys),
    links: String(result.links),
  });
  return html
    ? htmlResponse(
        200,
        renderPage(AdminPrivacyPage({ lang: answerLang, selfHref, notice: { tone: 'ok', message } })),
      )
    : jsonResponse(200, { outcome: result.outcome, items: result.items, links: result.links, message });
});
