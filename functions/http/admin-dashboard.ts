// GET /admin/programmes — the programmes, each with its dashboard (where the office lands after
// signing in); GET /admin/programmes/{programmeId}[/applications.csv|assessments.csv|projects.csv]
// — the programme dashboard, with its charts, and its exports. API Gateway lets only members of the
// admin group through (the /admin authorizer); this handler checks the group again (403).
import * as z from 'zod';
import { isAdminRequest } from '#shared/auth/admin-session.ts';
import { readEnv } from '#shared/config/env.ts';
import { getProgramme, listProgrammes } from '#shared/data/programmes.ts';
import { errorResponse, ForbiddenError } from '#shared/http/errors.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { answerAsHtml, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import { securityHeaders } from '#shared/http/security.ts';
import { t } from '#shared/i18n/messages.ts';
import { DashboardPage, ProgrammeListPage, renderPage } from '#shared/pages/index.ts';
import { siteCssHash } from '#shared/pages/style.ts';
import { type ExportKind, exportKinds, exportProgrammeCsv } from '#shared/use-cases/export-programme.ts';
import { dashboardFigures, dashboardProjectLimit } from '#shared/use-cases/programme-dashboard.ts';

const env = readEnv({ TABLE_NAME: z.string().min(1) });

/** The dashboard draws its charts with the two scripts under /assets (same origin, no inline script). */
const chartPageHeaders = securityHeaders([siteCssHash], ["'self'"]);
const assetHref = (file: string) => sitePath(routes.asset.path.replace('{file}', file));

export const handler = httpHandler().handler(async (event) => {
  const lang = requestLanguage(event);
  if (!isAdminRequest(event)) return errorResponse(new ForbiddenError(), lang, answerAsHtml(event));
  if (event.resource === routes.adminProgrammes.path) {
    const programmes = await listProgrammes(env.TABLE_NAME);
    if (!answerAsHtml(event))
      return jsonResponse(200, { programmes: programmes.map(({ id, names }) => ({ id, names })) });
    return forMethod(
      event.httpMethod,
      htmlResponse(
        200,
        renderPage(
          ProgrammeListPage({
            lang,
            programmes,
            hrefOf: (id) =>
              `${sitePath(routes.adminDashboard.path.replace('{programmeId}', encodeURIComponent(id)))}?lang=${lang}`,
            signOutHref: sitePath(routes.adminSignOut.path),
            selfHref: routes.adminProgrammes.path,
          }),
        ),
      ),
    );
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
  const { counters, managers, projects } = await dashboardFigures(env.TABLE_NAME, programme);
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
          exportHref: (kind) => sitePath(`${selfHref}/${kind}.csv`),
          charts: {
            libraryHref: assetHref('chart.umd.min.js'),
            scriptHref: assetHref('dashboard-charts.js'),
          },
          programmesHref: sitePath(routes.adminProgrammes.path),
          projects,
          projectsLimit: dashboardProjectLimit,
          projectHref: (projectId) =>
            `${sitePath(routes.adminProject.path.replace('{projectId}', encodeURIComponent(projectId)))}?lang=${lang}`,
        }),
      ),
      chartPageHeaders,
    ),
  );
});
