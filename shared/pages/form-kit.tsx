// The form controls every server-rendered form uses (task pages, manager registration and
// availability): label, hint and error wired for screen readers (aria-describedby, aria-invalid),
// submitted values shown again, and the error summary that links each message to its control.
import { lombardyProvinces } from '#shared/domain/lombardy.ts';
import type { Language } from '#shared/i18n/language.ts';
import { isMessageKey, t } from '#shared/i18n/messages.ts';
import type { FieldError } from '#shared/schemas/application.ts';

/** Submitted values by dotted field name (everything a string; repeated names give lists). */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

/** The ID of a field's control: "project.kpis.0.name" → "f-project-kpis-0-name". */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

export const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

/** The catalogue's text for a code, or the code itself when the catalogue has none. */
export function labelOrCode(lang: Language, key: string, fallback: string): string {
  return isMessageKey(key) ? t(lang, key) : fallback;
}

/** A Lombardy province as "Varese (VA)", or the code as given. */
export function provinceName(code: string): string {
  return Object.hasOwn(lombardyProvinces, code)
    ? `${lombardyProvinces[code as keyof typeof lombardyProvinces]} (${code})`
    : code;
}

/** The form controls of one page, bound to its language, submitted values and errors. */
export function formKit(
  lang: Language,
  values: FormValues,
  errors: readonly FieldError[],
  /** The control an error's field belongs to ("conflicts.2" → "conflicts"); by default the field. */
  controlOf: (field: string) => string = (field) => field,
) {
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
    /** Shows "— only if you choose …" after the label. */
    readonly condition?: string;
    /** Always required (adds the attribute; the server validates anyway). */
    readonly required?: boolean;
  }

  const Label = (props: ControlProps & { id: string }) => (
    <label for={props.id}>
      {props.label}
      {props.optional ? ` (${t(lang, 'form.optional')})` : ''}
      {props.condition ? ` — ${props.condition}` : ''}
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
      type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'date';
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

  const Select = (
    props: ControlProps & {
      options: readonly { value: string; label: string }[];
      /** Error shown by the enclosing group instead (the control is still marked invalid). */
      groupError?: string;
      /** This control's own error, when the page works it out (else the posted answer's). */
      error?: string | undefined;
      /** Starts with an empty "Choose…" option (default); without it the first option is preselected. */
      choose?: boolean;
      describedBy?: string;
    },
  ) => {
    const id = fieldId(props.name);
    const error = props.error ?? errorFor(props.name);
    const invalid = Boolean(error ?? props.groupError);
    return (
      <div class={invalid ? 'field invalid' : 'field'}>
        <Label {...props} id={id} />
        <HintAndError id={id} hint={props.hint} error={error} />
        <select
          id={id}
          name={props.name}
          required={props.required}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy(
            props.hint && `${id}-hint`,
            error && `${id}-error`,
            props.describedBy,
          )}
        >
          {props.choose === false ? null : <option value="">{t(lang, 'form.choose')}</option>}
          {props.options.map((option) => (
            <option value={option.value} selected={value(props.name) === option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  /** A radio group: fieldset and legend, the error named once, each radio labelled. */
  const Radios = (props: {
    name: string;
    legend: string;
    options: readonly { value: string; label: string }[];
    required?: boolean;
    /**
     * Sends the name even when nothing is chosen (an empty hidden field before the radios), so an
     * unanswered group in a list keeps its position ("qualitativeProgress.2" → required).
     */
    alwaysSent?: boolean;
  }) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    return (
      <fieldset class={error ? 'invalid' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{props.legend}</legend>
        {props.alwaysSent ? <input type="hidden" name={props.name} value="" /> : null}
        {error ? (
          <span class="field-error" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <div class="choices">
          {props.options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <label class="choice" for={optionId}>
                <input
                  type="radio"
                  id={optionId}
                  name={props.name}
                  value={option.value}
                  checked={value(props.name) === option.value}
                  required={props.required}
                  aria-invalid={error ? 'true' : undefined}
                />
                <span>{option.label}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
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

  return { errorFor, all, value, Input, TextArea, Select, Radios, Choices, Group };
}

export type Kit = ReturnType<typeof formKit>;

/**
 * The errors of a form, each linking to its control, with a whole-form problem above them.
 * @param anchorOf - the control an error's field lands on (a group's first control)
 */
export function ErrorSummary(props: {
  lang: Language;
  errors: readonly FieldError[];
  formError?: string;
  anchorOf?: (field: string) => string;
}) {
  if (props.errors.length === 0 && !props.formError) return null;
  const anchorOf = props.anchorOf ?? fieldId;
  return (
    // Focused when the page loads (GOV.UK's pattern): a screen reader reads it first, Tab goes on to the links.
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{t(props.lang, 'form.errorSummary')}</h2>
      {props.formError ? <p>{props.formError}</p> : null}
      {props.errors.length > 0 ? (
        <ul>
          {props.errors.map((error) => (
            <li>
              <a href={`#${anchorOf(error.field)}`}>{error.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
