// GET /admin/programmes — the programmes, each with its dashboard (where the office lands after
// signing in); GET /admin/programmes/{programmeId}[/applications.csv|assessments.csv|projects.csv…]
// — the programme dashboard, with its charts, and its exports (a services programme's report to the
// EDIH network too: edih-customers.csv, edih-services.csv, edih-dma.csv, edih-report.json). API Gateway lets only members of the
// admin group through (the /admin authorizer); this handler checks the group again (403).

import type { APIGatewayProxyEvent } from 'aws-lambda';
import { functionCatalog } from '#infra/functions.ts';
import { adminUserId, isAdminRequest } from '#shared/auth/admin-session.ts';
import { knownPublicBaseUrl, readFunctionEnv } from '#shared/config/environment.ts';
import { getProgramme, listProgrammes } from '#shared/data/programmes.ts';
import { type ExportKind, exportKinds } from '#shared/domain/exports.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { CrossSiteError, errorResponse, ForbiddenError } from '#shared/http/errors.ts';
import { httpHandler, postedFromThisSite } from '#shared/http/middleware.ts';
import { answerAsHtml, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse, scriptPageHeaders } from '#shared/http/responses.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { type MessageKey, t } from '#shared/i18n/messages.ts';
import { DashboardPage, MessagePage, ProgrammeListPage, renderPage } from '#shared/pages/index.ts';
import { assetHref } from '#shared/pages/static-assets.ts';
import {
  type EdihReportPart,
  edihReport,
  edihReportCsv,
  edihReportParts,
  reportPeriodSchema,
} from '#shared/use-cases/edih-report.ts';
import { exportProgrammeCsv } from '#shared/use-cases/export-programme.ts';
import { dashboardFigures, dashboardProjectLimit } from '#shared/use-cases/programme-dashboard.ts';
import { type UnlockOutcome, unlockCompany } from '#shared/use-cases/unlock-company.ts';

const env = readFunctionEnv(functionCatalog.adminDashboard);

const unlockOutcomes = {
  unlocked: { statusCode: 200, message: 'admin.unlock.unlocked' },
  not_held: { statusCode: 200, message: 'admin.unlock.notHeld' },
  journey_in_progress: { statusCode: 409, message: 'admin.unlock.inProgress' },
  invalid_vat: { statusCode: 422, message: 'admin.unlock.invalidVat' },
} as const satisfies Record<UnlockOutcome, { statusCode: number; message: MessageKey }>;

/** The office frees a firm's place (form or JSON `{"vatNumber"}`), from this site only, recorded with who acted. */
async function unlock(event: APIGatewayProxyEvent, lang: Language, programmeId: string) {
  const asHtml = answerAsHtml(event);
  if (!postedFromThisSite(event, knownPublicBaseUrl()))
    return errorResponse(new CrossSiteError(), lang, asHtml);
  const body = parseBody(event);
  const fields = body.kind === 'form' ? body.fields : (body.value as Record<string, unknown> | null);
  const vatNumber = typeof fields?.vatNumber === 'string' ? fields.vatNumber : '';
  const actor = adminUserId(event) ?? 'admin';
  const result = await unlockCompany(env.TABLE_NAME, programmeId, vatNumber, actor);
  const answer = unlockOutcomes[result.outcome];
  const message = t(lang, answer.message, { vat: vatNumber.slice(0, 20) });
  return asHtml
    ? htmlResponse(
        answer.statusCode,
        renderPage(MessagePage({ lang, title: t(lang, 'admin.unlock.title'), message })),
      )
    : jsonResponse(answer.statusCode, { outcome: result.outcome, message });
}

/** The EDIH network report's files: one CSV per part and the JSON with all three. */
const edihFiles = new Map<string, EdihReportPart | 'json'>([
  ...edihReportParts.map((part) => [`edih-${part}.csv`, part] as const),
  ['edih-report.json', 'json'],
]);

/** A services programme's report to the EDIH network for `?from=&to=` (ISO dates, either optional). */
async function edihExport(
  event: APIGatewayProxyEvent,
  lang: Language,
  programme: Programme,
  fileName: string,
) {
  const period = reportPeriodSchema.safeParse({
    ...(event.queryStringParameters?.from ? { from: event.queryStringParameters.from } : {}),
    ...(event.queryStringParameters?.to ? { to: event.queryStringParameters.to } : {}),
  });
  if (!period.success)
    return jsonResponse(422, { error: 'invalidPeriod', message: t(lang, 'edih.invalidPeriod') });
  const report = await edihReport(env.TABLE_NAME, programme, period.data);
  const part = edihFiles.get(fileName);
  const suffix = [period.data.from, period.data.to].filter(Boolean).join('_');
  const download = `${programme.id}-${fileName.replace(/\.(csv|json)$/, '')}${suffix ? `-${suffix}` : ''}`;
  return part === 'json'
    ? attachment(JSON.stringify(report), `${download}.json`, 'application/json')
    : attachment(edihReportCsv(report, part ?? 'customers'), `${download}.csv`, 'text/csv');
}

/** A file to download (an export), never cached. */
function attachment(body: string, fileName: string, type: 'text/csv' | 'application/json') {
  return {
    statusCode: 200,
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
    body,
  };
}

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
  if (event.httpMethod === 'POST') {
    if (exportName !== 'unlock')
      return jsonResponse(404, { error: 'notFound', message: t(lang, 'error.notFound') });
    return unlock(event, lang, programme.id);
  }
  if (exportName && programme.delivery === 'services' && edihFiles.has(exportName))
    return edihExport(event, lang, programme, exportName);
  if (exportName) {
    const kind = exportName.replace(/\.csv$/, '') as ExportKind;
    if (!exportKinds.includes(kind))
      return jsonResponse(404, { error: 'notFound', message: t(lang, 'error.notFound') });
    return attachment(
      await exportProgrammeCsv(env.TABLE_NAME, programme.id, kind, lang),
      `${programme.id}-${kind}.csv`,
      'text/csv',
    );
  }
  const { counters, managers, projects, services } = await dashboardFigures(env.TABLE_NAME, programme);
  if (!answerAsHtml(event))
    return jsonResponse(200, {
      programmeId: programme.id,
      counters,
      managers,
      ...(services ? { services } : {}),
    });
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
          ...(services ? { services } : {}),
          at: new Date().toISOString(),
          selfHref,
          exportHref: (kind) => sitePath(`${selfHref}/${kind}.csv`),
          reportHref: (file) => sitePath(`${selfHref}/${file}`),
          unlockHref: sitePath(`${selfHref}/unlock?lang=${lang}`),
          charts: {
            libraryHref: assetHref('chart'),
            scriptHref: assetHref('dashboard-charts'),
          },
          programmesHref: sitePath(routes.adminProgrammes.path),
          ...(programme.collaboration.enabled
            ? {
                collaborationsHref: sitePath(
                  routes.adminCollaborations.path.replace('{programmeId}', encodeURIComponent(programme.id)),
                ),
              }
            : {}),
          projects,
          projectsLimit: dashboardProjectLimit,
          projectHref: (projectId) =>
            `${sitePath(routes.adminProject.path.replace('{projectId}', encodeURIComponent(projectId)))}?lang=${lang}`,
        }),
      ),
      scriptPageHeaders,
    ),
  );
});
