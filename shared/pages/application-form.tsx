// The public SME application form: server-rendered, works without JavaScript, posts
// application/x-www-form-urlencoded with dotted field names (see formFieldsToApplication).
import { atecoVersions } from '#shared/domain/ateco.ts';
import { lombardyProvinces } from '#shared/domain/lombardy.ts';
import { programmeNotice } from '#shared/domain/privacy.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { checksDeMinimis } from '#shared/domain/state-aid.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import { formatEuro } from '#shared/i18n/format.ts';
import { type Language, languages } from '#shared/i18n/language.ts';
import { type FieldName, type MessageKey, t } from '#shared/i18n/messages.ts';
import {
  declaredCustomerKinds,
  type FieldError,
  interestAreas,
  legalForms,
  stateAidFormRows,
} from '#shared/schemas/application.ts';
import { ErrorSummary, fieldId, formKit } from './form-kit.tsx';
import { Layout } from './layout.tsx';

export type { FieldError };

export interface ApplicationFormProps {
  readonly lang: Language;
  readonly programme: Programme;
  /** Submitted values by dotted field name, shown again after an error. */
  readonly values?: Readonly<Record<string, string | readonly string[]>>;
  readonly errors?: readonly FieldError[];
  /** A whole-form problem (duplicate application, closed programme). */
  readonly formError?: string;
}

export function ApplicationForm({
  lang,
  programme,
  values = {},
  errors = [],
  formError,
}: ApplicationFormProps) {
  // Messages in the form's language unless the applicant chooses otherwise.
  const kit = formKit(lang, { 'contact.language': lang, ...values }, errors);
  const { errorFor, value } = kit;
  const label = (name: FieldName) => t(lang, `field.${name}`);

  const Text = (props: {
    name: FieldName;
    type?: 'text' | 'email' | 'tel' | 'url' | 'number';
    required?: boolean;
    hint?: MessageKey;
    autocomplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'text';
  }) => (
    <kit.Input
      name={props.name}
      label={label(props.name)}
      optional={!props.required}
      required={props.required}
      // Numbers are typed as text so Italian formats ("1.200.000,50") are accepted as written.
      type={props.type === 'number' ? 'text' : props.type}
      inputMode={props.inputMode}
      autocomplete={props.autocomplete}
      {...(props.hint ? { hint: t(lang, props.hint) } : {})}
    />
  );

  const Select = (props: {
    name: FieldName;
    options: ReadonlyArray<{ value: string; label: string }>;
    required?: boolean;
  }) => (
    <kit.Select
      name={props.name}
      label={label(props.name)}
      options={props.options}
      required={props.required}
      choose={props.required === true}
    />
  );

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
      <ErrorSummary lang={lang} errors={otherErrors} formError={formError} />
      <form method="post" action={sitePath(routes.submitApplication.path)} noValidate>
        <input type="hidden" name="programmeId" value={programme.id} />
        <input type="hidden" name="lang" value={lang} />
        <fieldset>
          <legend>{t(lang, 'form.section.company')}</legend>
          <Text name="company.name" required autocomplete="organization" />
          {programme.eligibility.customerTypes.includes('public_body') ? (
            <Select
              name="company.customerKind"
              options={declaredCustomerKinds.map((kind) => ({
                value: kind,
                label: t(lang, `customerKind.${kind}`),
              }))}
            />
          ) : null}
          <Text name="company.vatNumber" required inputMode="numeric" hint="form.hint.vatNumber" />
          <Text name="company.taxCode" hint="form.hint.taxCode" />
          <Select
            name="company.legalForm"
            options={legalForms.map((form) => ({ value: form, label: t(lang, `legalForm.${form}`) }))}
          />
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
        {checksDeMinimis(programme.stateAid) ? (
          <fieldset data-testid="state-aid">
            <legend>{t(lang, 'form.section.stateAid')}</legend>
            <p class="hint">
              {t(lang, 'form.stateAid.intro', {
                years: programme.stateAid.windowYears,
                ceiling: formatEuro(programme.stateAid.ceilingEur, lang),
              })}
            </p>
            {errorFor('stateAid') ? (
              <span class="field-error" id={`${fieldId('stateAid')}-error`}>
                {errorFor('stateAid')}
              </span>
            ) : null}
            <kit.TextArea
              name="stateAid.linkedVatNumbers"
              label={label('stateAid.linkedVatNumbers')}
              hint={t(lang, 'field.stateAid.linkedVatNumbers.hint')}
              optional
              rows={3}
              maxLength={400}
            />
            {Array.from({ length: stateAidFormRows }, (_, row) => (
              <fieldset class="group">
                <legend>{t(lang, 'form.stateAid.aidRow', { n: row + 1 })}</legend>
                <p class="hint">{t(lang, 'form.stateAid.aidRowHint')}</p>
                <kit.Input
                  name={`stateAid.deMinimis.${row}.grantingBody`}
                  label={label('stateAid.deMinimis.grantingBody')}
                />
                <kit.Input
                  name={`stateAid.deMinimis.${row}.grantedOn`}
                  label={label('stateAid.deMinimis.grantedOn')}
                  type="date"
                />
                <kit.Input
                  name={`stateAid.deMinimis.${row}.amountEur`}
                  label={label('stateAid.deMinimis.amountEur')}
                  inputMode="decimal"
                />
                <kit.Input
                  name={`stateAid.deMinimis.${row}.regulation`}
                  label={label('stateAid.deMinimis.regulation')}
                />
              </fieldset>
            ))}
          </fieldset>
        ) : null}
        <fieldset class={consentError ? 'invalid' : undefined}>
          <legend>{t(lang, 'form.section.consent')}</legend>
          <p>
            <a
              href={`${sitePath(routes.privacyNotice.path.replace('{programmeId}', programme.id))}?lang=${lang}`}
              data-testid="privacy-notice"
            >
              {t(lang, 'privacy.link', { version: programmeNotice(programme).version })}
            </a>
          </p>
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
