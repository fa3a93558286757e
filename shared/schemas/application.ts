// The SME application: the JSON contract of POST /applications (also what the HTML form becomes),
// validated with zod, with every problem reported per field in the requester's language.
import * as z from 'zod';
import {
  type AtecoVersion,
  atecoVersions,
  defaultAtecoVersion,
  parseAtecoCode,
} from '#shared/domain/ateco.ts';
import { isValidPhone, normaliseEmail, normalisePhone } from '#shared/domain/contact.ts';
import { lombardyProvinceCodes } from '#shared/domain/lombardy.ts';
import { italianToday } from '#shared/domain/programme.ts';
import { classifyEnterprise } from '#shared/domain/sme-size.ts';
import { normaliseVatNumber, vatNumberProblem } from '#shared/domain/vat-number.ts';
import { type Language, languageSchema } from '#shared/i18n/language.ts';
import { isMessageKey, type MessageKey, t } from '#shared/i18n/messages.ts';
import { parseLocaleNumber } from '#shared/i18n/parse-number.ts';
import { storableNumber } from './number.ts';
import { singleLine } from './text.ts';

/** Where an SME wants to improve; the same list the assessment ranks later. */
export const interestAreas = [
  'digital',
  'supply_chain',
  'reshoring',
  'diversification',
  'internationalisation',
  'business_model',
  'training',
  'green_transition',
] as const;
export type InterestArea = (typeof interestAreas)[number];

/** Empty strings (an untouched optional form field, or "" in JSON) count as absent. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalText = (max: number) => z.preprocess(blankToUndefined, singleLine(0, max).optional());

const vatNumber = z
  .string()
  .max(20)
  .superRefine((value, ctx) => {
    const problem = vatNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.vatNumber.${problem}` });
  })
  .transform(normaliseVatNumber);

const taxCode = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{11}|[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z])$/, {
      message: 'validation.taxCode',
    })
    .optional(),
);

const website = z.preprocess(
  (value) => {
    const blank = blankToUndefined(value);
    return typeof blank === 'string' && !/^[a-z]+:\/\//i.test(blank.trim())
      ? `https://${blank.trim()}`
      : blank;
  },
  z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, message: 'validation.url' })
    .max(300)
    .optional(),
);

const euros = storableNumber().min(0).max(1e13);

/** Italian legal forms, as the State-aid register asks the beneficiary's. */
/** What the application form asks where a programme admits public bodies: a firm (its size follows from its figures) or a public body. */
export const declaredCustomerKinds = ['firm', 'public_body'] as const;
export type DeclaredCustomerKind = (typeof declaredCustomerKinds)[number];

export const legalForms = [
  'srl',
  'srls',
  'spa',
  'sapa',
  'snc',
  'sas',
  'sole_trader',
  'cooperative',
  'consortium',
  'network_contract',
  'other',
] as const;

/** Most linked firms and most aid entries a declaration lists (a transaction checks them all). */
export const stateAidDeclarationLimits = { linkedFirms: 20, aids: 20 } as const;

/**
 * The self-declaration of state aid (required where the programme's regime is de minimis; an empty
 * declaration is two empty lists): the firms of the single undertaking and the de minimis aid it
 * received. Amounts in euro; dates ISO, not in the future.
 */
export const stateAidDeclarationSchema = z.strictObject({
  linkedVatNumbers: z
    .array(vatNumber)
    .max(stateAidDeclarationLimits.linkedFirms)
    .transform((numbers) => [...new Set(numbers)]),
  deMinimis: z
    .array(
      z.strictObject({
        grantingBody: singleLine(2, 200),
        grantedOn: z.iso
          .date({ message: 'validation.invalid' })
          .refine((date) => date <= italianToday(), { message: 'validation.stateAid.futureDate' }),
        amountEur: storableNumber().positive().max(100_000_000),
        regulation: singleLine(2, 100),
      }),
    )
    .max(stateAidDeclarationLimits.aids),
});

export const applicationSchema = z.strictObject({
  programmeId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'validation.invalid' }),
  company: z.strictObject({
    name: singleLine(2, 200),
    vatNumber,
    taxCode,
    legalForm: z.preprocess(blankToUndefined, z.enum(legalForms).optional()),
    /** A firm (its size follows from its figures) or a public body; asked where the programme admits both. */
    customerKind: z.preprocess(blankToUndefined, z.enum(declaredCustomerKinds).optional()),
    atecoCode: z.string().trim().max(20),
    atecoVersion: z.enum(atecoVersions).default(defaultAtecoVersion),
    province: z.preprocess(
      (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
      z.enum(lombardyProvinceCodes, { message: 'validation.province' }),
    ),
    municipality: optionalText(100),
    website,
  }),
  size: z.strictObject({
    employees: storableNumber().min(0).max(1_000_000),
    turnoverEur: euros,
    balanceSheetEur: euros,
    publicControlPercent: storableNumber().min(0).max(100).optional(),
  }),
  contact: z.strictObject({
    name: singleLine(2, 120),
    email: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email({ message: 'validation.email' }))
      .transform(normaliseEmail),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(30)
        .refine(isValidPhone, { message: 'validation.phone' })
        .transform(normalisePhone)
        .optional(),
    ),
    language: z.preprocess(blankToUndefined, languageSchema.optional()),
  }),
  interests: z
    .array(z.enum(interestAreas))
    .min(1, { message: 'validation.interests' })
    .max(interestAreas.length)
    .transform((areas) => [...new Set(areas)]),
  stateAid: stateAidDeclarationSchema.optional(),
  consent: z.strictObject({
    privacy: z.literal(true, { message: 'validation.consent' }),
  }),
});

export type ApplicationInput = z.output<typeof applicationSchema>;

export interface FieldError {
  /** Dotted path of the field, as in the JSON contract and the form ("company.vatNumber"). */
  readonly field: string;
  readonly message: string;
}

export type ApplicationValidation =
  | {
      readonly ok: true;
      readonly value: ApplicationInput;
      readonly sme: ReturnType<typeof classifyEnterprise>;
      readonly ateco: Extract<ReturnType<typeof parseAtecoCode>, { ok: true }>;
    }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Form order, so errors are listed the way the form reads. */
const fieldOrder = [
  'programmeId',
  'company.name',
  'company.vatNumber',
  'company.taxCode',
  'company.legalForm',
  'company.customerKind',
  'company.atecoCode',
  'company.atecoVersion',
  'company.province',
  'company.municipality',
  'company.website',
  'size.employees',
  'size.turnoverEur',
  'size.balanceSheetEur',
  'size.publicControlPercent',
  'contact.name',
  'contact.email',
  'contact.phone',
  'contact.language',
  'interests',
  'stateAid',
  'stateAid.linkedVatNumbers',
  'stateAid.deMinimis',
  'stateAid.deMinimis.grantingBody',
  'stateAid.deMinimis.grantedOn',
  'stateAid.deMinimis.amountEur',
  'stateAid.deMinimis.regulation',
  'consent.privacy',
];

/**
 * The form field an issue is about: the path, keeping the row of a declared aid
 * ("stateAid.deMinimis.1.amountEur", one input per row) and dropping the index of a listed linked
 * firm (one textarea holds them all).
 */
function fieldOfPath(path: readonly PropertyKey[]): string {
  const segments = path.filter(
    (segment): segment is string | number => typeof segment === 'string' || typeof segment === 'number',
  );
  if (segments[0] === 'stateAid' && segments[1] === 'deMinimis') return segments.join('.');
  return segments.filter((segment) => typeof segment === 'string').join('.');
}

function valueAt(input: unknown, path: readonly string[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The required fields of a section of the application ("size" → size.employees, …), from the schema. */
function requiredFieldsOf(path: readonly string[]): string[] {
  if (path.length !== 1) return [];
  const section = (applicationSchema.shape as Record<string, z.ZodType>)[path[0] ?? ''];
  if (!(section instanceof z.ZodObject)) return [];
  return Object.entries(section.shape as Record<string, z.ZodType>)
    .filter(([, child]) => !child.safeParse(undefined).success)
    .map(([name]) => `${path[0]}.${name}`);
}

function fieldLabel(lang: Language, field: string): string {
  const row = /^stateAid\.deMinimis\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (row) {
    const aid = t(lang, 'form.stateAid.aidRow', { n: Number(row[1]) + 1 });
    const part = row[2] ? `field.stateAid.deMinimis.${row[2]}` : '';
    return isMessageKey(part) ? `${aid}, ${t(lang, part).toLowerCase()}` : aid;
  }
  const key = `field.${field}`;
  return isMessageKey(key) ? t(lang, key) : field;
}

/** One message per zod issue, naming the field in the requester's language. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, lang: Language): FieldError[] {
  const path = issue.path.filter((segment): segment is string => typeof segment === 'string');
  if (issue.code === 'unrecognized_keys') return unknownFieldErrors(path, issue.keys, lang);
  // A body that is not an object at all (null, [], "x", 42): say so, naming the body.
  if (path.length === 0 && issue.code === 'invalid_type')
    return [{ field: 'body', message: t(lang, 'validation.bodyObject') }];
  const field = fieldOfPath(issue.path);
  const label = fieldLabel(lang, field);
  const message = (key: MessageKey, params: Record<string, string | number> = {}) => [
    { field, message: t(lang, key, { field: label, ...params }) },
  ];
  const raw = valueAt(input, path[0] === 'stateAid' ? issue.path.map(String) : path);
  // A whole section left empty (no size figure at all): each of its required fields is named, so
  // each one is marked on the form and linked from the summary.
  const missingSection = raw === undefined ? requiredFieldsOf(path) : [];
  if (missingSection.length > 0)
    return missingSection.map((child) => ({
      field: child,
      message: t(lang, 'validation.required', { field: fieldLabel(lang, child) }),
    }));
  // An empty field is "required", whatever else its rule would say about a value (a province
  // outside Lombardy); consent says itself what to do.
  if (isBlank(raw) && issue.message !== 'validation.consent') return message('validation.required');
  if (isMessageKey(issue.message)) {
    return message(issue.message, (issue as { params?: Record<string, string | number> }).params);
  }
  switch (issue.code) {
    case 'invalid_type':
      if (raw === undefined || raw === null) return message('validation.required');
      return message(issue.expected === 'number' ? 'validation.number' : 'validation.invalid');
    case 'too_small':
      if (issue.origin === 'string')
        return message(Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort', {
          min: Number(issue.minimum),
        });
      return message('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return message('validation.tooLong', { max: Number(issue.maximum) });
      return message('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_value':
      return message('validation.choice');
    default:
      return message('validation.invalid');
  }
}

/**
 * Validates an application (parsed JSON or converted form fields).
 * @param lang - language of the error messages
 * @returns the clean application with its SME class and ATECO section, or every field's problem
 */
export function validateApplication(
  input: unknown,
  lang: Language,
  rules: { readonly stateAidRequired?: boolean } = {},
): ApplicationValidation {
  const parsed = applicationSchema.safeParse(input);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => describeIssue(issue, input, lang));
  errors.push(...stateAidDeclarationErrors(input, lang, rules.stateAidRequired === true));

  // ATECO depends on the version chosen, so it is checked on the raw values, beside the others.
  const rawAteco = valueAt(input, ['company', 'atecoCode']);
  const rawVersion = valueAt(input, ['company', 'atecoVersion']) ?? defaultAtecoVersion;
  let ateco: ReturnType<typeof parseAtecoCode> | undefined;
  if (typeof rawAteco === 'string' && (atecoVersions as readonly unknown[]).includes(rawVersion)) {
    const version = rawVersion as AtecoVersion;
    ateco = rawAteco.trim() === '' ? undefined : parseAtecoCode(rawAteco, version);
    if (rawAteco.trim() === '' || (ateco && !ateco.ok)) {
      const key: MessageKey =
        rawAteco.trim() === ''
          ? 'validation.required'
          : ateco && !ateco.ok && ateco.problem === 'division'
            ? 'validation.ateco.division'
            : 'validation.ateco.format';
      errors.push({
        field: 'company.atecoCode',
        message: t(lang, key, {
          field: fieldLabel(lang, 'company.atecoCode'),
          division: rawAteco.trim().slice(0, 2),
          version,
        }),
      });
    }
  }

  const unique = [...new Map(errors.map((error) => [error.field, error])).values()];
  if (!parsed.success || unique.length > 0 || !ateco?.ok) {
    const rank = (field: string) => {
      // A declared aid's row: its field's place, then the row's number.
      const row = /^stateAid\.deMinimis\.(\d+)(?:\.(\w+))?$/.exec(field);
      const index = fieldOrder.indexOf(row ? `stateAid.deMinimis${row[2] ? `.${row[2]}` : ''}` : field);
      return (index < 0 ? fieldOrder.length : index) + (row ? Number(row[1]) / 100 : 0);
    };
    return { ok: false, errors: unique.sort((a, b) => rank(a.field) - rank(b.field)) };
  }
  return { ok: true, value: parsed.data, sme: classifyEnterprise(parsed.data.size), ateco };
}

/**
 * What the declaration's schema cannot know alone: it is required where the programme's regime is
 * de minimis, and the firm's own Partita IVA is not one of its linked firms.
 */
function stateAidDeclarationErrors(input: unknown, lang: Language, required: boolean): FieldError[] {
  const declaration = valueAt(input, ['stateAid']);
  if (declaration === undefined || declaration === null) {
    return required
      ? [
          {
            field: 'stateAid',
            message: t(lang, 'validation.required', { field: fieldLabel(lang, 'stateAid') }),
          },
        ]
      : [];
  }
  const own = valueAt(input, ['company', 'vatNumber']);
  const linked = valueAt(input, ['stateAid', 'linkedVatNumbers']);
  if (typeof own !== 'string' || !Array.isArray(linked)) return [];
  const ownNumber = normaliseVatNumber(own);
  return linked.some((number) => typeof number === 'string' && normaliseVatNumber(number) === ownNumber)
    ? [
        {
          field: 'stateAid.linkedVatNumbers',
          message: t(lang, 'validation.stateAid.ownVatNumber', {
            field: fieldLabel(lang, 'stateAid.linkedVatNumbers'),
          }),
        },
      ]
    : [];
}

/** Form fields holding numbers, typed as text so people can write "1.200.000,50" or "12,5". */
const numericFields = new Set([
  'size.employees',
  'size.turnoverEur',
  'size.balanceSheetEur',
  'size.publicControlPercent',
]);
const listFields = new Set(['interests']);
const booleanFields = new Set(['consent.privacy']);
const forbiddenSegments = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Turns the HTML form's fields (dotted names, everything a string) into the JSON contract's shape,
 * so one validation serves both.
 * @param lang - the language the form was shown in, to read numbers
 */
export function formFieldsToApplication(
  fields: Readonly<Record<string, string | readonly string[]>>,
  lang: Language = 'it',
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const set = (path: string, value: unknown) => {
    const segments = path.split('.');
    if (segments.length > 3 || segments.some((segment) => segment === '' || forbiddenSegments.has(segment)))
      return;
    let node = result;
    for (const segment of segments.slice(0, -1)) {
      const next = node[segment];
      if (next === undefined || typeof next !== 'object' || next === null || Array.isArray(next)) {
        node[segment] = {};
      }
      node = node[segment] as Record<string, unknown>;
    }
    node[segments[segments.length - 1] as string] = value;
  };
  const declaration = stateAidFromForm(fields, lang);
  if (declaration) result.stateAid = declaration;
  for (const [name, raw] of Object.entries(fields)) {
    if (name.startsWith('stateAid.')) continue;
    const values = typeof raw === 'string' ? [raw] : [...raw];
    if (listFields.has(name)) {
      set(
        name,
        values.filter((value) => value.trim() !== ''),
      );
      continue;
    }
    const value = values[values.length - 1] ?? '';
    if (booleanFields.has(name)) set(name, value === 'true' || value === 'on');
    else if (value.trim() === '') continue;
    else if (numericFields.has(name)) set(name, parseLocaleNumber(value, lang));
    else set(name, value);
  }
  for (const name of listFields) if (!(name in fields)) set(name, []);
  for (const name of booleanFields) if (!(name in fields)) set(name, false);
  return result;
}

/** The aid rows the application form offers (a longer declaration goes through the JSON contract). */
export const stateAidFormRows = 5;
const aidRowFields = ['grantingBody', 'grantedOn', 'amountEur', 'regulation'] as const;

/** The last value a form posted under a name, trimmed ('' when absent). */
function lastValue(fields: Readonly<Record<string, string | readonly string[]>>, name: string): string {
  const raw = fields[name];
  return (typeof raw === 'string' ? raw : (raw?.[raw.length - 1] ?? '')).trim();
}

/** The form's aid rows that hold anything, in order, each as its four cells (the one rule for an empty row). */
function filledAidRows(fields: Readonly<Record<string, string | readonly string[]>>) {
  return Array.from({ length: stateAidFormRows }, (_, row) =>
    aidRowFields.map((field) => [field, lastValue(fields, `stateAid.deMinimis.${row}.${field}`)] as const),
  ).filter((cells) => cells.some(([, value]) => value !== ''));
}

/**
 * The declaration as the form posts it: linked firms one per line (or comma-separated) in one
 * textarea, each aid in a row of four fields; a row left empty is no aid. Undefined when the form
 * had no declaration (the programme does not ask for one).
 */
function stateAidFromForm(
  fields: Readonly<Record<string, string | readonly string[]>>,
  lang: Language,
): Record<string, unknown> | undefined {
  if (!Object.keys(fields).some((name) => name.startsWith('stateAid.'))) return undefined;
  const linkedVatNumbers = lastValue(fields, 'stateAid.linkedVatNumbers')
    .split(/[\s,;]+/)
    .filter((number) => number !== '');
  const deMinimis = filledAidRows(fields).map((cells) =>
    Object.fromEntries(
      cells
        .filter(([, value]) => value !== '')
        .map(([field, value]) => [field, field === 'amountEur' ? parseLocaleNumber(value, lang) : value]),
    ),
  );
  return { linkedVatNumbers, deMinimis };
}

/**
 * The form's fields with the declared aid rows renumbered as the declaration numbers them (empty
 * rows left out), so a form shown again after an error puts each row's error beside its row.
 */
export function compactStateAidRows(
  fields: Readonly<Record<string, string | readonly string[]>>,
): Record<string, string | readonly string[]> {
  const rest: Record<string, string | readonly string[]> = Object.fromEntries(
    Object.entries(fields).filter(([name]) => !name.startsWith('stateAid.deMinimis.')),
  );
  filledAidRows(fields).forEach((cells, row) => {
    for (const [field, value] of cells) rest[`stateAid.deMinimis.${row}.${field}`] = value;
  });
  return rest;
}

/** How many unknown fields an answer names one by one; the rest are counted (a 5,000-key body gets a short answer). */
const unknownFieldsListed = 10;

/** The errors for fields a strict schema does not know: the first few named, the rest counted. */
export function unknownFieldErrors(
  path: readonly (string | number)[],
  keys: readonly string[],
  lang: Language,
): FieldError[] {
  const named = keys.slice(0, unknownFieldsListed).map((key) => {
    const field = [...path, key.slice(0, 100)].join('.');
    return { field, message: t(lang, 'validation.unknownField', { field }) };
  });
  const more = keys.length - named.length;
  return more > 0
    ? [
        ...named,
        {
          field: path.join('.') || 'body',
          message: t(lang, 'validation.unknownFieldsMore', { count: more }),
        },
      ]
    : named;
}

/**
 * Field errors for any validated input: one per field, the field named in the requester's language
 * (`field.<path>` messages), in the order given.
 */
export function fieldErrorsOf(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  lang: Language,
): FieldError[] {
  const errors = issues.flatMap((issue) => describeIssue(issue, input, lang));
  return [...new Map(errors.map((error) => [error.field, error])).values()];
}
