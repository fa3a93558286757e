// Collaboration between a programme's firms, for the programme office (page, or JSON with
// Accept: application/json):
// GET  /admin/programmes/{programmeId}/collaborations — figures, opportunities, collaborations;
// POST the same {"opportunityId","coordinatorManagerId"} — proposes one (201; 409 already proposed;
//      404 unknown opportunity; 422 coordinator not a manager of the programme);
// GET  /admin/collaborations/{id} — one collaboration; GET …/contract — the contract's printable draft;
// POST …/contract — its content; POST …/signature — its signature and registry filing.
// Behind the /admin authorizer; the handler checks the admin group again and refuses posts from
// another site.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { functionCatalog } from '#infra/functions.ts';
import { adminUserId, isAdminRequest } from '#shared/auth/admin-session.ts';
import { knownPublicBaseUrl, readFunctionEnv } from '#shared/config/environment.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import type { UserFacingError } from '#shared/domain/errors.ts';
import { CrossSiteError, errorResponse, ForbiddenError, NotFoundError } from '#shared/http/errors.ts';
import { httpHandler, postedFromThisSite } from '#shared/http/middleware.ts';
import { answerAsHtml, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { type MessageKey, t } from '#shared/i18n/messages.ts';
import {
  CollaborationPage,
  CollaborationsPage,
  ContractDraftPage,
} from '#shared/pages/collaboration-pages.tsx';
import { renderPage } from '#shared/pages/index.ts';
import { describeTaskAnswerErrors } from '#shared/pages/task-errors.ts';
import {
  contractFormToRequest,
  proposalFormToRequest,
  signatureFormToRequest,
} from '#shared/schemas/collaboration-forms.ts';
import { type ProposeOutcome, proposeCollaboration } from '#shared/use-cases/collaboration.ts';
import {
  type ContractOutcome,
  collaborationDetail,
  collaborationsOverview,
  saveContract,
  signContract,
} from '#shared/use-cases/collaboration-office.ts';

const env = readFunctionEnv(functionCatalog.adminCollaborations);

/** Small bodies only: a proposal, or a contract's texts. */
const maxBodyBytes = 64 * 1024;

const proposalSchema = z.strictObject({
  opportunityId: z.string().min(1).max(200),
  coordinatorManagerId: z.uuid(),
});

const proposeAnswers = {
  proposed: { statusCode: 201, message: 'collaborations.proposed' },
  unknown_opportunity: { statusCode: 404, message: 'collaborations.unknownOpportunity' },
  already_proposed: { statusCode: 409, message: 'collaborations.alreadyProposedError' },
  coordinator_not_eligible: { statusCode: 422, message: 'collaborations.coordinatorNotEligible' },
  not_enabled: { statusCode: 404, message: 'collaborations.notEnabled' },
  workflow_unavailable: { statusCode: 503, message: 'collaborations.workflowUnavailable' },
} as const satisfies Record<ProposeOutcome['outcome'], { statusCode: number; message: MessageKey }>;

const contractAnswers = {
  saved: { statusCode: 200, message: 'contract.saved' },
  signed: { statusCode: 200, message: 'contract.signed' },
  invalid: { statusCode: 422, message: 'contract.invalid' },
  not_found: { statusCode: 404, message: 'collaborations.notFound' },
  not_started: { statusCode: 409, message: 'contract.notStarted' },
  already_signed: { statusCode: 409, message: 'contract.alreadySigned' },
  no_content: { statusCode: 409, message: 'contract.noContentError' },
} as const satisfies Record<ContractOutcome['outcome'], { statusCode: number; message: MessageKey }>;

const refuse = (event: APIGatewayProxyEvent, lang: Language, error: UserFacingError) =>
  errorResponse(error, lang, answerAsHtml(event));

const collaborationsPath = (programmeId: string) =>
  routes.adminCollaborations.path.replace('{programmeId}', encodeURIComponent(programmeId));
const collaborationPath = (collaborationId: string) =>
  routes.adminCollaboration.path.replace('{collaborationId}', encodeURIComponent(collaborationId));

/** The posted body as the JSON contract, and the language the answer speaks. */
function readPost(
  event: APIGatewayProxyEvent,
  toRequest: (fields: Record<string, string | string[]>, lang: Language) => unknown,
) {
  const body = parseBody(event, maxBodyBytes);
  const formLang =
    body.kind === 'form' && typeof body.fields.lang === 'string' ? body.fields.lang : undefined;
  const lang = requestLanguage(event, formLang);
  return {
    lang,
    request: body.kind === 'json' ? body.value : toRequest(body.fields, lang),
    fields: body.kind === 'form' ? body.fields : undefined,
  };
}

async function programmePage(event: APIGatewayProxyEvent, lang: Language) {
  const programme = await getProgramme(env.TABLE_NAME, event.pathParameters?.programmeId ?? '');
  if (!programme) return refuse(event, lang, new NotFoundError());
  const selfHref = collaborationsPath(programme.id);
  const render = async (
    answerLang: Language,
    statusCode: number,
    notice?: { tone: 'ok' | 'bad'; message: string },
  ) => {
    const overview = await collaborationsOverview(env.TABLE_NAME, programme);
    if (!answerAsHtml(event))
      return jsonResponse(statusCode, {
        programmeId: programme.id,
        figures: overview.figures,
        opportunities: overview.opportunities.map((o) => ({
          ...o,
          proposedAs: overview.proposed.get(o.id) ?? null,
        })),
        collaborations: overview.collaborations.map((c) => ({
          collaborationId: c.collaborationId,
          opportunityId: c.opportunity.id,
          kind: c.opportunity.kind,
          status: c.status,
          members: Object.values(c.members).map((m) => ({
            applicationId: m.applicationId,
            status: m.status,
            benefitEur: m.benefitEur,
          })),
          benefitTotalEur: c.benefitTotalEur,
          cyclesDone: c.cyclesDone,
        })),
        coordinators: overview.coordinators,
      });
    return htmlResponse(
      statusCode,
      renderPage(
        CollaborationsPage({
          lang: answerLang,
          programmeName: programme.names[answerLang],
          overview,
          catalogue: programme.collaboration.catalogue,
          selfHref,
          dashboardHref: sitePath(
            routes.adminDashboard.path.replace('{programmeId}', encodeURIComponent(programme.id)),
          ),
          exportHref: (kind) =>
            sitePath(
              `${routes.adminDashboard.path.replace('{programmeId}', encodeURIComponent(programme.id))}/${kind}.csv`,
            ),
          collaborationHref: (id) => `${sitePath(collaborationPath(id))}?lang=${answerLang}`,
          notice,
        }),
      ),
    );
  };
  if (event.httpMethod !== 'POST') return forMethod(event.httpMethod, await render(lang, 200));
  if (!postedFromThisSite(event, knownPublicBaseUrl())) return refuse(event, lang, new CrossSiteError());
  const posted = readPost(event, proposalFormToRequest);
  const parsed = proposalSchema.safeParse(posted.request);
  if (!parsed.success) {
    const message = t(posted.lang, 'collaborations.badRequest');
    if (!answerAsHtml(event)) return jsonResponse(422, { error: 'validationFailed', message });
    return render(posted.lang, 422, { tone: 'bad', message });
  }
  const result = await proposeCollaboration(
    { tableName: env.TABLE_NAME, collaborationStateMachineArn: env.COLLABORATION_STATE_MACHINE_ARN },
    programme,
    parsed.data,
    `user:${adminUserId(event) ?? 'unknown'}`,
  );
  const answer = proposeAnswers[result.outcome];
  const message = t(posted.lang, answer.message);
  if (!answerAsHtml(event))
    return jsonResponse(answer.statusCode, {
      outcome: result.outcome,
      message,
      ...(result.outcome === 'proposed' ? { collaborationId: result.collaborationId } : {}),
    });
  return render(posted.lang, answer.statusCode, {
    tone: result.outcome === 'proposed' ? 'ok' : 'bad',
    message,
  });
}

async function collaborationPage(event: APIGatewayProxyEvent, lang: Language) {
  const collaborationId = event.pathParameters?.collaborationId ?? '';
  const part = event.pathParameters?.part;
  if (part !== undefined && part !== 'contract' && part !== 'signature')
    return refuse(event, lang, new NotFoundError());
  const detail = z.uuid().safeParse(collaborationId).success
    ? await collaborationDetail(env.TABLE_NAME, collaborationId)
    : undefined;
  if (!detail) return refuse(event, lang, new NotFoundError('collaborations.notFound'));
  const selfHref = collaborationPath(collaborationId);
  const pageOf = (
    answerLang: Language,
    statusCode: number,
    shown: NonNullable<typeof detail>,
    extra: Partial<Parameters<typeof CollaborationPage>[0]> = {},
  ) =>
    htmlResponse(
      statusCode,
      renderPage(
        CollaborationPage({
          lang: answerLang,
          detail: shown,
          selfHref,
          programmeHref: sitePath(collaborationsPath(shown.collaboration.programmeId)),
          contractHref: `${sitePath(`${selfHref}/contract`)}?lang=${answerLang}`,
          draftHref: `${sitePath(`${selfHref}/contract`)}?lang=${answerLang}`,
          signatureHref: `${sitePath(`${selfHref}/signature`)}?lang=${answerLang}`,
          ...extra,
        }),
      ),
    );
  if (event.httpMethod !== 'POST') {
    if (part === 'signature') return refuse(event, lang, new NotFoundError());
    if (part === 'contract')
      return forMethod(event.httpMethod, htmlResponse(200, renderPage(ContractDraftPage({ detail }))));
    if (!answerAsHtml(event))
      return jsonResponse(200, {
        ...detail.collaboration,
        invitationToken: undefined,
        reports: detail.reports,
      });
    return forMethod(event.httpMethod, pageOf(lang, 200, detail));
  }
  if (!part) return refuse(event, lang, new NotFoundError());
  if (!postedFromThisSite(event, knownPublicBaseUrl())) return refuse(event, lang, new CrossSiteError());
  const posted = readPost(event, part === 'contract' ? contractFormToRequest : signatureFormToRequest);
  const actor = `user:${adminUserId(event) ?? 'unknown'}` as const;
  const result =
    part === 'contract'
      ? await saveContract(env.TABLE_NAME, collaborationId, posted.request, actor)
      : await signContract(env.TABLE_NAME, collaborationId, posted.request, actor);
  const answer = contractAnswers[result.outcome];
  const message = t(posted.lang, answer.message);
  const errors =
    result.outcome === 'invalid' ? describeTaskAnswerErrors(result.issues, posted.lang, posted.request) : [];
  if (!answerAsHtml(event))
    return jsonResponse(answer.statusCode, {
      outcome: result.outcome,
      message,
      ...(errors.length > 0 ? { fields: errors } : {}),
    });
  const fresh = (await collaborationDetail(env.TABLE_NAME, collaborationId)) ?? detail;
  const ok = result.outcome === 'saved' || result.outcome === 'signed';
  return pageOf(posted.lang, answer.statusCode, fresh, {
    notice: { tone: ok ? 'ok' : 'bad', message },
    ...(errors.length > 0 ? { errors } : {}),
    ...(!ok && posted.fields ? { values: posted.fields } : {}),
  });
}

export const handler = httpHandler().handler(async (event) => {
  const lang = requestLanguage(event);
  if (!isAdminRequest(event)) return refuse(event, lang, new ForbiddenError());
  if (event.resource === routes.adminCollaborations.path) return programmePage(event, lang);
  return collaborationPage(event, lang);
});
