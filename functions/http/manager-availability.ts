// GET/HEAD/POST /managers/availability/{token} — a manager's personal link: GET shows their
// capacity and availability, POST changes them (form or JSON {capacity, status}); a capacity below
// the engagements in progress is refused with a clear message.
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { findManagerIdByAvailabilityLink } from '#shared/data/manager-onboarding.ts';
import { getManager } from '#shared/data/managers.ts';
import { hashLinkSecret, looksLikeLinkSecret } from '#shared/domain/links.ts';
import { managerLanguageFor } from '#shared/domain/manager.ts';
import { managerAvailabilitySchema } from '#shared/domain/manager-onboarding.ts';
import { officeLanguage } from '#shared/domain/programme.ts';
import { unknownLinkResponse } from '#shared/http/errors.ts';
import { httpHandler, sameSitePostsOnly } from '#shared/http/middleware.ts';
import { answerAsHtml, linkLanguage, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import { t } from '#shared/i18n/messages.ts';
import { availabilityFormToInput, ManagerAvailabilityPage, renderPage } from '#shared/pages/index.ts';
import { fieldErrorsOf } from '#shared/schemas/application.ts';
import { updateAvailability } from '#shared/use-cases/manager-onboarding.ts';

const env = readFunctionEnv(functionCatalog.managerAvailability);

export const handler = httpHandler()
  .use(sameSitePostsOnly())
  .handler(async (event) => {
    const token = event.pathParameters?.token ?? '';
    const body = event.httpMethod === 'POST' ? parseBody(event) : undefined;
    const asHtml = answerAsHtml(event);
    const managerId = looksLikeLinkSecret(token)
      ? await findManagerIdByAvailabilityLink(env.TABLE_NAME, hashLinkSecret(token))
      : undefined;
    const manager = managerId ? await getManager(env.TABLE_NAME, managerId) : undefined;
    if (!manager) return unknownLinkResponse(event.httpMethod, requestLanguage(event), asHtml);
    // The manager's language (as their welcome e-mail was written), unless they switch.
    const lang = linkLanguage(event, managerLanguageFor(manager, officeLanguage));
    const formAction = routes.managerAvailability.path.replace('{token}', token);
    const view = (m: typeof manager) => ({
      name: m.name,
      capacity: m.capacity,
      load: m.load,
      status: m.status,
    });
    if (!body) {
      return forMethod(
        event.httpMethod,
        asHtml
          ? htmlResponse(
              200,
              renderPage(ManagerAvailabilityPage({ lang, manager: view(manager), formAction })),
            )
          : jsonResponse(200, { capacity: manager.capacity, load: manager.load, status: manager.status }),
      );
    }
    const input = body.kind === 'form' ? availabilityFormToInput(body.fields, lang) : body.value;
    const parsed = managerAvailabilitySchema.safeParse(input);
    const values = body.kind === 'form' ? body.fields : {};
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error.issues, input, lang);
      return asHtml
        ? htmlResponse(
            422,
            renderPage(ManagerAvailabilityPage({ lang, manager: view(manager), formAction, values, errors })),
          )
        : jsonResponse(422, {
            error: 'validationFailed',
            message: t(lang, 'error.validationFailed'),
            fields: errors,
          });
    }
    const result = await updateAvailability(env.TABLE_NAME, manager.managerId, parsed.data);
    if (result.outcome === 'below_load') {
      const message = t(lang, 'availability.belowLoad', { load: manager.load });
      const errors = [{ field: 'capacity', message }];
      return asHtml
        ? htmlResponse(
            422,
            renderPage(ManagerAvailabilityPage({ lang, manager: view(manager), formAction, values, errors })),
          )
        : jsonResponse(422, { error: 'capacityBelowLoad', message, fields: errors });
    }
    const notice = t(lang, 'availability.updated', {
      capacity: result.manager.capacity,
      status: t(
        lang,
        result.manager.status === 'inactive' ? 'availability.status.inactive' : 'availability.status.active',
      ),
    });
    return asHtml
      ? htmlResponse(
          200,
          renderPage(ManagerAvailabilityPage({ lang, manager: view(result.manager), formAction, notice })),
        )
      : jsonResponse(200, {
          capacity: result.manager.capacity,
          load: result.manager.load,
          status: result.manager.status,
          message: notice,
        });
  });
