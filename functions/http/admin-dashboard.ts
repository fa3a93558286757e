// GET /admin/programmes/{programmeId}[/applications.csv|assessments.csv|projects.csv] — the
// programme dashboard and its exports for the programme office. API Gateway lets only signed-in
// users through (Cognito authorizer); this handler also requires the `admin` group, so a request
// without it — anonymous locally, or a signed-in non-admin — is refused with 403.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { readEnv } from '#shared/config/env.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { answerAsHtml, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import { t } from '#shared/i18n/messages.ts';
import { DashboardPage, MessagePage, renderPage } from '#shared/pages/index.ts';
import { type ExportKind, exportKinds, exportProgrammeCsv } from '#shared/use-cases/export-programme.ts';
import { dashboardFigures } from '#shared/use-cases/programme-dashboard.ts';

const env = readEnv({ TABLE_NAME: z.string().min(1) });

/** The group a user must belong to (Cognito `cognito:groups` claim). */
export const adminGroup = 'admin';

/** Whether the request carries the claims of a signed-in member of the admin group. */
export function isAdmin(event: APIGatewayProxyEvent): boolean {
  const claims = (event.requestContext.authorizer?.claims ?? {}) as Record<string, unknown>;
  const groups = claims['cognito:groups'];
  const list = Array.isArray(groups)
    ? groups.map(String)
    : typeof groups === 'string'
      ? groups.split(/[,\s]+/)
      : [];
  return list.includes(adminGroup);
}

export const handler = httpHandler().handler(async (event) => {
  const lang = requestLanguage(event);
  if (!isAdmin(event)) {
    const message = t(lang, 'error.adminOnly');
    return answerAsHtml(event)
      ? htmlResponse(403, renderPage(MessagePage({ lang, title: t(lang, 'error.title'), message })))
      : jsonResponse(403, { error: 'forbidden', message });
  }
  const programmeId = event.pathParameters?.programmeId ?? '';
  const programme = await getProgramme(env.TABLE_NAME, programmeId);
  if (!programme)
    return jsonResponse(404, { error: 'unknownProgramme', message: t(lang, 'error.unknownProgramme') });
  const exportName = event.pathParameters?.export;
  if (exportName) {
    const kind = exportName.replace(/\.csv$/, '') as ExportKind;
    if (!exportKinds.includes(kind))
      return jsonResponse(404, { error: 'notFound', message: t(lang, 'error.notFound') });
    return {
      statusCode: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${programme.id}-${kind}.csv"`,
        'Cache-Control': 'no-store',
      },
      body: await exportProgrammeCsv(env.TABLE_NAME, programme.id, kind),
    };
  }
  const { counters, managers } = await dashboardFigures(env.TABLE_NAME, programme);
  if (!answerAsHtml(event)) return jsonResponse(200, { programmeId: programme.id, counters, managers });
  const selfHref = routes.adminDashboard.path.replace('{programmeId}', programme.id);
  return forMethod(
    event.httpMethod,
    htmlResponse(
      200,
      renderPage(
        DashboardPage({
          lang,
          programme,
          counters,
          managers,
          at: new Date().toISOString(),
          selfHref,
          exportHref: (kind) => `${selfHref}/${kind}.csv`,
        }),
      ),
    ),
  );
});
