import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

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
