// GET / — the SME application form, in the requester's language, for the chosen programme.

import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { programmeIdSchema } from '#shared/domain/programme.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse } from '#shared/http/responses.ts';
import { t } from '#shared/i18n/messages.ts';
import { ApplicationForm, MessagePage, renderPage } from '#shared/pages/index.ts';

const env = readFunctionEnv(functionCatalog.applicationForm);
const defaultProgrammeId = 'sviluppo-pmi';

export const handler = httpHandler().handler(async (event) => {
  const lang = requestLanguage(event);
  const requested = programmeIdSchema.safeParse(event.queryStringParameters?.programme ?? defaultProgrammeId);
  const programme = requested.success ? await getProgramme(env.TABLE_NAME, requested.data) : undefined;
  if (!programme) {
    const page = MessagePage({
      lang,
      title: t(lang, 'error.title'),
      message: t(lang, 'error.unknownProgramme'),
    });
    return forMethod(event.httpMethod, htmlResponse(404, renderPage(page)));
  }
  return forMethod(event.httpMethod, htmlResponse(200, renderPage(ApplicationForm({ lang, programme }))));
});
