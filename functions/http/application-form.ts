// GET / — the programmes open today (the public home); GET /?programme=ID — that programme's
// application form, in the requester's language.
// GET /privacy/{programmeId} — that programme's privacy notice, which the form links to.

import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { programmeNotice } from '#shared/domain/privacy.ts';
import { programmeIdSchema } from '#shared/domain/programme.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import { t } from '#shared/i18n/messages.ts';
import {
  ApplicationForm,
  MessagePage,
  PrivacyNoticePage,
  ProgrammesHomePage,
  renderPage,
} from '#shared/pages/index.ts';
import { openProgrammes } from '#shared/use-cases/open-programmes.ts';

const env = readFunctionEnv(functionCatalog.applicationForm);

export const handler = httpHandler().handler(async (event) => {
  const lang = requestLanguage(event);
  const noticeRequested = event.resource === routes.privacyNotice.path;
  if (!noticeRequested && !event.queryStringParameters?.programme) {
    // The public home: every programme open today, each linking to its own form.
    const page = ProgrammesHomePage({ lang, programmes: await openProgrammes(env.TABLE_NAME) });
    return forMethod(event.httpMethod, htmlResponse(200, renderPage(page)));
  }
  const requested = programmeIdSchema.safeParse(
    noticeRequested ? event.pathParameters?.programmeId : event.queryStringParameters?.programme,
  );
  const programme = requested.success ? await getProgramme(env.TABLE_NAME, requested.data) : undefined;
  if (!programme) {
    const page = MessagePage({
      lang,
      title: t(lang, 'error.title'),
      message: t(lang, 'error.unknownProgramme'),
    });
    return forMethod(event.httpMethod, htmlResponse(404, renderPage(page)));
  }
  if (noticeRequested) {
    const page = PrivacyNoticePage({
      lang,
      notice: programmeNotice(programme),
      programmeName: programme.names[lang],
      selfHref: routes.privacyNotice.path.replace('{programmeId}', programme.id),
    });
    return forMethod(event.httpMethod, htmlResponse(200, renderPage(page)));
  }
  return forMethod(event.httpMethod, htmlResponse(200, renderPage(ApplicationForm({ lang, programme }))));
});
