import { fiscalYearLabel } from '../fiscal-year.ts';
import type {
  CourseFacts,
  MessageFacts,
  MessageKind,
  ObligationFacts,
  OverduePersonFacts,
  PersonFacts,
  SessionFacts,
} from './facts.ts';
import { messageDate, messageDateTime, messageTimeRange, type MessageLocale } from './format.ts';

/** The words of one kind in one language; `{{placeholder}}` marks where a fact goes. */
export interface MessageTemplate {
  subject: string;
  body: string;
}

/** How one kind of message is written and what it may contain. */
export interface MessageDefinition<K extends MessageKind> {
  /** The placeholders a template of this kind may use (besides `name`, the reader's name). */
  placeholders: readonly string[];
  /**
   * About training every person must complete: it cannot be turned off, and says so. Reminders
   * of all kinds count towards the per-person cap.
   */
  mandatory: boolean;
  /** Only about the reader's own action: the reader may turn off the e-mail copy. */
  optional: boolean;
  /** Carries a secret: never shown in the app or on the outbox page, and wiped once sent. */
  confidential: boolean;
  /** The page inside the app where the reader acts on it. */
  linkPath: string | null;
  defaults: Record<MessageLocale, MessageTemplate>;
  values(facts: MessageFacts[K], locale: MessageLocale): Record<string, string>;
}

const pick = (course: CourseFacts, locale: MessageLocale) =>
  locale === 'ja' ? course.titleJa : course.titleEn;

const venueOf = (s: SessionFacts, locale: MessageLocale) =>
  s.venue ?? (s.online ? (locale === 'ja' ? 'オンライン' : 'Online') : '—');

const sessionValues = (s: SessionFacts, locale: MessageLocale) => ({
  course: pick(s.course, locale),
  session: messageTimeRange(s.startsAt, s.endsAt, locale),
  venue: venueOf(s, locale),
});

const actorOf = (actor: PersonFacts | null, locale: MessageLocale) =>
  actor?.name ?? (locale === 'ja' ? '研修事務局' : 'the training office');

const reasonOf = (reason: string | null, locale: MessageLocale) =>
  reason?.trim() || (locale === 'ja' ? '(記載なし)' : '(none given)');

function obligationLine(o: ObligationFacts, locale: MessageLocale): string {
  const due = messageDate(o.dueOn, locale);
  const when =
    locale === 'ja'
      ? o.daysLeft > 0
        ? `期限 ${due}、あと${o.daysLeft}日`
        : o.daysLeft === 0
          ? `期限 ${due}、本日が期限です`
          : `期限 ${due}、${-o.daysLeft}日超過`
      : o.daysLeft > 0
        ? `due ${due}, ${o.daysLeft} day${o.daysLeft === 1 ? '' : 's'} left`
        : o.daysLeft === 0
          ? `due today, ${due}`
          : `due ${due}, ${-o.daysLeft} day${o.daysLeft === -1 ? '' : 's'} overdue`;
  return locale === 'ja'
    ? `・${pick(o.course, locale)}(${fiscalYearLabel(o.fiscalYear, locale)}、${when})`
    : `- ${pick(o.course, locale)} (${fiscalYearLabel(o.fiscalYear, locale)}, ${when})`;
}

function overdueLine(p: OverduePersonFacts, locale: MessageLocale): string {
  return locale === 'ja'
    ? `・${p.name}(${p.staffNumber}、${p.unitJa}) ${pick(p.course, locale)}: 期限 ${messageDate(p.dueOn, locale)}、${p.daysOverdue}日超過、督促${p.reminders}回`
    : `- ${p.name} (${p.staffNumber}, ${p.unitEn}) ${pick(p.course, locale)}: due ${messageDate(p.dueOn, locale)}, ${p.daysOverdue} days overdue, reminded ${p.reminders} times`;
}

/** How a kind is flagged and where it links, unless its definition says otherwise. */
type MessageFlags = Pick<
  MessageDefinition<MessageKind>,
  'mandatory' | 'optional' | 'confidential' | 'linkPath'
>;

/**
 * Most messages tell the reader about their own training, link to My training, may be read in the
 * app and cannot be turned off; a kind states only where it differs.
 */
const USUAL: MessageFlags = {
  mandatory: false,
  optional: false,
  confidential: false,
  linkPath: '/my-training',
};

type Wording<K extends MessageKind> = Partial<MessageFlags> &
  Pick<MessageDefinition<K>, 'placeholders' | 'defaults' | 'values'>;

/** A kind's definition, with the usual flags where it states none. */
function message<K extends MessageKind>(wording: Wording<K>): MessageDefinition<K> {
  return { ...USUAL, ...wording };
}

/** The kinds whose facts are about one group session. */
type SessionKind = {
  [K in MessageKind]: MessageFacts[K] extends { session: SessionFacts } ? K : never;
}[MessageKind];

/** The lines that name the session, the same in every message about one. */
const SESSION_LINES: Record<MessageLocale, string> = {
  ja: '研修: {{course}}\n日時: {{session}}\n会場: {{venue}}',
  en: 'Course: {{course}}\nWhen: {{session}}\nWhere: {{venue}}',
};

/**
 * A message about one group session: it names the course, the time and the place. `more` lists
 * the placeholders it has besides those, which its `values` fill.
 */
function aboutSession<K extends SessionKind>(
  wording: Omit<Wording<K>, 'placeholders' | 'values'> & {
    more?: readonly string[];
    values?: (facts: MessageFacts[K], locale: MessageLocale) => Record<string, string>;
  },
): MessageDefinition<K> {
  const { more = [], values, ...rest } = wording;
  return message<K>({
    ...rest,
    placeholders: ['course', 'session', 'venue', ...more],
    values: (facts, locale) => ({
      ...sessionValues(facts.session, locale),
      ...values?.(facts, locale),
    }),
  });
}

/**
 * Every kind of message with its words in Japanese and English. The in-app notice list and the
 * e-mail are both written from here; admins may replace the words (not the placeholders) of any
 * kind, see `renderMessage`.
 */
export const MESSAGE_CATALOGUE: { readonly [K in MessageKind]: MessageDefinition<K> } = {
  'booking.made': aboutSession({
    optional: true,
    defaults: {
      ja: {
        subject: '【研修】予約を受け付けました: {{course}}',
        body: `{{name}} 様\n\n次の集合研修の予約を受け付けました。\n\n${SESSION_LINES.ja}\n\n予定表への招待を添付しています。`,
      },
      en: {
        subject: 'Booking confirmed: {{course}}',
        body: `Dear {{name}},\n\nYour seat at this group session is booked.\n\n${SESSION_LINES.en}\n\nA calendar invitation is attached.`,
      },
    },
  }),
  'booking.waitlisted': aboutSession({
    optional: true,
    defaults: {
      ja: {
        subject: '【研修】キャンセル待ちに登録しました: {{course}}',
        body: `{{name}} 様\n\n次の集合研修は満席のため、キャンセル待ちに登録しました。席が空くと自動で予約に切り替わり、お知らせします。\n\n${SESSION_LINES.ja}`,
      },
      en: {
        subject: 'On the waitlist: {{course}}',
        body: `Dear {{name}},\n\nThis group session is full, so you are on its waitlist. If a seat comes free you will be booked automatically and told.\n\n${SESSION_LINES.en}`,
      },
    },
  }),
  'booking.made_for_you': aboutSession({
    more: ['actor'],
    defaults: {
      ja: {
        subject: '【研修】{{actor}} さんがあなたの研修を予約しました: {{course}}',
        body: `{{name}} 様\n\n{{actor}} さんが、あなたの代わりに次の集合研修を予約しました。\n\n${SESSION_LINES.ja}\n\n都合が悪い場合は、締切までに「わたしの研修」から変更または取消しをしてください。予定表への招待を添付しています。`,
      },
      en: {
        subject: '{{actor}} booked a training session for you: {{course}}',
        body: `Dear {{name}},\n\n{{actor}} booked this group session for you.\n\n${SESSION_LINES.en}\n\nIf it does not suit you, move or cancel it from My training before the cut-off. A calendar invitation is attached.`,
      },
    },
    values: (f, locale) => ({ actor: actorOf(f.actor, locale) }),
  }),
  'booking.waitlisted_for_you': aboutSession({
    more: ['actor'],
    defaults: {
      ja: {
        subject: '【研修】{{actor}} さんがあなたをキャンセル待ちに登録しました: {{course}}',
        body: `{{name}} 様\n\n{{actor}} さんが、あなたを次の集合研修のキャンセル待ちに登録しました。席が空くと自動で予約に切り替わり、お知らせします。\n\n${SESSION_LINES.ja}`,
      },
      en: {
        subject: '{{actor}} put you on a waitlist: {{course}}',
        body: `Dear {{name}},\n\n{{actor}} put you on the waitlist of this group session. If a seat comes free you will be booked automatically and told.\n\n${SESSION_LINES.en}`,
      },
    },
    values: (f, locale) => ({ actor: actorOf(f.actor, locale) }),
  }),
  'booking.moved': aboutSession({
    more: ['previousSession', 'actor'],
    defaults: {
      ja: {
        subject: '【研修】予約の日時が変わりました: {{course}}',
        body: '{{name}} 様\n\n{{actor}} により、予約が次のとおり変更されました。\n\n研修: {{course}}\n変更前: {{previousSession}}\n変更後: {{session}}\n会場: {{venue}}\n\n新しい予定への招待と、変更前の予定の取消しを添付しています。',
      },
      en: {
        subject: 'Your training booking has moved: {{course}}',
        body: 'Dear {{name}},\n\nYour booking was moved by {{actor}}.\n\nCourse: {{course}}\nWas: {{previousSession}}\nNow: {{session}}\nWhere: {{venue}}\n\nAn invitation for the new time and a cancellation of the old one are attached.',
      },
    },
    values: (f, locale) => ({
      previousSession: messageTimeRange(f.previous.startsAt, f.previous.endsAt, locale),
      actor: f.actor?.name ?? (locale === 'ja' ? 'ご本人' : 'you'),
    }),
  }),
  'booking.cancelled': aboutSession({
    optional: true,
    defaults: {
      ja: {
        subject: '【研修】予約を取り消しました: {{course}}',
        body: `{{name}} 様\n\n次の集合研修の予約を取り消しました。この研修は今年度中に修了する必要があります。別の日程を予約するか、eラーニングで受講してください。\n\n${SESSION_LINES.ja}`,
      },
      en: {
        subject: 'Booking cancelled: {{course}}',
        body: `Dear {{name}},\n\nYour booking for this group session is cancelled. You still need to complete the course this fiscal year: book another session, or take the e-learning.\n\n${SESSION_LINES.en}`,
      },
    },
  }),
  'booking.cancelled_for_you': aboutSession({
    more: ['actor', 'reason'],
    defaults: {
      ja: {
        subject: '【研修】{{actor}} さんがあなたの予約を取り消しました: {{course}}',
        body: `{{name}} 様\n\n{{actor}} さんが、あなたの次の予約を取り消しました。\n\n${SESSION_LINES.ja}\n理由: {{reason}}\n\nこの研修は今年度中に修了する必要があります。別の日程を予約するか、eラーニングで受講してください。`,
      },
      en: {
        subject: '{{actor}} cancelled your training booking: {{course}}',
        body: `Dear {{name}},\n\n{{actor}} cancelled this booking of yours.\n\n${SESSION_LINES.en}\nReason: {{reason}}\n\nYou still need to complete the course this fiscal year: book another session, or take the e-learning.`,
      },
    },
    values: (f, locale) => ({
      actor: actorOf(f.actor, locale),
      reason: reasonOf(f.reason, locale),
    }),
  }),
  'booking.promoted': aboutSession({
    defaults: {
      ja: {
        subject: '【研修】席が空き、予約が確定しました: {{course}}',
        body: `{{name}} 様\n\nキャンセル待ちをしていた集合研修に空きが出たため、予約が確定しました。\n\n${SESSION_LINES.ja}\n\n予定表への招待を添付しています。`,
      },
      en: {
        subject: 'A seat came free: you are booked for {{course}}',
        body: `Dear {{name}},\n\nA seat came free at the session you were waiting for, and it is now yours.\n\n${SESSION_LINES.en}\n\nA calendar invitation is attached.`,
      },
    },
  }),
  'session.cancelled': aboutSession({
    more: ['reason'],
    linkPath: '/sessions',
    defaults: {
      ja: {
        subject: '【研修】集合研修が中止になりました: {{course}}',
        body: `{{name}} 様\n\n研修事務局の判断により、予約していた次の集合研修は中止になりました。\n\n${SESSION_LINES.ja}\n理由: {{reason}}\n\n別の日程を予約してください。`,
      },
      en: {
        subject: 'Training session cancelled: {{course}}',
        body: `Dear {{name}},\n\nThe training office has cancelled this session you were booked on.\n\n${SESSION_LINES.en}\nReason: {{reason}}\n\nPlease book another session.`,
      },
    },
    values: (f, locale) => ({ reason: reasonOf(f.reason, locale) }),
  }),
  'e_learning.assigned': message({
    placeholders: ['course', 'dueDate', 'reason'],
    mandatory: true,
    linkPath: '/e-learning',
    defaults: {
      ja: {
        subject: '【研修】eラーニングの受講をお願いします(期限 {{dueDate}}): {{course}}',
        body: '{{name}} 様\n\n次の研修をeラーニングで受講してください。\n\n研修: {{course}}\n期限: {{dueDate}}\n理由: {{reason}}',
      },
      en: {
        subject: 'E-learning to complete by {{dueDate}}: {{course}}',
        body: 'Dear {{name}},\n\nPlease complete this course as e-learning.\n\nCourse: {{course}}\nDue: {{dueDate}}\nWhy: {{reason}}',
      },
    },
    values: (f, locale) => ({
      course: pick(f.course, locale),
      dueDate: messageDate(f.dueOn, locale),
      reason: reasonOf(f.reason, locale),
    }),
  }),
  'e_learning.withdrawn': message({
    placeholders: ['course', 'actor', 'reason'],
    defaults: {
      ja: {
        subject: '【研修】eラーニングの割当てが取り消されました: {{course}}',
        body: '{{name}} 様\n\n{{actor}} さんが、次のeラーニングの割当てを取り消しました。\n\n研修: {{course}}\n理由: {{reason}}',
      },
      en: {
        subject: 'E-learning assignment withdrawn: {{course}}',
        body: 'Dear {{name}},\n\n{{actor}} withdrew this e-learning assignment.\n\nCourse: {{course}}\nReason: {{reason}}',
      },
    },
    values: (f, locale) => ({
      course: pick(f.course, locale),
      actor: actorOf(f.actor, locale),
      reason: reasonOf(f.reason, locale),
    }),
  }),
  'training.reminder': message({
    placeholders: ['course', 'fiscalYear', 'sender', 'message'],
    mandatory: true,
    defaults: {
      ja: {
        subject: '【研修】受講のお願い: {{course}}',
        body: '{{name}} 様\n\n{{sender}} さんから、{{fiscalYear}}の研修「{{course}}」の受講についてお知らせです。まだ修了していません。集合研修を予約するか、eラーニングで受講してください。\n\n{{message}}',
      },
      en: {
        subject: 'Reminder: please complete {{course}}',
        body: 'Dear {{name}},\n\n{{sender}} reminds you that you have not yet completed {{course}} for {{fiscalYear}}. Please book a group session or take the e-learning.\n\n{{message}}',
      },
    },
    values: (f, locale) => ({
      course: pick(f.course, locale),
      fiscalYear: fiscalYearLabel(f.fiscalYear, locale),
      sender: f.sender.name,
      message: f.message?.trim()
        ? `${locale === 'ja' ? `${f.sender.name} さんからのメッセージ:` : `Message from ${f.sender.name}:`}\n${f.message.trim()}`
        : '',
    }),
  }),
  'reminder.digest': message({
    placeholders: ['count', 'list'],
    mandatory: true,
    defaults: {
      ja: {
        subject: '【研修】未修了の研修が{{count}}件あります',
        body: '{{name}} 様\n\n次の研修がまだ修了していません。期限までに集合研修を予約するか、eラーニングで受講してください。\n\n{{list}}',
      },
      en: {
        subject: 'You have {{count}} training course(s) to complete',
        body: 'Dear {{name}},\n\nYou have not yet completed the following. Please book a group session or take the e-learning before the due date.\n\n{{list}}',
      },
    },
    values: (f, locale) => ({
      count: String(f.obligations.length),
      list: f.obligations.map((o) => obligationLine(o, locale)).join('\n'),
    }),
  }),
  'escalation.digest': message({
    placeholders: ['count', 'list', 'role'],
    mandatory: true,
    linkPath: '/team',
    defaults: {
      ja: {
        subject: '【研修】期限を過ぎた未修了者が{{count}}名います',
        body: '{{name}} 様\n\n{{role}}として、担当する職員のうち次の{{count}}名が、督促を受けても期限までに研修を修了していないことをお知らせします。本人への声掛けをお願いします。\n\n{{list}}',
      },
      en: {
        subject: '{{count}} of your people are overdue with their training',
        body: 'Dear {{name}},\n\nAs {{role}}, you are told that the following {{count}} people have not completed their training by the due date despite reminders. Please follow up with them.\n\n{{list}}',
      },
    },
    values: (f, locale) => ({
      count: String(f.people.length),
      list: f.people.map((p) => overdueLine(p, locale)).join('\n'),
      role:
        f.level === 'section_head'
          ? locale === 'ja'
            ? '課室情報セキュリティ責任者'
            : 'section head'
          : locale === 'ja'
            ? '情報セキュリティ責任者'
            : 'unit security officer',
    }),
  }),
  'account.password_link': message({
    placeholders: ['passwordLink', 'expires'],
    confidential: true,
    linkPath: null,
    defaults: {
      ja: {
        subject: '【研修】パスワード設定のご案内',
        body: '{{name}} 様\n\n研修管理システム(Kenshu)のパスワードを、次のリンクから設定してください。リンクは一度だけ、{{expires}} まで使えます。\n\n{{passwordLink}}\n\nお心当たりがない場合は、このメールを破棄し、研修事務局にご連絡ください。',
      },
      en: {
        subject: 'Set your Kenshu password',
        body: 'Dear {{name}},\n\nSet your password for Kenshu, the training tracker, with this link. It works once, until {{expires}}.\n\n{{passwordLink}}\n\nIf you did not expect this, delete this e-mail and tell the training office.',
      },
    },
    values: (f, locale) => ({
      passwordLink: f.url,
      expires: messageDateTime(f.expiresAt, locale),
    }),
  }),
};

/** Every kind, in catalogue order (for editors and tests). */
export const MESSAGE_KINDS = Object.keys(MESSAGE_CATALOGUE) as MessageKind[];

/** Whether `value` names a kind of message. */
export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && Object.hasOwn(MESSAGE_CATALOGUE, value);
}
