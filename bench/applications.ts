// Application bodies for the bench: the valid fixture (test/events/application.valid.json) with a
// company of its own per serial number, so no two requests of a run share a Partita IVA.
import { vatCheckDigit } from '#shared/domain/vat-number.ts';
import { validApplication } from '../test/support/fixtures.ts';

/** A valid Partita IVA whose serial (matricola) is the given number, office code 015 (Milano). */
export function vatNumberFor(serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 9_999_999) throw new RangeError(`serial ${serial}`);
  const firstTen = `${String(serial).padStart(7, '0')}015`;
  return `${firstTen}${vatCheckDigit(firstTen)}`;
}

/** The company name of an SME of the bench: the serial is how e-mails are routed back to it. */
export const benchCompanyName = (serial: number) => `Bench PMI ${String(serial).padStart(7, '0')} S.r.l.`;

/** Finds the serial in an e-mail subject or text that names a bench company. */
export function serialIn(text: string): number | undefined {
  const match = /Bench PMI (\d{7}) S\.r\.l\./.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A valid application to the programme for the SME with this serial. */
export function benchApplication(programmeId: string, serial: number) {
  const application = validApplication({
    vatNumber: vatNumberFor(serial),
    email: `pmi.${String(serial).padStart(7, '0')}@example.it`,
  });
  application.programmeId = programmeId;
  application.company.name = benchCompanyName(serial);
  return application;
}

/** A person's POST of a JSON answer (a form, a task link), as the bench's people send it. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}
