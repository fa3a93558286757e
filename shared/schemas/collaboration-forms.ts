// The office's collaboration forms (urlencoded, everything a string) turned into the JSON contract,
// so the same schemas validate a form and a JSON request: the proposal of an opportunity, the
// network contract's content, and its signature and filing.
import type { Language } from '#shared/i18n/language.ts';
import { type FormFields, formFieldReader } from './form-fields.ts';

/** `{opportunityId, coordinatorManagerId}` from the opportunity's form. */
export function proposalFormToRequest(fields: FormFields, lang: Language): Record<string, unknown> {
  const { field } = formFieldReader(fields, lang);
  return {
    ...(field('opportunityId') ? { opportunityId: field('opportunityId')?.trim() } : {}),
    ...(field('coordinatorManagerId') ? { coordinatorManagerId: field('coordinatorManagerId')?.trim() } : {}),
  };
}

/**
 * The network contract's content: objectives one per line; a member's contribution to the common
 * fund as `commonFund.contributionsEur.<applicationId>` (blank ones left out; the fund only when a
 * contribution or its rules are given); the common body only when its name or powers are given.
 */
export function contractFormToRequest(fields: FormFields, lang: Language): Record<string, unknown> {
  const { field, number, lines } = formFieldReader(fields, lang);
  const request: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) request[key] = value;
  };
  put('name', field('name'));
  const objectives = lines('objectives');
  if (objectives.length > 0) request.objectives = objectives;
  for (const key of ['programme', 'rightsAndObligations', 'joiningRules', 'withdrawalRules'])
    put(key, field(key));
  put('durationMonths', number('durationMonths'));
  const contributions: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) {
    const match = /^commonFund\.contributionsEur\.([0-9a-f-]{36})$/.exec(name);
    if (match?.[1] && number(name) !== undefined) contributions[match[1]] = number(name);
  }
  const fundRules = field('commonFund.rules');
  if (Object.keys(contributions).length > 0 || fundRules !== undefined)
    request.commonFund = {
      contributionsEur: contributions,
      ...(fundRules === undefined ? {} : { rules: fundRules }),
    };
  const bodyName = field('commonBody.name');
  const bodyPowers = field('commonBody.powers');
  if (bodyName !== undefined || bodyPowers !== undefined)
    request.commonBody = {
      ...(bodyName === undefined ? {} : { name: bodyName }),
      ...(bodyPowers === undefined ? {} : { powers: bodyPowers }),
    };
  return request;
}

/** The signature and filing: dates as the date fields send them (ISO), the signatories ticked. */
export function signatureFormToRequest(fields: FormFields, lang: Language): Record<string, unknown> {
  const { field, list } = formFieldReader(fields, lang);
  const request: Record<string, unknown> = { signatories: list('signatories') };
  for (const key of ['signedOn', 'filedOn', 'registryReference']) {
    const value = field(key)?.trim();
    if (value !== undefined) request[key] = value;
  }
  return request;
}
