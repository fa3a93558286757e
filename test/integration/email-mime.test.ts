// The e-mail as a mail client receives it: the raw MIME the local SES endpoint keeps (as SES would
// send it), read with a MIME parser. Transactional mail carries a Message-ID and a Date, says it was
// sent by a program (Auto-Submitted, so no out-of-office reply comes back), and has a plain-text
// part beside the HTML, and links the privacy notice at its foot.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { apply, emailTo, local, newManager, newProgramme } from '../support/journey-kit.ts';

describe('e-mail as sent', () => {
  it('carries Message-ID, Date, Auto-Submitted and a plain-text part beside the HTML', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);

    // Act: the receipt, as the SME's mail client would read it
    const receipt = await emailTo(sme.smeEmail, /./);
    const raw = await fetch(`${local.outbox}/${receipt.id}.eml`);
    const mail = await simpleParser(Buffer.from(await raw.arrayBuffer()));

    // Assess
    expect(raw.status).toBe(200);
    expect(mail.messageId).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
    expect(mail.date?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.subject).toBe(receipt.subject);
    expect(mail.text).toContain(sme.statusUrl);
    expect(mail.html).toContain(sme.statusUrl);
    // Every e-mail's foot links the privacy notice (the site's, which lists each programme's).
    expect(mail.text).toContain(`Informativa sulla privacy: ${local.site}/privacy`);
    expect(mail.html).toContain(`href="${local.site}/privacy"`);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe(sme.smeEmail);
  });
});
