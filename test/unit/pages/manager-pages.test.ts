import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { managerAvailabilitySchema, managerRegistrationSchema } from '#shared/domain/manager-onboarding.ts';
import {
  managerRejectedEmail,
  managerWelcomeEmail,
  vettingRequestEmail,
} from '#shared/email/manager-emails.tsx';
import { type Language, languages } from '#shared/i18n/language.ts';
import { managerMessagesEn, managerMessagesIt } from '#shared/i18n/manager-messages.ts';
import { messageCatalogues } from '#shared/i18n/messages.ts';
import {
  availabilityFormToInput,
  ManagerAvailabilityPage,
  ManagerRegisteredPage,
  ManagerRegistrationForm,
  registrationFormToInput,
} from '#shared/pages/manager-pages.tsx';
import { fieldErrorsOf } from '#shared/schemas/application.ts';

/** Every visible form control: its tag, type, id and name. */
function controls(html: string) {
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)]
    .filter(([, , attributes]) => !/type="hidden"/.test(attributes ?? ''))
    .map(([, tag, attributes]) => ({
      tag: tag ?? '',
      type: /\btype="([^"]+)"/.exec(attributes ?? '')?.[1],
      id: /\bid="([^"]+)"/.exec(attributes ?? '')?.[1],
      name: /\bname="([^"]+)"/.exec(attributes ?? '')?.[1],
    }));
}

/** Every control has an ID, and exactly one label points at it. */
function expectLabelledControls(html: string) {
  const found = controls(html);
  expect(found.length).toBeGreaterThan(1);
  for (const control of found) {
    expect(control.id, `${control.tag} ${control.name}`).toBeDefined();
    const labels = html.match(new RegExp(`<label[^>]*\\bfor="${control.id}"`, 'g')) ?? [];
    expect(labels.length, `label for ${control.id}`).toBe(1);
  }
  expect(new Set(found.map((control) => control.id)).size).toBe(found.length);
}

function expectCleanPage(html: string, lang: Language) {
  expect(html).toContain(`<html lang="${lang}">`);
  expect(html).not.toMatch(/\{\w+\}/);
  expect(html).not.toContain('undefined');
  expect(html).not.toContain('style="');
  expect(html).not.toContain('<script');
}

/** A realistic filled registration, as the browser posts it (repeated names are arrays). */
const filledRegistration = {
  lang: 'it',
  name: 'Roberto Sala',
  email: 'Roberto.Sala@Example.it',
  phone: '+39 02 1234567',
  languages: ['it', 'en'],
  atecoSections: ['C', 'K'],
  atecoDivisions: '25, 28 62',
  competences: ['digital', 'supply_chain', 'automationAndAi'],
  provinces: ['MI', 'MB', 'VA'],
  capacity: '3',
  cv: 'Vent’anni in meccanica di precisione, direttore di stabilimento.',
  conflicts: '01234560157\r\n\r\n  IT 123 456 700 33 \n',
  'consent.privacy': 'true',
};

describe('ManagerRegistrationForm', () => {
  for (const lang of languages) {
    it(`renders in ${lang}: posts to /managers, every field of the contract, a label for every control`, () => {
      // Act
      const html = renderToString(ManagerRegistrationForm({ lang }));

      // Assess
      expectCleanPage(html, lang);
      expect(html).toContain(messageCatalogues[lang]['manager.form.title']);
      expect(html).toMatch(/<form method="post" action="\/managers" novalidate>/);
      expect(html).toContain(`<input type="hidden" name="lang" value="${lang}"/>`);
      expectLabelledControls(html);
      const names = controls(html).map((control) => control.name);
      for (const name of [
        'name',
        'email',
        'phone',
        'languages',
        'atecoSections',
        'atecoDivisions',
        'competences',
        'provinces',
        'capacity',
        'cv',
        'conflicts',
        'consent.privacy',
      ]) {
        expect(names, name).toContain(name);
      }
      const count = (name: string) => names.filter((found) => found === name).length;
      expect(count('languages')).toBe(2);
      expect(count('atecoSections')).toBe(22);
      expect(count('competences')).toBe(14);
      expect(count('provinces')).toBe(12);
      expect(html).toContain('Monza e della Brianza (MB)');
      expect(html).toContain(lang === 'it' ? 'C — Attività manifatturiere' : 'C — Manufacturing');
      expect(html).toContain(lang === 'it' ? 'Digitale e Industria 4.0' : 'Digital and Industry 4.0');
      expect(html).toContain(
        lang === 'it' ? 'Automazione e intelligenza artificiale' : 'Automation and artificial intelligence',
      );
      expect(html).toMatch(/<legend>[^<]+<\/legend>/);
      expect(html).toContain(`(${messageCatalogues[lang]['form.optional']})`);
      // The switcher leads to the same form in the other language.
      expect(html).toContain(`href="/managers/register?lang=${lang === 'it' ? 'en' : 'it'}"`);
    });
  }

  it('keeps the values, marks the errors and links the summary to the controls (list items too)', () => {
    // Prepare
    const errors = [
      { field: 'email', message: 'E-mail: inserisci un indirizzo e-mail valido.' },
      { field: 'atecoDivisions.1', message: 'Divisioni: la divisione 99 non esiste.' },
      { field: 'provinces', message: 'Province: scegline almeno una.' },
      { field: 'conflicts.0', message: 'Partita IVA: la cifra di controllo non corrisponde.' },
      { field: 'consent', message: 'Privacy: devi accettare.' },
    ];

    // Act
    const html = renderToString(
      ManagerRegistrationForm({
        lang: 'it',
        values: { ...filledRegistration, email: 'roberto@', provinces: [] },
        errors,
        formError: messageCatalogues.it['error.serviceUnavailable'],
      }),
    );

    // Assess
    const summary = html.slice(html.indexOf('class="error-summary"'), html.indexOf('<form'));
    expect(summary).toContain('role="alert"');
    expect(summary).toContain(messageCatalogues.it['error.serviceUnavailable']);
    for (const [field, anchor] of [
      ['email', 'f-email'],
      ['atecoDivisions.1', 'f-atecoDivisions'],
      ['provinces', 'f-provinces'],
      ['conflicts.0', 'f-conflicts'],
      ['consent', 'f-consent-privacy'],
    ] as const) {
      const message = errors.find((error) => error.field === field)?.message ?? '';
      expect(summary, field).toContain(`<a href="#${anchor}">${message}</a>`);
      expect(html, field).toContain(`id="${anchor}"`);
      expect(html, field).toContain(`id="${anchor}-error"`);
    }
    expect(html).toMatch(/id="f-email"[^>]*value="roberto@"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/aria-describedby="f-provinces-hint f-provinces-error"/);
    expect(html).toMatch(/id="f-atecoDivisions"[^>]*value="25, 28 62"/);
    expect(html).toMatch(/name="languages" value="en" checked/);
    expect(html).toMatch(/name="atecoSections" value="K" checked/);
    expect(html).toMatch(/name="competences" value="automationAndAi" checked/);
    expect(html).not.toMatch(/name="competences" value="training" checked/);
    expect(html).toMatch(/name="consent.privacy" value="true" id="f-consent-privacy" checked/);
    expect(html).toContain('Vent’anni in meccanica di precisione');
  });

  it('labels the errors of the registration schema with the form’s field names', () => {
    // Prepare
    const input = registrationFormToInput({ lang: 'en', name: 'R', email: 'nope', capacity: 'tre' }, 'en');
    const parsed = managerRegistrationSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = parsed.success ? [] : fieldErrorsOf(parsed.error.issues, input, 'en');

    // Act
    const html = renderToString(ManagerRegistrationForm({ lang: 'en', values: {}, errors }));

    // Assess
    const fields = errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'languages', 'provinces', 'capacity']));
    expect(errors.find((error) => error.field === 'email')?.message).toMatch(/^E-mail: /);
    expect(errors.find((error) => error.field === 'capacity')?.message).toMatch(
      /^Companies followed at the same time: /,
    );
    expect(errors.find((error) => error.field === 'languages')?.message).toMatch(/^Working languages: /);
    for (const error of errors) {
      const anchor = error.field === 'consent.privacy' ? 'f-consent-privacy' : `f-${error.field}`;
      expect(html, error.field).toContain(`href="#${anchor}"`);
    }
  });
});

describe('registrationFormToInput', () => {
  it('turns a filled form into the POST /managers contract: lists, numbers, consent', () => {
    // Act
    const input = registrationFormToInput(filledRegistration, 'it');

    // Assess
    expect(input).toEqual({
      name: 'Roberto Sala',
      email: 'Roberto.Sala@Example.it',
      phone: '+39 02 1234567',
      languages: ['it', 'en'],
      atecoSections: ['C', 'K'],
      atecoDivisions: ['25', '28', '62'],
      competences: ['digital', 'supply_chain', 'automationAndAi'],
      provinces: ['MI', 'MB', 'VA'],
      capacity: 3,
      cv: 'Vent’anni in meccanica di precisione, direttore di stabilimento.',
      conflicts: ['01234560157', 'IT 123 456 700 33'],
      consent: { privacy: true },
    });
    const parsed = managerRegistrationSchema.safeParse(input);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({
      email: 'Roberto.Sala@example.it',
      capacity: 3,
      conflicts: ['01234560157', '12345670033'],
    });
  });

  it('leaves out blank optional fields and keeps the lists and the consent present', () => {
    // Act
    const input = registrationFormToInput(
      {
        name: 'Anna Villa',
        email: 'anna@example.it',
        phone: '  ',
        languages: 'en',
        provinces: ['', 'BG'],
        capacity: '2',
        cv: '',
        atecoDivisions: ' , ',
        conflicts: '\n',
      },
      'en',
    );

    // Assess
    expect(input).toEqual({
      name: 'Anna Villa',
      email: 'anna@example.it',
      languages: ['en'],
      atecoSections: [],
      competences: [],
      provinces: ['BG'],
      capacity: 2,
      consent: { privacy: false },
    });
  });

  it('reads capacity as written in the form’s language, and leaves text for the validation to report', () => {
    expect(registrationFormToInput({ capacity: '2,0' }, 'it').capacity).toBe(2);
    expect(registrationFormToInput({ capacity: 'tre' }, 'it').capacity).toBe('tre');
    expect(registrationFormToInput({ 'consent.privacy': 'on' }, 'en').consent).toEqual({ privacy: true });
    expect(registrationFormToInput({ name: ['A', 'Bea Neri'], constructor: 'x' }, 'en')).toMatchObject({
      name: 'Bea Neri',
    });
  });
});

describe('ManagerRegisteredPage', () => {
  for (const lang of languages) {
    it(`thanks and says what happens next in ${lang}`, () => {
      const html = renderToString(ManagerRegisteredPage({ lang }));
      expectCleanPage(html, lang);
      expect(html).toContain(messageCatalogues[lang]['manager.registered.body']);
      expect(html).toContain('role="status"');
      expect(html).not.toContain('<form');
    });
  }
});

describe('ManagerAvailabilityPage', () => {
  const formAction = '/managers/availability/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4';
  const manager = { name: 'Laura Conti', capacity: 3, load: 2, status: 'active' as const };

  for (const lang of languages) {
    it(`renders in ${lang}: load and capacity, a labelled form posting back to the link`, () => {
      // Act
      const html = renderToString(ManagerAvailabilityPage({ lang, manager, formAction }));

      // Assess
      expectCleanPage(html, lang);
      expectLabelledControls(html);
      expect(html).toContain(`<form method="post" action="${formAction}" novalidate>`);
      expect(html).toContain(`<input type="hidden" name="lang" value="${lang}"/>`);
      expect(html).toContain('Laura Conti');
      expect(html).toContain(lang === 'it' ? '2 su 3' : '2 of 3');
      expect(html).toMatch(/id="f-capacity" name="capacity" type="number"[^>]*value="3"/);
      expect(html).toMatch(/name="status" value="active" checked/);
      expect(html).toMatch(/name="status" value="inactive"(?! checked)/);
      expect(html).toContain('<legend>');
      expect(html).not.toContain('class="notice ok"');
    });
  }

  it('shows the success line, the submitted values after an error, and no form before vetting', () => {
    const saved = renderToString(
      ManagerAvailabilityPage({
        lang: 'en',
        manager: { ...manager, status: 'inactive' },
        formAction,
        notice: true,
      }),
    );
    expect(saved).toContain(messageCatalogues.en['manager.availability.saved']);
    expect(saved).toMatch(/name="status" value="inactive" checked/);
    const custom = renderToString(
      ManagerAvailabilityPage({ lang: 'it', manager, formAction, notice: 'Disponibilità aggiornata.' }),
    );
    expect(custom).toContain('<p>Disponibilità aggiornata.</p>');

    const refused = renderToString(
      ManagerAvailabilityPage({
        lang: 'it',
        manager,
        formAction,
        values: { capacity: '1', status: 'inactive' },
        errors: [{ field: 'capacity', message: 'Capacità: non sotto 2.' }],
      }),
    );
    expect(refused).toContain('<a href="#f-capacity">Capacità: non sotto 2.</a>');
    expect(refused).toMatch(/id="f-capacity"[^>]*value="1"[^>]*aria-invalid="true"/);
    expect(refused).toMatch(/aria-describedby="f-capacity-hint f-capacity-error"/);
    expect(refused).toMatch(/name="status" value="inactive" checked/);

    const pending = renderToString(
      ManagerAvailabilityPage({ lang: 'it', manager: { ...manager, status: 'pending_vetting' }, formAction }),
    );
    expect(pending).not.toContain('<form');
    expect(pending).toContain(messageCatalogues.it['manager.availability.notAvailable']);
  });

  it('reads the availability form into the schema’s shape', () => {
    const input = availabilityFormToInput(
      { lang: 'it', capacity: '4', status: ['active', 'inactive'] },
      'it',
    );
    expect(input).toEqual({ capacity: 4, status: 'inactive' });
    expect(managerAvailabilitySchema.safeParse(input).success).toBe(true);
    expect(availabilityFormToInput({ capacity: ' ' }, 'en')).toEqual({});
  });
});

describe('the manager e-mails', () => {
  const link = 'https://pmi.example.it/tasks/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4';
  const availabilityLink = 'https://pmi.example.it/managers/availability/cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6';

  for (const lang of languages) {
    for (const reminder of [false, true]) {
      it(`renders the vetting request in ${lang}${reminder ? ' as a reminder' : ''}: link, deadline`, () => {
        const email = vettingRequestEmail(lang, {
          managerName: 'Roberto Sala',
          link,
          dueAt: '2026-03-12T17:00:00.000Z',
          reminder,
        });
        for (const part of [email.subject, email.text, email.html]) {
          expect(part).not.toMatch(/\{\w+\}/);
          expect(part).not.toContain('undefined');
          expect(part).toContain('Roberto Sala');
        }
        expect(email.text).toContain(link);
        expect(email.html).toContain(`href="${link}"`);
        expect(email.text).toContain(lang === 'it' ? '12 marzo 2026' : '12 March 2026');
        expect(email.text).toContain('18:00');
        expect(email.subject.startsWith(lang === 'it' ? 'Promemoria: ' : 'Reminder: ')).toBe(reminder);
      });
    }

    it(`renders the welcome and the rejection in ${lang}`, () => {
      const welcome = managerWelcomeEmail(lang, { managerName: 'Roberto Sala', availabilityLink });
      const rejected = managerRejectedEmail(lang, {
        managerName: 'Roberto Sala',
        reason: 'Nessuna esperienza con le PMI.',
      });
      for (const email of [welcome, rejected]) {
        for (const part of [email.subject, email.text, email.html]) {
          expect(part).not.toMatch(/\{\w+\}/);
          expect(part).not.toContain('undefined');
        }
        expect(email.text).toContain('Roberto Sala');
        expect(email.subject.length).toBeGreaterThan(0);
      }
      expect(welcome.text).toContain(availabilityLink);
      expect(welcome.html).toContain(`href="${availabilityLink}"`);
      expect(rejected.text).toContain('Nessuna esperienza con le PMI.');
      expect(rejected.html).toContain('Nessuna esperienza con le PMI.');
      expect(rejected.html).not.toContain('href=');
    });
  }
});

describe('the manager catalogue', () => {
  it('has the same keys and placeholders in Italian and English', () => {
    expect(Object.keys(managerMessagesEn).sort()).toEqual(Object.keys(managerMessagesIt).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, italian] of Object.entries(managerMessagesIt)) {
      expect(placeholders(managerMessagesEn[key as keyof typeof managerMessagesIt]), key).toEqual(
        placeholders(italian),
      );
    }
  });
});
