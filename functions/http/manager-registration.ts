// GET /managers/register — the public registration form for managers (Italian/English).
// POST /managers — registers a manager (form or JSON): validated, stored pending vetting, and the
// manager-onboarding workflow starts. 201 {managerId, status}, the same for an address already in the
// registry (nobody learns who is registered): that address is e-mailed what it already is instead.
// GET /privacy — the managers' privacy notice, which the form links to.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { listProgrammes } from '#shared/data/programmes.ts';
import { managerRegistrationSchema } from '#shared/domain/manager-onboarding.ts';
import { managerNotice } from '#shared/domain/privacy.ts';
import { mailerConfig, sendEmail } from '#shared/email/mailer.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { answerAsHtml, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import { languageSchema } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import {
  ManagerRegisteredPage,
  ManagerRegistrationForm,
  PrivacyNoticePage,
  registrationFormToInput,
  renderPage,
} from '#shared/pages/index.ts';
import { fieldErrorsOf } from '#shared/schemas/application.ts';
import { OnboardingUnavailableError, registerManager } from '#shared/use-cases/manager-onboarding.ts';

const env = readFunctionEnv(functionCatalog.managerRegistration);

export const handler = httpHandler().handler(async (event: APIGatewayProxyEvent) => {
  if (event.httpMethod !== 'POST') {
    const lang = requestLanguage(event);
    const page =
      event.resource === routes.managerPrivacyNotice.path
        ? PrivacyNoticePage({
            lang,
            notice: managerNotice(env.OFFICE_EMAIL),
            selfHref: routes.managerPrivacyNotice.path,
            // Every e-mail's foot links here: an SME finds its programme's own notice.
            programmes: (await listProgrammes(env.TABLE_NAME)).map((programme) => ({
              name: programme.names[lang],
              href: `${sitePath(routes.privacyNotice.path.replace('{programmeId}', programme.id))}?lang=${lang}`,
            })),
          })
        : ManagerRegistrationForm({ lang });
    return forMethod(event.httpMethod, htmlResponse(200, renderPage(page)));
  }
  const body = parseBody(event);
  const formLang = body.kind === 'form' ? languageSchema.safeParse(body.fields.lang).data : undefined;
  const lang = requestLanguage(event, formLang);
  const asHtml = answerAsHtml(event);
  const input = body.kind === 'form' ? registrationFormToInput(body.fields, lang) : body.value;
  const parsed = managerRegistrationSchema.safeParse(input);
  const values = body.kind === 'form' ? body.fields : {};
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error.issues, input, lang);
    return asHtml
      ? htmlResponse(422, renderPage(ManagerRegistrationForm({ lang, values, errors })))
      : jsonResponse(422, {
          error: 'validationFailed',
          message: t(lang, 'error.validationFailed'),
          fields: errors,
        });
  }
  try {
    const registered = await registerManager(
      {
        tableName: env.TABLE_NAME,
        onboardingStateMachineArn: env.ONBOARDING_STATE_MACHINE_ARN,
        publicBaseUrl: env.PUBLIC_BASE_URL,
        send: (to, email) => sendEmail(mailerConfig(env), to, email),
      },
      parsed.data,
    );
    return asHtml
      ? htmlResponse(201, renderPage(ManagerRegisteredPage({ lang })))
      : jsonResponse(201, registered);
  } catch (error) {
    if (error instanceof OnboardingUnavailableError) {
      return jsonResponse(503, { error: 'serviceUnavailable', message: t(lang, 'error.serviceUnavailable') });
    }
    throw error;
  }
});
