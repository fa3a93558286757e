// GET/HEAD/POST /tasks/{token} — a human task's link. GET and HEAD only render (mail scanners open
// links first); POST answers once, as a form from the page or as JSON from other systems.
// 200 answered · 409 already answered · 410 expired or cancelled · 404 unknown · 400/415/413/422 bad input.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { findHumanTaskByLink } from '#shared/data/human-tasks.ts';
import { looksLikeLinkSecret } from '#shared/domain/links.ts';
import { httpHandler, sameSitePostsOnly } from '#shared/http/middleware.ts';
import { answerAsHtml, linkLanguage, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse, scriptPageHeaders } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import { formatRomeDateTime } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import {
  describeTaskAnswerErrors,
  renderPage,
  TaskClosedPage,
  TaskDonePage,
  TaskPage,
  type TaskPageContext,
  taskFormToAnswer,
  taskPageHasScript,
} from '#shared/pages/index.ts';
import { answerTask, saveDraft } from '#shared/use-cases/answer-task.ts';
import { taskFieldNames, taskLanguage, taskView } from '#shared/use-cases/task-view.ts';

const env = readFunctionEnv(functionCatalog.humanTask);

type ClosedReason = 'answered' | 'expired' | 'cancelled' | 'unknown';
const closedStatus: Record<ClosedReason, number> = {
  answered: 409,
  expired: 410,
  cancelled: 410,
  unknown: 404,
};
const closedCode: Record<ClosedReason, string> = {
  answered: 'alreadyAnswered',
  expired: 'taskExpired',
  cancelled: 'taskCancelled',
  unknown: 'unknownLink',
};

/** A task's page, with the CSP its script needs (the assessment's live score) and no more. */
function taskPage(statusCode: number, context: TaskPageContext) {
  return htmlResponse(
    statusCode,
    renderPage(TaskPage(context)),
    taskPageHasScript(context.kind) ? scriptPageHeaders : {},
  );
}

function closed(event: APIGatewayProxyEvent, lang: Language, reason: ClosedReason, asHtml: boolean) {
  const response = asHtml
    ? htmlResponse(closedStatus[reason], renderPage(TaskClosedPage({ lang, reason })))
    : jsonResponse(closedStatus[reason], {
        error: closedCode[reason],
        message: t(lang, `task.closed.${reason}.body`),
      });
  return forMethod(event.httpMethod, response);
}

export const handler = httpHandler()
  .use(sameSitePostsOnly())
  .handler(async (event) => {
    const token = event.pathParameters?.token ?? '';
    const isPost = event.httpMethod === 'POST';
    const body = isPost ? parseBody(event) : undefined;
    const asHtml = body ? body.kind === 'form' : answerAsHtml(event);
    const found = looksLikeLinkSecret(token) ? await findHumanTaskByLink(env.TABLE_NAME, token) : undefined;
    if (!found) return closed(event, requestLanguage(event), 'unknown', asHtml);
    const { task } = found;
    // The page speaks the language of the person the task is addressed to, unless they switch.
    const lang = linkLanguage(event, await taskLanguage(env.TABLE_NAME, task));
    if (task.status !== 'open') return closed(event, lang, task.status, asHtml);

    const formAction = routes.humanTask.path.replace('{token}', token);
    if (!body) {
      const context = await taskView(env.TABLE_NAME, task, lang, formAction);
      if (!context) return closed(event, lang, 'unknown', true);
      if (!asHtml) {
        return forMethod(
          event.httpMethod,
          jsonResponse(200, { kind: task.kind, status: task.status, dueAt: task.dueAt, round: task.round }),
        );
      }
      return forMethod(event.httpMethod, taskPage(200, context));
    }

    // Saved unfinished on the same link (long forms only): nothing is validated as an answer,
    // nothing reaches the workflow.
    const draft =
      body.kind === 'form' && body.fields.intent === 'draft'
        ? await saveDraft(env.TABLE_NAME, task, body.fields)
        : 'not_draftable';
    if (draft !== 'not_draftable') {
      if (draft === 'closed') return closed(event, lang, 'expired', true);
      const context = await taskView(env.TABLE_NAME, task, lang, formAction);
      if (!context) return closed(event, lang, 'unknown', true);
      const now = formatRomeDateTime(new Date().toISOString(), lang);
      const notice =
        draft === 'saved'
          ? { tone: 'ok' as const, message: t(lang, 'task.draft.saved', { date: now }) }
          : { tone: 'bad' as const, message: t(lang, 'task.draft.tooLarge') };
      const values = body.kind === 'form' ? body.fields : {};
      return taskPage(draft === 'saved' ? 200 : 413, { ...context, values, notice });
    }
    const answer = body.kind === 'form' ? taskFormToAnswer(task.kind, body.fields, lang) : body.value;
    const result = await answerTask(env.TABLE_NAME, task, answer, new Date(), undefined, found);
    switch (result.outcome) {
      case 'invalid': {
        const names = await taskFieldNames(env.TABLE_NAME, task);
        const errors = describeTaskAnswerErrors(result.issues, lang, answer, names);
        if (!asHtml) {
          return jsonResponse(422, {
            error: 'validationFailed',
            message: t(lang, 'error.validationFailed'),
            fields: errors,
          });
        }
        const context = await taskView(env.TABLE_NAME, task, lang, formAction);
        if (!context) return closed(event, lang, 'unknown', true);
        const values = body.kind === 'form' ? body.fields : {};
        return taskPage(422, { ...context, values, errors });
      }
      case 'already_answered':
        return closed(event, lang, 'answered', asHtml);
      case 'expired':
      case 'cancelled':
        return closed(event, lang, result.outcome, asHtml);
      case 'answered':
        return asHtml
          ? htmlResponse(200, renderPage(TaskDonePage({ lang, kind: task.kind, decision: result.decision })))
          : jsonResponse(200, { status: 'answered', kind: task.kind, ...result.output });
    }
  });
