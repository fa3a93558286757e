// The public SME application form: server-rendered, works without JavaScript, posts
// application/x-www-form-urlencoded with dotted field names (see formFieldsToApplication).
import { atecoVersions } from '#shared/domain/ateco.ts';
import { lombardyProvinces } from '#shared/domain/lombardy.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import { type Language, languages } from '#shared/i18n/language.ts';
import { type FieldName, type MessageKey, t } from '#shared/i18n/messages.ts';
import { interestAreas } from '#shared/schemas/application.ts';
import { Layout } from './layout.tsx';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ApplicationFormProps {
  readonly lang: Language;
  readonly programme: Programme;
  /** Submitted values by dotted field name, shown again after an error. */
  readonly values?: Readonly<Record<string, string | readonly string[]>>;
  readonly errors?: readonly FieldError[];
  /** A whole-form problem (duplicate application, closed programme). */
  readonly formError?: string;
}

const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

export function ApplicationForm({
  lang,
  programme,
  values = {},
  errors = [],
  formError,
}: ApplicationFormProps) {
  const errorFor = (name: string) => errors.find((error) => error.field === name)?.message;
  const value = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : '';
  };
  const label = (name: FieldName) => t(lang, `field.${name}`);

  const Text = (props: {
    name: FieldName;
    type?: 'text' | 'email' | 'tel' | 'url' | 'number';
    required?: boolean;
    hint?: MessageKey;
    autocomplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'text';
  }) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <label for={id}>
          {label(props.name)}
          {props.required ? '' : ` (${t(lang, 'form.optional')})`}
        </label>
        {props.hint ? (
          <span class="hint" id={`${id}-hint`}>
            {t(lang, props.hint)}
          </span>
        ) : null}
        {error ? (
          <span class="field-error" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <input
          id={id}
          name={props.name}
          // Numbers are typed as text so Italian formats ("1.200.000,50") are accepted as written.
          type={(props.type === 'number' ? 'text' : (props.type ?? 'text')) as 'text'}
          inputMode={props.inputMode}
          value={value(props.name)}
          required={props.required}
          autoComplete={props.autocomplete}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
        />
      </div>
    );
  };

  const Select = (props: {
    name: FieldName;
    options: ReadonlyArray<{ value: string; label: string }>;
    required?: boolean;
  }) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <label for={id}>{label(props.name)}</label>
        {error ? (
          <span class="field-error" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <select
          id={id}
          name={props.name}
          required={props.required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          {props.required ? <option value="">{t(lang, 'form.choose')}</option> : null}
          {props.options.map((option) => (
            <option value={option.value} selected={value(props.name) === option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  const chosenInterests = new Set(
    Array.isArray(values.interests) ? values.interests : values.interests ? [values.interests as string] : [],
  );
  const interestsError = errorFor('interests');
  const consentError = errorFor('consent.privacy');
  const otherErrors = errors;

  return (
    <Layout lang={lang} title={t(lang, 'form.title')} switchHref={`/?programme=${programme.id}`}>
      <h1>{t(lang, 'form.title')}</h1>
      <p>{t(lang, 'form.intro', { programme: programme.names[lang] })}</p>
      {formError || otherErrors.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">{t(lang, 'form.errorSummary')}</h2>
          {formError ? <p>{formError}</p> : null}
          {otherErrors.length > 0 ? (
            <ul>
              {otherErrors.map((error) => (
                <li>
                  <a href={`#${fieldId(error.field)}`}>{error.message}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form method="post" action={sitePath(routes.submitApplication.path)} noValidate>
        <input type="hidden" name="programmeId" value={programme.id} />
        <input type="hidden" name="lang" value={lang} />
        <fieldset>
          <legend>{t(lang, 'form.section.company')}</legend>
          <Text name="company.name" required autocomplete="organization" />
          <Text name="company.vatNumber" required inputMode="numeric" hint="form.hint.vatNumber" />
          <Text name="company.taxCode" hint="form.hint.taxCode" />
          <Text name="company.atecoCode" required hint="form.hint.atecoCode" />
          <Select
            name="company.atecoVersion"
            options={atecoVersions.map((version) => ({ value: version, label: `ATECO ${version}` }))}
          />
          <Select
            name="company.province"
            required
            options={Object.entries(lombardyProvinces).map(([code, name]) => ({
              value: code,
              label: `${name} (${code})`,
            }))}
          />
          <Text name="company.municipality" autocomplete="address-level2" />
          <Text name="company.website" type="url" autocomplete="url" />
        </fieldset>
        <fieldset>
          <legend>{t(lang, 'form.section.size')}</legend>
          <p class="hint">{t(lang, 'form.hint.size')}</p>
          <Text name="size.employees" type="number" required inputMode="decimal" hint="form.hint.employees" />
          <Text name="size.turnoverEur" type="number" required inputMode="decimal" hint="form.hint.euro" />
          <Text
            name="size.balanceSheetEur"
            type="number"
            required
            inputMode="decimal"
            hint="form.hint.euro"
          />
          <Text
            name="size.publicControlPercent"
            type="number"
            inputMode="decimal"
            hint="form.hint.publicControl"
          />
        </fieldset>
        <fieldset>
          <legend>{t(lang, 'form.section.contact')}</legend>
          <Text name="contact.name" required autocomplete="name" />
          <Text name="contact.email" type="email" required autocomplete="email" />
          <Text name="contact.phone" type="tel" autocomplete="tel" />
          <Select
            name="contact.language"
            options={languages.map((language) => ({ value: language, label: t(language, 'language.name') }))}
          />
        </fieldset>
        <fieldset
          class={interestsError ? 'invalid' : undefined}
          aria-describedby={interestsError ? `${fieldId('interests')}-error` : undefined}
        >
          <legend>{label('interests')}</legend>
          {interestsError ? (
            <span class="field-error" id={`${fieldId('interests')}-error`}>
              {interestsError}
            </span>
          ) : null}
          <div class="choices">
            {interestAreas.map((area, index) => (
              <label class="choice">
                <input
                  type="checkbox"
                  name="interests"
                  value={area}
                  id={index === 0 ? fieldId('interests') : undefined}
                  checked={chosenInterests.has(area)}
                />
                <span>{t(lang, `interest.${area}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class={consentError ? 'invalid' : undefined}>
          <legend>{t(lang, 'form.section.consent')}</legend>
          {consentError ? (
            <span class="field-error" id={`${fieldId('consent.privacy')}-error`}>
              {consentError}
            </span>
          ) : null}
          <label class="choice">
            <input
              type="checkbox"
              name="consent.privacy"
              value="true"
              id={fieldId('consent.privacy')}
              checked={value('consent.privacy') === 'true'}
              aria-describedby={consentError ? `${fieldId('consent.privacy')}-error` : undefined}
            />
            <span>{label('consent.privacy')}</span>
          </label>
        </fieldset>
        <button type="submit">{t(lang, 'form.submit')}</button>
      </form>
    </Layout>
  );
}
