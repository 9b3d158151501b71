import { loadConfig, type Config } from '@kenshu/api/config';
import { createMailer, type Mailer } from '@kenshu/api/mailer';
import { deliverMail } from '@kenshu/api/messages';
import type { Kysely } from 'kysely';
import type { DB } from '@kenshu/db';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

/** One e-mail as a local mail server received it. */
export interface ReceivedMail {
  messageId: string;
  outboxId: number;
  to: string;
  subject: string;
  text: string;
  /** iCalendar parts, in order: the invitation first, then any attached. */
  calendars: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, for tests that read the mail the
 * app sent. `refuse` makes it answer the next deliveries with a temporary or permanent error.
 */
export async function startSmtpServer(options: { delayMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const listeners = new Set<(mail: ReceivedMail) => void>();
  let refusal: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refusal) {
        const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
        callback(error);
        return;
      }
      if (address.address.endsWith('@refused.example')) {
        callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      // A slow mail server (delayMs) keeps a delivery run busy long enough to stop it mid-way.
      simpleParser(stream)
        .then(async (parsed) => {
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          return parsed;
        })
        .then((parsed) => {
          const mail = toReceived(parsed);
          received.push(mail);
          for (const listener of listeners) listener(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // A client killed mid-conversation resets its connection: that is the test, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    onMail(listener: (mail: ReceivedMail) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refuse(code: number | null) {
      refusal = code === null ? null : { code, message: code >= 500 ? 'Refused' : 'Try later' };
    },
    clear() {
      received.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpServer>>;

/**
 * A local mail server and a mailer that sends to it, for the whole test file. `settings` is the
 * object the file's app reads once it starts (useTestApp reads it lazily): the server's URL is
 * written into it in beforeAll, so the app queues mail that `deliver` then sends here.
 */
export function useMailServer(settings: Partial<Config> = {}) {
  let server: SmtpTestServer | undefined;
  let mailer: Mailer | undefined;
  let config: Config | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
    settings.smtpUrl = server.url;
    config = { ...loadConfig({}), ...settings };
    const made = createMailer(config);
    if (!made) throw new Error('the mailer needs an SMTP URL');
    mailer = made;
  });
  afterAll(async () => {
    mailer?.close();
    await server?.close();
  });
  const started = () => {
    if (!server || !mailer || !config) throw new Error('the mail server starts in beforeAll');
    return { server, mailer, config };
  };
  return {
    /** What the server received, oldest first. */
    get received() {
      return started().server.received;
    },
    clear: () => started().server.clear(),
    refuse: (code: number | null) => started().server.refuse(code),
    /** The settings the app runs with, the server's URL among them. */
    get config() {
      return started().config;
    },
    /** One delivery run of the outbox, as the mail job does it. */
    deliver(db: Kysely<DB>, now: Date) {
      const { config, mailer } = started();
      return deliverMail(db, now, config, mailer);
    },
  };
}

function toReceived(parsed: ParsedMail): ReceivedMail {
  const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
  const header = parsed.headers.get('x-kenshu-outbox-id');
  const calendars: string[] = [];
  const invitation = parsed.attachments.filter((a) => a.contentType === 'text/calendar');
  for (const part of invitation) calendars.push(part.content.toString('utf8'));
  return {
    messageId: parsed.messageId ?? '',
    outboxId: Number(typeof header === 'string' ? header : NaN),
    to: to ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    calendars,
    parsed,
  };
}
