// The local e-mail outbox: an SES v2 endpoint (SendEmail only) that turns each message into real
// MIME (plain text + HTML, built by nodemailer's MailComposer) and keeps it for the console and
// tests instead of delivering it. Handlers reach it through AWS_ENDPOINT_URL_SESV2, unchanged.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import * as z from 'zod';

/** One message as `GET /_local/outbox` lists it. */
export interface OutboxMessage {
  readonly id: string;
  readonly from: string;
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sentAt: string;
}

const sendEmailRequest = z.object({
  FromEmailAddress: z.string().min(1),
  Destination: z.object({ ToAddresses: z.array(z.string()).min(1) }),
  Content: z.object({
    Simple: z.object({
      Subject: z.object({ Data: z.string() }),
      Headers: z.array(z.object({ Name: z.string().min(1), Value: z.string() })).optional(),
      Body: z.object({
        Text: z.object({ Data: z.string() }).optional(),
        Html: z.object({ Data: z.string() }).optional(),
      }),
    }),
  }),
});

export class Outbox {
  private readonly messages: OutboxMessage[] = [];
  private readonly mime = new Map<string, Buffer>();
  private readonly listeners = new Set<(message: OutboxMessage) => void>();

  private readonly dataDir?: string;

  /** @param dataDir - keep messages as .eml and .json files here (survives restarts); absent = memory */
  constructor(dataDir?: string) {
    this.dataDir = dataDir;
    if (!dataDir) return;
    mkdirSync(dataDir, { recursive: true });
    for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json'))) {
      this.messages.push(JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as OutboxMessage);
    }
    this.messages.sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
  }

  /** Every message, oldest first. */
  list(): readonly OutboxMessage[] {
    return this.messages;
  }

  get(id: string): OutboxMessage | undefined {
    return this.messages.find((message) => message.id === id);
  }

  /** The raw MIME source of a message. */
  rawMime(id: string): Buffer | undefined {
    const cached = this.mime.get(id);
    if (cached || !this.dataDir || !this.get(id)) return cached;
    return readFileSync(join(this.dataDir, `${id}.eml`));
  }

  onMessage(listener: (message: OutboxMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores a message as SES would have sent it. */
  async add(input: {
    from: string;
    to: string[];
    subject: string;
    text: string;
    html: string;
    /** Extra headers the sender asked for (SES v2 Simple.Headers). */
    headers?: readonly { Name: string; Value: string }[];
  }): Promise<OutboxMessage> {
    const { headers = [], ...fields } = input;
    const message: OutboxMessage = { id: randomUUID(), ...fields, sentAt: new Date().toISOString() };
    const raw = await new MailComposer({
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${message.id}@outbox.percorso-pmi.local>`,
      headers: headers.map((header) => ({ key: header.Name, value: header.Value })),
      date: new Date(message.sentAt),
    })
      .compile()
      .build();
    this.mime.set(message.id, raw);
    if (this.dataDir) {
      writeFileSync(join(this.dataDir, `${message.id}.eml`), raw);
      writeFileSync(join(this.dataDir, `${message.id}.json`), JSON.stringify(message));
    }
    this.messages.push(message);
    for (const listener of this.listeners) listener(message);
    return message;
  }

  /**
   * Forgets every message sent to one of the addresses or naming one of the terms (a person's data
   * erased: SES keeps no copy, so the local stand-in keeps none either).
   * @returns how many messages were removed
   */
  erase(match: { readonly addresses: readonly string[]; readonly terms: readonly string[] }): number {
    const addresses = new Set(match.addresses.map((address) => address.toLowerCase()));
    const terms = match.terms.filter((term) => term.length >= 3).map((term) => term.toLowerCase());
    const erased = this.messages.filter(
      (message) =>
        message.to.some((address) => addresses.has(address.toLowerCase())) ||
        terms.some((term) =>
          [message.subject, message.text, message.html].some((part) => part.toLowerCase().includes(term)),
        ),
    );
    for (const message of erased) {
      this.messages.splice(this.messages.indexOf(message), 1);
      this.mime.delete(message.id);
      if (this.dataDir) {
        rmSync(join(this.dataDir, `${message.id}.eml`), { force: true });
        rmSync(join(this.dataDir, `${message.id}.json`), { force: true });
      }
    }
    return erased.length;
  }
}

/** What `POST /_local/outbox/erase` takes: the person's addresses and the texts that name them. */
export const outboxErasureRequest = z.strictObject({
  addresses: z.array(z.string().max(254)).max(20),
  terms: z.array(z.string().max(500)).max(200),
});

/**
 * Serves the SES v2 SendEmail operation on loopback.
 * @returns the endpoint URL for AWS_ENDPOINT_URL_SESV2
 */
export async function startSesEndpoint(
  outbox: Outbox,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    handle(outbox, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ message: 'Local SES endpoint failed' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(outbox: Outbox, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.method !== 'POST' || request.url?.split('?')[0] !== '/v2/email/outbound-emails') {
    reply(404, { message: 'The local SES endpoint implements SendEmail only' });
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const parsed = sendEmailRequest.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
  if (!parsed.success) {
    response.setHeader('x-amzn-ErrorType', 'BadRequestException');
    reply(400, { message: `Invalid SendEmail request: ${parsed.error.message}` });
    return;
  }
  const { FromEmailAddress, Destination, Content } = parsed.data;
  const message = await outbox.add({
    from: FromEmailAddress,
    to: Destination.ToAddresses,
    subject: Content.Simple.Subject.Data,
    text: Content.Simple.Body.Text?.Data ?? '',
    html: Content.Simple.Body.Html?.Data ?? '',
    ...(Content.Simple.Headers ? { headers: Content.Simple.Headers } : {}),
  });
  reply(200, { MessageId: message.id });
}
