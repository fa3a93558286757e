// The managers' pages: the public registration form (posts the same fields as the JSON contract of
// POST /managers, dotted names, everything a string; registrationFormToInput turns them into that
// contract), the thank-you page after it, and the personal availability page behind the link of the
// welcome e-mail. Server-rendered, no JavaScript.
import type { VNode } from 'preact';
import { atecoSections } from '#shared/domain/ateco.ts';
import { lombardyProvinces } from '#shared/domain/lombardy.ts';
import { dmaDimensions, type ManagerStatus, managerAtecoVersion } from '#shared/domain/manager.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import { type Language, languages } from '#shared/i18n/language.ts';
import { type FieldName, isMessageKey, type MessageKey, t } from '#shared/i18n/messages.ts';
import { interestAreas, parseLocaleNumber } from '#shared/schemas/application.ts';
import type { FieldError } from './application-form.tsx';
import { Layout } from './layout.tsx';

type FormValues = Readonly<Record<string, string | readonly string[]>>;

const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

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

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function labelOrCode(lang: Language, key: string, fallback: string): string {
  return isMessageKey(key) ? t(lang, key) : fallback;
}

/** The form controls of one page, bound to its language, submitted values and errors. */
function formKit(lang: Language, values: FormValues, errors: readonly FieldError[]) {
  const errorFor = (name: string) => errors.find((error) => controlOf(error.field) === name)?.message;
  const all = (name: string): string[] => {
    if (!Object.hasOwn(values, name)) return [];
    const raw = values[name];
    if (raw === undefined) return [];
    return typeof raw === 'string' ? [raw] : [...raw];
  };
  const value = (name: string): string => {
    const found = all(name);
    return found[found.length - 1] ?? '';
  };

  interface ControlProps {
    readonly name: string;
    readonly label: string;
    readonly hint?: string;
    /** Shows "(optional)" after the label. */
    readonly optional?: boolean;
    readonly required?: boolean;
  }

  const Label = (props: ControlProps & { id: string }) => (
    <label for={props.id}>
      {props.label}
      {props.optional ? ` (${t(lang, 'form.optional')})` : ''}
    </label>
  );

  const HintAndError = (props: { id: string; hint?: string; error?: string }) => (
    <>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </>
  );

  const Input = (
    props: ControlProps & {
      type?: 'text' | 'email' | 'tel' | 'number';
      inputMode?: 'decimal' | 'numeric' | 'text' | 'email' | 'tel';
      min?: number;
      max?: number;
      step?: number | 'any';
      autocomplete?: string;
    },
  ) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <Label {...props} id={id} />
        <HintAndError id={id} hint={props.hint} error={error} />
        <input
          id={id}
          name={props.name}
          type={(props.type ?? 'text') as 'text'}
          inputMode={props.inputMode}
          min={props.min}
          max={props.max}
          step={props.step}
          value={value(props.name)}
          required={props.required}
          autoComplete={props.autocomplete ?? 'off'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
        />
      </div>
    );
  };

  const TextArea = (props: ControlProps & { rows?: number; maxLength?: number }) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <Label {...props} id={id} />
        <HintAndError id={id} hint={props.hint} error={error} />
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          required={props.required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
        >
          {value(props.name)}
        </textarea>
      </div>
    );
  };

  interface Option {
    readonly value: string;
    readonly label: string;
  }

  /** The boxes or radios of a group, each labelled; the first carries the group's ID (the anchor). */
  const Choices = (props: {
    name: string;
    type: 'checkbox' | 'radio';
    options: readonly Option[];
    chosen: ReadonlySet<string>;
    invalid: boolean;
    required?: boolean;
    /** The first control's ID; false when an earlier group in the same fieldset already has it. */
    anchor?: boolean;
  }) => {
    const id = fieldId(props.name);
    return (
      <div class="choices">
        {props.options.map((option, index) => {
          const optionId = index === 0 && props.anchor !== false ? id : `${id}-${option.value}`;
          return (
            <label class="choice" for={optionId}>
              <input
                type={props.type}
                id={optionId}
                name={props.name}
                value={option.value}
                checked={props.chosen.has(option.value)}
                required={props.required}
                aria-invalid={props.invalid ? 'true' : undefined}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
    );
  };

  /** A group of boxes or radios: fieldset and legend, hint and error named once. */
  const Group = (props: {
    name: string;
    type: 'checkbox' | 'radio';
    legend: string;
    hint?: string;
    options: readonly Option[];
    required?: boolean;
  }) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    const chosen = new Set(props.type === 'radio' ? [value(props.name)] : all(props.name));
    return (
      <fieldset
        class={error ? 'invalid' : undefined}
        aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
      >
        <legend>{props.legend}</legend>
        <HintAndError id={id} hint={props.hint} error={error} />
        <Choices
          name={props.name}
          type={props.type}
          options={props.options}
          chosen={chosen}
          invalid={Boolean(error)}
          required={props.type === 'radio' ? props.required : undefined}
        />
      </fieldset>
    );
  };

  return { errorFor, all, value, Input, TextArea, Choices, Group };
}

function ErrorSummary(props: { lang: Language; errors: readonly FieldError[]; formError?: string }) {
  if (props.errors.length === 0 && !props.formError) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t(props.lang, 'form.errorSummary')}</h2>
      {props.formError ? <p>{props.formError}</p> : null}
      {props.errors.length > 0 ? (
        <ul>
          {props.errors.map((error) => (
            <li>
              <a href={`#${fieldId(controlOf(error.field))}`}>{error.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
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
      <ErrorSummary lang={lang} errors={errors} formError={formError} />
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

const forbiddenNames = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Turns the registration form's fields (urlencoded, everything a string) into the JSON contract of
 * POST /managers, so one validation serves both: the boxes become lists (blank ones dropped), the
 * divisions text "25, 28" and the conflicts text (one Partita IVA per line) become lists, capacity
 * is read as written in the form's language, the consent box a boolean. Blank fields are left out
 * (optional ones are then absent, required ones reported as required).
 * @param lang - the language the form was shown in, to read numbers
 */
export function registrationFormToInput(fields: FormValues, lang: Language): Record<string, unknown> {
  const all = (name: string): string[] => {
    if (!Object.hasOwn(fields, name) || forbiddenNames.has(name)) return [];
    const raw = fields[name];
    if (raw === undefined) return [];
    return typeof raw === 'string' ? [raw] : [...raw];
  };
  /** The last value of a field, or undefined when absent or blank. */
  const field = (name: string): string | undefined => {
    const values = all(name);
    const last = values[values.length - 1];
    return last === undefined || last.trim() === '' ? undefined : last;
  };
  const list = (name: string): string[] =>
    all(name)
      .map((item) => item.trim())
      .filter((item) => item !== '');
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
      <ErrorSummary lang={lang} errors={errors} />
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
