import {
  enqueueMail,
  mailOptOutsOf,
  messageRecipients,
  messageTemplates,
  type DB,
  type Executor,
  type MailCalendarPart,
  type NewMail,
  type Transaction,
} from '@kenshu/db';
import {
  MESSAGE_CATALOGUE,
  messageFooter,
  renderMessage,
  type MessageFacts,
  type MessageKind,
  type MessageLocale,
  type MessageTemplate,
} from '@kenshu/domain';
import type { Config } from '../../config.ts';

/** One message to decide: to whom, about what, and its key against sending it twice. */
export type Outgoing = {
  [K in MessageKind]: {
    kind: K;
    staffId: number;
    facts: MessageFacts[K];
    /** Why it goes; with `period`, one message per person, reason and period ever. */
    reason: string;
    period: string;
    /** iCalendar parts for a booking e-mail. */
    calendar?: MailCalendarPart[];
  };
}[MessageKind];

/** What became of the messages, by person. */
export interface SendSummary {
  /** Written to the outbox, to be e-mailed. */
  queued: number[];
  /** Shown in the app only: the person has no e-mail address. */
  noAddress: number[];
  /** Shown in the app only: the person turned this kind of e-mail off. */
  optedOut: number[];
  /** Already decided earlier for the same reason and period: nothing new. */
  alreadySent: number[];
  /** Not sent: the person is no longer active. */
  inactive: number[];
}

/** What deciding a message needs from its caller: the time, and the settings for links. */
export interface MessageEnv {
  now: Date;
  config: Config;
}

/** The admins' words, by kind and language; absent ones use the catalogue's. */
export type TemplateBook = Map<string, MessageTemplate>;

export async function loadTemplates(db: Executor): Promise<TemplateBook> {
  return templateBook(await messageTemplates(db));
}

export function templateBook(
  rows: readonly { kind: string; locale: string; subject: string; body: string }[],
): TemplateBook {
  return new Map(rows.map((r) => [`${r.kind}:${r.locale}`, { subject: r.subject, body: r.body }]));
}

/** Where people reach the app, for links in e-mail (jobs have no request to take it from). */
export function publicBase(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
}

export interface Recipient {
  id: number;
  name: string;
  email: string;
  locale: MessageLocale;
  active: boolean;
}

/** Writes one message for one reader: the admins' words or the catalogue's, and the footer. */
export function writeMail(
  message: Outgoing,
  reader: Pick<Recipient, 'name' | 'locale'>,
  templates: TemplateBook,
  base: string,
): { subject: string; body: string } {
  const rendered = renderMessage({
    kind: message.kind,
    facts: message.facts as never,
    locale: reader.locale,
    readerName: reader.name,
    template: templates.get(`${message.kind}:${reader.locale}`),
  });
  const link = rendered.linkPath ? `${base}${rendered.linkPath}` : null;
  return {
    subject: rendered.subject,
    body: `${rendered.body}\n\n${messageFooter(message.kind, reader.locale, link)}\n`,
  };
}

/**
 * Decides messages inside the caller's transaction, so they exist exactly when the change that
 * causes them commits: each becomes an outbox row (queued for e-mail, or recorded as not
 * e-mailable and why) and, unless it carries a secret, a notice in the person's app. A message
 * already decided for the same person, reason and period is not written again.
 */
export async function sendMessages(
  trx: Transaction<DB>,
  env: { now: Date; config: Pick<Config, 'publicUrl' | 'port'>; templates?: TemplateBook },
  messages: readonly Outgoing[],
): Promise<SendSummary> {
  const summary: SendSummary = {
    queued: [],
    noAddress: [],
    optedOut: [],
    alreadySent: [],
    inactive: [],
  };
  if (messages.length === 0) return summary;
  const ids = [...new Set(messages.map((m) => m.staffId))];
  const [people, optOuts, templates] = await Promise.all([
    recipients(trx, ids),
    mailOptOutsOf(trx, ids),
    env.templates ?? loadTemplates(trx),
  ]);
  const base = publicBase(env.config);
  const mails: NewMail[] = [];
  for (const message of messages) {
    const reader = people.get(message.staffId);
    if (!reader?.active) {
      summary.inactive.push(message.staffId);
      continue;
    }
    mails.push(composeMail(message, reader, optOuts.get(reader.id), templates, base, env.now));
  }
  const written = await enqueueMail(trx, mails);
  const fresh = new Set(written.map((w) => `${w.staff_id}|${w.reason}|${w.period}`));
  for (const mail of mails) {
    const key = `${mail.staff_id}|${mail.reason}|${mail.period}`;
    if (!fresh.has(key)) summary.alreadySent.push(mail.staff_id);
    else if (mail.status === 'no_address') summary.noAddress.push(mail.staff_id);
    else if (mail.status === 'opted_out') summary.optedOut.push(mail.staff_id);
    else summary.queued.push(mail.staff_id);
  }
  return summary;
}

/**
 * One message for one (active) reader as its outbox row: the words in their language, and
 * whether it can be e-mailed (an address, not turned off) or shown in the app only.
 */
export function composeMail(
  message: Outgoing,
  reader: Recipient,
  optOuts: ReadonlySet<string> | undefined,
  templates: TemplateBook,
  base: string,
  now: Date,
): NewMail {
  const { subject, body } = writeMail(message, reader, templates, base);
  const optedOut =
    MESSAGE_CATALOGUE[message.kind].optional && (optOuts?.has(message.kind) ?? false);
  return {
    staff_id: reader.id,
    kind: message.kind,
    reason: message.reason,
    period: message.period,
    to_address: reader.email,
    locale: reader.locale,
    subject,
    body,
    calendar: message.calendar ?? [],
    status: reader.email === '' ? 'no_address' : optedOut ? 'opted_out' : 'queued',
    created_at: now,
    // A message carrying a secret leaves no notice with it in the app.
    notice: MESSAGE_CATALOGUE[message.kind].confidential ? null : message.facts,
  };
}

/** A staff row as messages address it. */
export function recipientOf(r: {
  id: number;
  family_name: string;
  given_name: string;
  email: string;
  locale: MessageLocale;
  active: boolean;
}): Recipient {
  return {
    id: r.id,
    name: `${r.family_name} ${r.given_name}`,
    email: r.email.trim(),
    locale: r.locale,
    active: r.active,
  };
}

async function recipients(db: Executor, ids: readonly number[]): Promise<Map<number, Recipient>> {
  const rows = await messageRecipients(db, ids);
  return new Map(rows.map((r) => [r.id, recipientOf(r)]));
}
