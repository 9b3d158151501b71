import { MESSAGE_CATALOGUE, type MessageDefinition, type MessageTemplate } from './catalogue.ts';
import type { MessageFacts, MessageKind } from './facts.ts';
import type { MessageLocale } from './format.ts';

/** A message in words, ready for the notice list or an e-mail. */
export interface RenderedMessage {
  subject: string;
  body: string;
  /** The page inside the app where the reader acts on it. */
  linkPath: string | null;
}

/** The placeholder every template may use: the reader's name. */
const READER = 'name';
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 5000;

function definitionOf<K extends MessageKind>(kind: K): MessageDefinition<K> {
  return MESSAGE_CATALOGUE[kind];
}

/** The placeholders a template of `kind` may use, the reader's name first. */
export function placeholdersOf(kind: MessageKind): string[] {
  return [READER, ...definitionOf(kind).placeholders];
}

// Lone surrogates cannot be encoded in a mail header or body; line breaks in a subject would
// start new headers.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');
const oneLine = (text: string) =>
  clean(text)
    .replace(/[\r\n\t]+/g, ' ')
    .trim();

function fill(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_all, name: string) => values[name] ?? '');
}

/**
 * Writes one message in one language from its facts: the admins' words for the kind when they
 * set some, else the catalogue's. Blank lines left by an empty fact collapse to one.
 */
export function renderMessage<K extends MessageKind>(input: {
  kind: K;
  facts: MessageFacts[K];
  locale: MessageLocale;
  readerName: string;
  template?: MessageTemplate | undefined;
}): RenderedMessage {
  const definition = definitionOf(input.kind);
  const template = input.template ?? definition.defaults[input.locale];
  const values = { ...definition.values(input.facts, input.locale), [READER]: input.readerName };
  return {
    subject: oneLine(fill(template.subject, values)),
    body: clean(fill(template.body, values))
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    linkPath: definition.linkPath,
  };
}

/**
 * The lines an e-mail ends with, which admins cannot edit: where to act, and for reminders
 * about mandatory training, why they cannot be turned off.
 */
export function messageFooter(
  kind: MessageKind,
  locale: MessageLocale,
  link: string | null,
): string {
  const definition = definitionOf(kind);
  const lines: string[] = [];
  if (link) lines.push(locale === 'ja' ? `Kenshu で確認する: ${link}` : `Open in Kenshu: ${link}`);
  if (definition.mandatory) {
    lines.push(
      locale === 'ja'
        ? 'このお知らせは、全職員に毎年度の受講が義務付けられている情報セキュリティ研修に関するものです。そのため配信を停止することはできません。'
        : 'This message is about the information-security training every member of staff must complete each fiscal year, so it cannot be turned off.',
    );
  } else if (definition.optional) {
    lines.push(
      locale === 'ja'
        ? 'ご自身の操作についてのこのメールは、「わたしの研修」の「メールの設定」で停止できます。'
        : 'E-mails about your own actions like this one can be turned off under My training, E-mail settings.',
    );
  }
  lines.push(
    locale === 'ja'
      ? '研修管理システム Kenshu(このアドレスは送信専用です)'
      : 'Kenshu training tracker (replies to this address are not read)',
  );
  return `--\n${lines.join('\n')}`;
}

/** Something wrong with a template an admin wants to save. */
export interface TemplateProblem {
  field: 'subject' | 'body';
  problem: 'empty' | 'too_long' | 'line_break' | 'unknown_placeholder' | 'stray_braces';
  placeholder?: string;
}

/**
 * Why a template for `kind` cannot be saved, or nothing: every `{{placeholder}}` must be one the
 * kind provides, braces must belong to a placeholder, and the subject is one short line.
 */
export function templateProblems(kind: MessageKind, template: MessageTemplate): TemplateProblem[] {
  const known = new Set(placeholdersOf(kind));
  const problems: TemplateProblem[] = [];
  const check = (field: 'subject' | 'body', text: string, max: number) => {
    if (text.trim() === '') problems.push({ field, problem: 'empty' });
    if (text.length > max) problems.push({ field, problem: 'too_long' });
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (name !== undefined && !known.has(name))
        problems.push({ field, problem: 'unknown_placeholder', placeholder: name });
    }
    if (/[{}]{2}/.test(text.replace(PLACEHOLDER, '')))
      problems.push({ field, problem: 'stray_braces' });
  };
  check('subject', template.subject, MAX_SUBJECT_LENGTH);
  if (/[\r\n]/.test(template.subject)) problems.push({ field: 'subject', problem: 'line_break' });
  check('body', template.body, MAX_BODY_LENGTH);
  return problems;
}
