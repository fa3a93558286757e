// GET /admin/projects/{projectId} — one project for the programme office (page or JSON): KPI
// trajectories, check-ins, T0/T1. POST /admin/projects/{projectId}/{pause|resume|close} — pause,
// resume or close monitoring early, with a reason (form or JSON). Behind the /admin authorizer; the
// handler checks the admin group again and refuses actions posted from another site.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { adminUserId, isAdminRequest } from '#shared/auth/admin-session.ts';
import { knownPublicBaseUrl, readFunctionEnv } from '#shared/config/environment.ts';
import type { UserFacingError } from '#shared/domain/errors.ts';
import { CrossSiteError, errorResponse, ForbiddenError, NotFoundError } from '#shared/http/errors.ts';
import { httpHandler, postedFromThisSite } from '#shared/http/middleware.ts';
import { answerAsHtml, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { ProjectPage, renderPage } from '#shared/pages/index.ts';
import {
  controlProject,
  projectActionAnswers,
  projectActions,
  projectControlRequestSchema,
} from '#shared/use-cases/project-control.ts';
import { projectView } from '#shared/use-cases/project-view.ts';

const env = readFunctionEnv(functionCatalog.adminProjects);

const actionSchema = z.enum(projectActions);

/** Small bodies only: a reason and an outcome. */
const maxControlBodyBytes = 8 * 1024;

/** A refusal as the error boundary words it, in the language and form (page or JSON) asked for. */
const refuse = (event: APIGatewayProxyEvent, lang: Language, error: UserFacingError) =>
  errorResponse(error, lang, answerAsHtml(event));

export const handler = httpHandler().handler(async (event) => {
  const lang = requestLanguage(event);
  if (!isAdminRequest(event)) return refuse(event, lang, new ForbiddenError());
  const projectId = event.pathParameters?.projectId ?? '';
  const selfHref = routes.adminProject.path.replace('{projectId}', encodeURIComponent(projectId));
  let notice: { tone: 'ok' | 'bad'; message: string } | undefined;
  let status = 200;

  if (event.httpMethod === 'POST') {
    const action = actionSchema.safeParse(event.pathParameters?.action);
    if (!action.success) return refuse(event, lang, new NotFoundError());
    if (!postedFromThisSite(event, knownPublicBaseUrl())) return refuse(event, lang, new CrossSiteError());
    const body = parseBody(event, maxControlBodyBytes);
    const fields = body.kind === 'json' ? body.value : body.fields;
    const formLang =
      body.kind === 'form' && typeof body.fields.lang === 'string' ? body.fields.lang : undefined;
    const answerLang = requestLanguage(event, formLang);
    const parsed = projectControlRequestSchema.safeParse(fields);
    if (!parsed.success) {
      if (!answerAsHtml(event))
        return jsonResponse(422, {
          error: 'invalid',
          message: t(answerLang, 'admin.project.reasonRequired'),
        });
      notice = { tone: 'bad', message: t(answerLang, 'admin.project.reasonRequired') };
      status = 422;
    } else {
      const result = await controlProject(
        { tableName: env.TABLE_NAME, monitoringStateMachineArn: env.MONITORING_STATE_MACHINE_ARN },
        projectId,
        action.data,
        parsed.data.reason,
        parsed.data.outcome,
        // Who acted: the Cognito user's ID (a UUID, not a name), kept with the reason.
        adminUserId(event) ?? 'unknown',
      );
      if (result === 'not_found')
        return refuse(event, answerLang, new NotFoundError('admin.project.notFound'));
      status = projectActionAnswers[result].statusCode;
      const message = t(answerLang, projectActionAnswers[result].messageKey);
      if (!answerAsHtml(event))
        return jsonResponse(status, { projectId, action: action.data, status: result, message });
      notice = { tone: result === 'done' ? 'ok' : 'bad', message };
    }
    const view = await projectView(env.TABLE_NAME, projectId);
    if (!view) return refuse(event, answerLang, new NotFoundError('admin.project.notFound'));
    return htmlResponse(status, renderPage(ProjectPage({ lang: answerLang, view, selfHref, notice })));
  }

  const view = await projectView(env.TABLE_NAME, projectId);
  if (!view) return refuse(event, lang, new NotFoundError('admin.project.notFound'));
  if (!answerAsHtml(event)) return jsonResponse(200, view);
  return forMethod(event.httpMethod, htmlResponse(200, renderPage(ProjectPage({ lang, view, selfHref }))));
});
