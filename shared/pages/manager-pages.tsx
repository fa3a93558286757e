// The managers' pages: the public registration form (posts the same fields as the JSON contract of
// POST /managers, dotted names, everything a string; registrationFormToInput turns them into that
// contract), the thank-you page after it, and the personal availability page behind the link of the
// welcome e-mail. Server-rendered, no JavaScript.

import type { VNode } from 'preact';
import { atecoSections } from '#shared/domain/ateco.ts';
import { lombardyProvinces } from '#shared/domain/lombardy.ts';
import { dmaDimensions, type ManagerStatus, managerAtecoVersion } from '#shared/domain/manager.ts';
import { managerNoticeVersion } from '#shared/domain/privacy.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import { type Language, languages } from '#shared/i18n/language.ts';
import { type FieldName, t } from '#shared/i18n/messages.ts';
import { parseLocaleNumber } from '#shared/i18n/parse-number.ts';
import type { FieldError } from '#shared/schemas/application.ts';
import { interestAreas } from '#shared/schemas/application.ts';
import { formFieldReader } from '#shared/schemas/form-fields.ts';
import {
  formKit as basicFormKit,
  describedBy,
  ErrorSummary,
  type FormValues,
  fieldId,
  labelOrCode,
} from './form-kit.tsx';
import { Layout } from './layout.tsx';

/** The registration's controls: an error on a list's item ("conflicts.2") is shown on the list. */
const formKit = (lang: Language, values: FormValues, errors: readonly FieldError[]) =>
  basicFormKit(lang, values, errors, controlOf);

/** Fields of the registration whose errors may name an item ("conflicts.2"): the control is the list. */
const registrationListFields = [
  'languages',
  'atecoSections',
  'atecoDivisions',
  'competences',
  'provinces',
  'conflicts',
] as const;

/** The form control an error belongs to: "conflicts.2" → "conflicts", "consent" → "consent.privacy". */
function controlOf(field: string): string {
  const list = registrationListFields.find((name) => field === name || field.startsWith(`${name}.`));
  if (list) return list;
  if (field === 'consent') return 'consent.privacy';
  return field;
}

// ---------------------------------------------------------------------------------------------
// Registration

export interface ManagerRegistrationFormProps {
  readonly lang: Language;
  /** Submitted values by dotted field name, shown again after an error. */
  readonly values?: FormValues;
  /** Field problems; a list's item ("conflicts.2", "atecoDivisions.0") is shown on the list. */
  readonly errors?: readonly FieldError[];
  /** A whole-form problem (e-mail already registered, service unavailable). */
  readonly formError?: string;
  /** Path of this page without `lang`, for the language switcher (default GET /managers/register). */
  readonly selfHref?: string;
}

/** The public registration of a manager: posts to POST /managers as a urlencoded form. */
export function ManagerRegistrationForm({
  lang,
  values = {},
  errors = [],
  formError,
  selfHref = routes.managerForm.path,
}: ManagerRegistrationFormProps): VNode {
  const kit = formKit(lang, values, errors);
  const title = t(lang, 'manager.form.title');
  /** Labels are `field.<name>`, the keys the validation names fields by (fieldErrorsOf). */
  const label = (name: FieldName) => t(lang, `field.${name}`);

  const competencesId = fieldId('competences');
  const competencesError = kit.errorFor('competences');
  const chosenCompetences = new Set(kit.all('competences'));
  const consentId = fieldId('consent.privacy');
  const consentError = kit.errorFor('consent.privacy');

  return (
    <Layout lang={lang} title={title} switchHref={selfHref}>
      <h1>{title}</h1>
      <ErrorSummary
        lang={lang}
        errors={errors}
        formError={formError}
        anchorOf={(field) => fieldId(controlOf(field))}
      />
      <p>{t(lang, 'manager.form.intro')}</p>
      <form method="post" action={sitePath(routes.registerManager.path)} noValidate>
        <input type="hidden" name="lang" value={lang} />
        <fieldset>
          <legend>{t(lang, 'manager.form.section.contact')}</legend>
          <kit.Input name="name" label={label('name')} autocomplete="name" required />
          <kit.Input name="email" label={label('email')} type="email" autocomplete="email" required />
          <kit.Input
            name="phone"
            label={label('phone')}
            hint={t(lang, 'manager.form.hint.phone')}
            type="tel"
            autocomplete="tel"
            optional
          />
          <kit.Group
            name="languages"
            type="checkbox"
            legend={label('languages')}
            hint={t(lang, 'manager.form.hint.languages')}
            options={languages.map((language) => ({
              value: language,
              label: t(lang, `manager.language.${language}`),
            }))}
          />
        </fieldset>

        <fieldset>
          <legend>{t(lang, 'manager.form.section.experience')}</legend>
          <kit.Group
            name="atecoSections"
            type="checkbox"
            legend={label('atecoSections')}
            hint={t(lang, 'manager.form.hint.atecoSections')}
            options={atecoSections(managerAtecoVersion).map((section) => ({
              value: section,
              label: `${section} — ${labelOrCode(lang, `atecoSection.${section}`, section)}`,
            }))}
          />
          <kit.Input
            name="atecoDivisions"
            label={label('atecoDivisions')}
            hint={t(lang, 'manager.form.hint.atecoDivisions')}
            inputMode="text"
            optional
          />
          <fieldset
            class={competencesError ? 'invalid' : undefined}
            aria-describedby={describedBy(
              `${competencesId}-hint`,
              competencesError && `${competencesId}-error`,
            )}
          >
            <legend>{label('competences')}</legend>
            <span class="hint" id={`${competencesId}-hint`}>
              {t(lang, 'manager.form.hint.competences')}
            </span>
            {competencesError ? (
              <span class="field-error" id={`${competencesId}-error`}>
                {competencesError}
              </span>
            ) : null}
            <fieldset>
              <legend>{t(lang, 'manager.form.competences.areas')}</legend>
              <kit.Choices
                name="competences"
                type="checkbox"
                options={interestAreas.map((area) => ({ value: area, label: t(lang, `interest.${area}`) }))}
                chosen={chosenCompetences}
                invalid={Boolean(competencesError)}
              />
            </fieldset>
            <fieldset>
              <legend>{t(lang, 'manager.form.competences.dma')}</legend>
              <kit.Choices
                name="competences"
                type="checkbox"
                options={dmaDimensions.map((dimension) => ({
                  value: dimension,
                  label: t(lang, `dma.${dimension}`),
                }))}
                chosen={chosenCompetences}
                invalid={Boolean(competencesError)}
                anchor={false}
              />
            </fieldset>
          </fieldset>
          <kit.TextArea
            name="cv"
            label={label('cv')}
            hint={t(lang, 'manager.form.hint.cv')}
            rows={8}
            maxLength={4000}
            optional
          />
        </fieldset>

        <fieldset>
          <legend>{t(lang, 'manager.form.section.availability')}</legend>
          <kit.Group
            name="provinces"
            type="checkbox"
            legend={label('provinces')}
            hint={t(lang, 'manager.form.hint.provinces')}
            options={Object.entries(lombardyProvinces).map(([code, name]) => ({
              value: code,
              label: `${name} (${code})`,
            }))}
          />
          <kit.Input
            name="capacity"
            label={label('capacity')}
            hint={t(lang, 'manager.form.hint.capacity')}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            required
          />
        </fieldset>

        <fieldset>
          <legend>{t(lang, 'manager.form.section.conflicts')}</legend>
          <kit.TextArea
            name="conflicts"
            label={label('conflicts')}
            hint={t(lang, 'manager.form.hint.conflicts')}
            optional
          />
        </fieldset>

        <fieldset class={consentError ? 'invalid' : undefined}>
          <legend>{t(lang, 'form.section.consent')}</legend>
          <p>
            <a
              href={`${sitePath(routes.managerPrivacyNotice.path)}?lang=${lang}`}
              data-testid="privacy-notice"
            >
              {t(lang, 'privacy.link', { version: managerNoticeVersion })}
            </a>
          </p>
          {consentError ? (
            <span class="field-error" id={`${consentId}-error`}>
              {consentError}
            </span>
          ) : null}
          <label class="choice" for={consentId}>
            <input
              type="checkbox"
              name="consent.privacy"
              value="true"
              id={consentId}
              checked={['true', 'on'].includes(kit.value('consent.privacy'))}
              required
              aria-invalid={consentError ? 'true' : undefined}
              aria-describedby={consentError ? `${consentId}-error` : undefined}
            />
            <span>{t(lang, 'field.manager.consent.privacy')}</span>
          </label>
        </fieldset>
        <button type="submit">{t(lang, 'manager.form.submit')}</button>
      </form>
    </Layout>
  );
}

/**
 * Turns the registration form's fields (urlencoded, everything a string) into the JSON contract of
 * POST /managers, so one validation serves both: the boxes become lists (blank ones dropped), the
 * divisions text "25, 28" and the conflicts text (one Partita IVA per line) become lists, capacity
 * is read as written in the form's language, the consent box a boolean. Blank fields are left out
 * (optional ones are then absent, required ones reported as required).
 * @param lang - the language the form was shown in, to read numbers
 */
export function registrationFormToInput(fields: FormValues, lang: Language): Record<string, unknown> {
  const { field, list } = formFieldReader(fields, lang);
  const split = (name: string, separators: RegExp): string[] =>
    (field(name) ?? '')
      .split(separators)
      .map((item) => item.trim())
      .filter((item) => item !== '');

  const input: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) input[key] = value;
  };
  put('name', field('name'));
  put('email', field('email'));
  put('phone', field('phone'));
  input.languages = list('languages');
  input.atecoSections = list('atecoSections');
  put('atecoDivisions', split('atecoDivisions', /[\s,;]+/));
  input.competences = list('competences');
  input.provinces = list('provinces');
  const capacity = field('capacity');
  put('capacity', capacity === undefined ? undefined : parseLocaleNumber(capacity, lang));
  put('cv', field('cv'));
  // A Partita IVA may be written with spaces ("IT 012 345 678 90"): only lines, commas and
  // semicolons separate them.
  put('conflicts', split('conflicts', /[\r\n,;]+/));
  const consent = field('consent.privacy')?.trim().toLowerCase();
  input.consent = { privacy: consent === 'true' || consent === 'on' };
  return input;
}

/** After a registration: thanks, and what happens next. */
export function ManagerRegisteredPage({ lang }: { lang: Language }): VNode {
  const title = t(lang, 'manager.registered.title');
  return (
    <Layout lang={lang} title={title}>
      <div class="notice ok" role="status">
        <h1>{title}</h1>
        <p>{t(lang, 'manager.registered.body')}</p>
      </div>
      <p>{t(lang, 'manager.registered.next')}</p>
      <p>
        <a href={sitePath(`/?lang=${lang}`)}>{t(lang, 'page.backHome')}</a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------
// Availability

export interface ManagerAvailabilityPageProps {
  readonly lang: Language;
  readonly manager: {
    readonly name: string;
    readonly capacity: number;
    readonly load: number;
    readonly status: ManagerStatus;
  };
  /** Absolute path of the personal link (the form posts back to it). */
  readonly formAction: string;
  /** Submitted values ("capacity", "status"), shown again after an error. */
  readonly values?: FormValues;
  /** Field problems: "capacity" (e.g. below the load, 'availability.belowLoad'), "status". */
  readonly errors?: readonly FieldError[];
  /** After a successful update: true for the standard line, or the text to show. */
  readonly notice?: boolean | string;
}

/** Availability statuses a manager can choose themselves. */
const availabilityStatuses = ['active', 'inactive'] as const;

/**
 * The manager's personal page: current load and capacity, then a form to change the capacity and
 * pause or resume. A manager not vetted (or rejected) sees their status and no form.
 */
export function ManagerAvailabilityPage({
  lang,
  manager,
  formAction,
  values,
  errors = [],
  notice,
}: ManagerAvailabilityPageProps): VNode {
  const title = t(lang, 'manager.availability.title');
  const editable = (availabilityStatuses as readonly string[]).includes(manager.status);
  const shown: FormValues = values ?? { capacity: String(manager.capacity), status: manager.status };
  const kit = formKit(lang, shown, errors);
  return (
    <Layout lang={lang} title={title} switchHref={formAction}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} anchorOf={(field) => fieldId(controlOf(field))} />
      {notice ? (
        <div class="notice ok" role="status">
          <p>{typeof notice === 'string' ? notice : t(lang, 'manager.availability.saved')}</p>
        </div>
      ) : null}
      <p>{t(lang, 'manager.availability.intro', { name: manager.name })}</p>
      <h2>{t(lang, 'manager.availability.current')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'manager.availability.load')}</dt>
        <dd data-testid="manager-load">
          {t(lang, 'manager.availability.loadValue', { load: manager.load, capacity: manager.capacity })}
        </dd>
        <dt>{t(lang, 'manager.availability.status')}</dt>
        <dd>
          <strong data-testid="manager-status">{t(lang, `manager.status.${manager.status}`)}</strong>
        </dd>
      </dl>
      {editable ? (
        <form method="post" action={sitePath(formAction)} noValidate>
          <input type="hidden" name="lang" value={lang} />
          <kit.Input
            name="capacity"
            label={t(lang, 'field.capacity')}
            hint={t(lang, 'manager.availability.hint.capacity', { load: manager.load })}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            required
          />
          <kit.Group
            name="status"
            type="radio"
            legend={t(lang, 'field.status')}
            options={availabilityStatuses.map((status) => ({
              value: status,
              label: t(lang, `manager.availability.status.${status}`),
            }))}
            required
          />
          <button type="submit">{t(lang, 'manager.availability.submit')}</button>
        </form>
      ) : (
        <div class="notice">
          <p>{t(lang, 'manager.availability.notAvailable')}</p>
        </div>
      )}
    </Layout>
  );
}

/**
 * Reads the availability form: `{ capacity, status }` with the capacity as written in the form's
 * language (left as text when it is not a number, for the validation to report); blank fields left
 * out.
 */
export function availabilityFormToInput(fields: FormValues, lang: Language): Record<string, unknown> {
  const last = (name: string): string | undefined => {
    if (!Object.hasOwn(fields, name)) return undefined;
    const raw = fields[name];
    const value = typeof raw === 'string' ? raw : raw?.[raw.length - 1];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const input: Record<string, unknown> = {};
  const capacity = last('capacity');
  if (capacity !== undefined) input.capacity = parseLocaleNumber(capacity, lang);
  const status = last('status');
  if (status !== undefined) input.status = status.trim();
  return input;
}
