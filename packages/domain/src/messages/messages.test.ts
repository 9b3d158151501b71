import { describe, expect, it } from 'vitest';
import { MESSAGE_CATALOGUE, MESSAGE_KINDS } from './catalogue.ts';
import { EXAMPLE_FACTS } from './examples.ts';
import type { MessageKind } from './facts.ts';
import { messageFooter, placeholdersOf, renderMessage, templateProblems } from './render.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function render(kind: MessageKind, locale: 'ja' | 'en') {
  // Each kind's example has that kind's facts; the catalogue is keyed the same way.
  return renderMessage({
    kind,
    facts: EXAMPLE_FACTS[kind] as never,
    locale,
    readerName: '山田 太郎',
  });
}

describe('the message catalogue', () => {
  it.each(MESSAGE_KINDS)('%s has words in Japanese and in English', (kind) => {
    for (const locale of ['ja', 'en'] as const) {
      const template = MESSAGE_CATALOGUE[kind].defaults[locale];
      expect(template.subject.trim(), `${kind} ${locale} subject`).not.toBe('');
      expect(template.body.trim(), `${kind} ${locale} body`).not.toBe('');
      expect(templateProblems(kind, template), `${kind} ${locale}`).toEqual([]);
    }
    expect(MESSAGE_CATALOGUE[kind].defaults.ja.body).toMatch(JAPANESE);
    expect(MESSAGE_CATALOGUE[kind].defaults.en.body).not.toMatch(JAPANESE);
    expect(MESSAGE_CATALOGUE[kind].defaults.en.body).not.toBe(
      MESSAGE_CATALOGUE[kind].defaults.ja.body,
    );
  });

  it.each(MESSAGE_KINDS)('%s fills every placeholder it declares, and no other', (kind) => {
    for (const locale of ['ja', 'en'] as const) {
      const values = MESSAGE_CATALOGUE[kind].values(EXAMPLE_FACTS[kind] as never, locale);
      expect(Object.keys(values).sort()).toEqual([...MESSAGE_CATALOGUE[kind].placeholders].sort());
      const { subject, body } = render(kind, locale);
      expect(`${subject}\n${body}`).not.toMatch(/\{\{|\}\}/);
      expect(body).toContain('山田 太郎');
    }
  });

  it('writes session times in Tokyo time, whatever the host time zone', () => {
    const { body } = render('booking.made', 'ja');
    expect(body).toContain('2026年9月8日(火) 10:00–11:30');
    expect(render('booking.made', 'en').body).toContain('Tue, 8 Sept 2026 10:00–11:30');
  });

  it('names who acted for the reader, and the sender’s own words of a reminder', () => {
    expect(render('booking.made_for_you', 'ja').subject).toContain('佐藤 花子');
    const reminder = render('training.reminder', 'en').body;
    expect(reminder).toContain('Message from 佐藤 花子:\n今月中に受講をお願いします。');
    const silent = renderMessage({
      kind: 'training.reminder',
      facts: { ...EXAMPLE_FACTS['training.reminder'], message: null },
      locale: 'en',
      readerName: 'A',
    });
    expect(silent.body).not.toMatch(/Message from|\n\n\n/);
  });

  it('lists every obligation of a digest with how long is left or overdue', () => {
    const ja = render('reminder.digest', 'ja');
    expect(ja.subject).toBe('【研修】未修了の研修が2件あります');
    expect(ja.body).toContain('あと7日');
    expect(ja.body).toContain('9日超過');
    expect(render('reminder.digest', 'en').body).toContain('9 days overdue');
  });

  it('keeps a subject on one line and replaces lone surrogates', () => {
    const { subject, body } = renderMessage({
      kind: 'booking.cancelled_for_you',
      facts: { ...EXAMPLE_FACTS['booking.cancelled_for_you'], reason: 'a\uD800b' },
      locale: 'en',
      readerName: 'X\r\nBcc: evil@example.com',
      template: { subject: '{{name}}', body: '{{reason}}' },
    });
    expect(subject).toBe('X Bcc: evil@example.com');
    expect(body).toBe('a\uFFFDb');
  });

  it('says why a reminder cannot be turned off, and how an optional e-mail can', () => {
    expect(messageFooter('reminder.digest', 'ja', 'https://x/my-training')).toContain(
      '配信を停止することはできません',
    );
    expect(messageFooter('booking.made', 'en', null)).toContain('can be turned off');
    expect(messageFooter('booking.moved', 'en', null)).not.toContain('turned off');
  });
});

describe('checking a template before it is saved', () => {
  it('refuses a placeholder the kind does not have, and names it', () => {
    expect(
      templateProblems('booking.made', { subject: '{{course}}', body: '{{name}} {{dueDate}}' }),
    ).toEqual([{ field: 'body', problem: 'unknown_placeholder', placeholder: 'dueDate' }]);
  });

  it('refuses stray braces, an empty body and a subject over two lines', () => {
    const problems = templateProblems('booking.made', { subject: 'a\nb', body: '{{ course }' });
    expect(problems).toContainEqual({ field: 'subject', problem: 'line_break' });
    expect(problems).toContainEqual({ field: 'body', problem: 'stray_braces' });
    expect(templateProblems('booking.made', { subject: 'x', body: '  ' })).toContainEqual({
      field: 'body',
      problem: 'empty',
    });
  });

  it('offers the reader’s name in every kind', () => {
    for (const kind of MESSAGE_KINDS) expect(placeholdersOf(kind)[0]).toBe('name');
  });
});
