import { readFileSync } from 'node:fs';
import type { MailCalendarPart } from '@kenshu/db';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

/** One e-mail as it leaves the outbox. */
export interface MailToSend {
  /** The outbox row: it names the message, so a repeat is recognisable as the same one. */
  outboxId: number;
  to: string;
  subject: string;
  text: string;
  calendar: readonly MailCalendarPart[];
}

/** Why a delivery failed, and whether trying again could help. */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.permanent = permanent;
  }
}

export interface Mailer {
  send(mail: MailToSend): Promise<void>;
  close(): void;
}

/** The domain of the From address, for Message-IDs. */
function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'localhost';
}

/**
 * The Message-ID of an outbox row. Derived from the row, so if a crash between the mail server's
 * acceptance and our record of it makes a message go twice, both copies carry the same ID: mail
 * systems that detect duplicates (Exchange, Gmail) show it once, and tests can count repeats.
 */
export function messageIdOf(outboxId: number, from: string): string {
  return `<kenshu-outbox-${outboxId}@${domainOf(from)}>`;
}

/** An SMTP mailer (nodemailer, pooled) from the configuration; null when none is configured. */
export function createMailer(config: Config): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: config.smtpConnections,
    requireTLS: config.smtpRequireTls,
    tls: {
      rejectUnauthorized: config.smtpTlsRejectUnauthorized,
      ...(config.smtpTlsCaFile ? { ca: readFileSync(config.smtpTlsCaFile) } : {}),
    },
  });
  return {
    async send(mail) {
      const [invitation, ...others] = mail.calendar;
      try {
        await transport.sendMail({
          from: config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: messageIdOf(mail.outboxId, config.mailFrom),
          headers: {
            'X-Kenshu-Outbox-Id': String(mail.outboxId),
            'Auto-Submitted': 'auto-generated',
          },
          ...(invitation
            ? {
                icalEvent: {
                  method: invitation.method,
                  content: invitation.ics,
                  filename: 'invite.ics',
                },
              }
            : {}),
          attachments: others.map((part) => ({
            filename: part.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
            content: part.ics,
            contentType: `text/calendar; charset=utf-8; method=${part.method}`,
          })),
        });
      } catch (error) {
        throw deliveryError(error);
      }
    },
    close: () => transport.close(),
  };
}

function deliveryError(error: unknown): MailDeliveryError {
  if (!(error instanceof Error)) return new MailDeliveryError(String(error), false);
  const { code, permanent, response } = error as Error & {
    code?: string;
    permanent?: boolean;
    response?: string;
  };
  // Only a refusal of this message or address is final; a refused login or a dropped connection
  // is the server's or our configuration's problem and the message waits for it to be fixed.
  const final = permanent === true && (code === 'EENVELOPE' || code === 'EMESSAGE');
  return new MailDeliveryError(response ?? error.message, final);
}
