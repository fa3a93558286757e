// Every e-mail's foot links the privacy notice, in the e-mail's language, in both parts.
import { describe, expect, it } from 'vitest';
import { mailerConfig } from '#shared/email/mailer.ts';
import { applicationReceiptEmail, withPrivacyFooter } from '#shared/email/templates.tsx';

const receipt = (lang: 'it' | 'en') =>
  applicationReceiptEmail(lang, {
    contactName: 'Giulia Brambilla',
    companyName: 'Officina Brambilla S.r.l.',
    programmeName: 'Sviluppo PMI',
    applicationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    statusUrl: 'https://bandi.example.org/status/abc',
  });

describe('the privacy footer', () => {
  it('links the site’s notice under the stage or the domain the site is served from', () => {
    const config = mailerConfig({
      SENDER_EMAIL: 'bandi@example.org',
      PUBLIC_BASE_URL: 'https://abc.execute-api.eu-south-1.amazonaws.com/prod/',
    });
    expect(config.privacyUrl).toBe('https://abc.execute-api.eu-south-1.amazonaws.com/prod/privacy');
  });

  it('adds the link in the e-mail’s language to the text and inside the HTML body', () => {
    // Act
    const italian = withPrivacyFooter(receipt('it'), 'https://bandi.example.org/privacy');
    const english = withPrivacyFooter(receipt('en'), 'https://bandi.example.org/privacy');

    // Assess
    expect(italian.text.endsWith('Informativa sulla privacy: https://bandi.example.org/privacy')).toBe(true);
    expect(english.text.endsWith('Privacy notice: https://bandi.example.org/privacy')).toBe(true);
    expect(italian.html).toMatch(
      /<a href="https:\/\/bandi\.example\.org\/privacy"[^>]*>Informativa sulla privacy<\/a><\/p><\/body>/,
    );
    expect(italian.subject).toBe(receipt('it').subject);
  });

  it('names the notice in both languages when the e-mail’s language is unknown (queued before it was kept)', () => {
    const { lang: _lang, ...queued } = receipt('it');
    const sent = withPrivacyFooter(queued, 'https://bandi.example.org/privacy');
    expect(sent.text).toContain(
      'Informativa sulla privacy · Privacy notice: https://bandi.example.org/privacy',
    );
  });
});
