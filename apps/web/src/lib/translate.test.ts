import { describe, expect, it } from 'vitest';
import { en } from '../locales/en.ts';
import { ja } from '../locales/ja.ts';
import { addTo, lookUp, translate, type Catalogue } from './translate.ts';

const japanese: Catalogue = {
  greeting: 'こんにちは、{{name}}さん',
  people: { invited_other: '{{count, number}}人に送りました' },
  only: { japanese: '日本語だけ' },
  kinds: { 'booking.made': '予約の受付', booking: { other: '別の件' } },
};
const english: Catalogue = {
  greeting: 'Hello, {{ name }}',
  people: {
    invited_zero: 'Nobody was sent a link',
    invited_one: '{{count, number}} person was sent a link',
    invited_other: '{{count, number}} people were sent a link',
  },
};
const inJapanese = [{ catalogue: japanese, locale: 'ja-JP' }];
const inEnglish = [{ catalogue: english, locale: 'en-GB' }, ...inJapanese];

describe('translate', () => {
  it('fills in the facts a message names, with or without spaces in the braces', () => {
    expect(translate(inJapanese, 'greeting', { name: '山田' })).toBe('こんにちは、山田さん');
    expect(translate(inEnglish, 'greeting', { name: 'Yamada' })).toBe('Hello, Yamada');
  });

  it('picks the plural form of the language, and the sentence for none where there is one', () => {
    expect(translate(inEnglish, 'people.invited', { count: 0 })).toBe('Nobody was sent a link');
    expect(translate(inEnglish, 'people.invited', { count: 1 })).toBe('1 person was sent a link');
    expect(translate(inEnglish, 'people.invited', { count: 2 })).toBe('2 people were sent a link');
    // Japanese has one form for every number, none included.
    expect(translate(inJapanese, 'people.invited', { count: 0 })).toBe('0人に送りました');
    expect(translate(inJapanese, 'people.invited', { count: 1 })).toBe('1人に送りました');
  });

  it('writes numbers marked `number` as the language writes them', () => {
    expect(translate(inEnglish, 'people.invited', { count: 12345 })).toBe(
      '12,345 people were sent a link',
    );
    expect(translate(inJapanese, 'people.invited', { count: 80000 })).toBe('80,000人に送りました');
  });

  it('finds a message whose own key holds a dot, beside a group of the same first word', () => {
    expect(translate(inJapanese, 'kinds.booking.made')).toBe('予約の受付');
    expect(translate(inJapanese, 'kinds.booking.other')).toBe('別の件');
    expect(translate(inJapanese, 'kinds.booking.none', { defaultValue: 'booking.none' })).toBe(
      'booking.none',
    );
  });

  it('falls back to Japanese for a message another language lacks', () => {
    expect(translate(inEnglish, 'only.japanese')).toBe('日本語だけ');
  });

  it('shows the default, else the key, for a message no language has', () => {
    expect(translate(inEnglish, 'errors.codes.NEW_CODE', { defaultValue: 'Try again' })).toBe(
      'Try again',
    );
    expect(translate(inEnglish, 'errors.codes.NEW_CODE')).toBe('errors.codes.NEW_CODE');
  });

  it('never reads what is not a message of the catalogue', () => {
    // Keys built from an API's error code must not reach the objects' own machinery.
    for (const key of ['constructor', '__proto__', 'greeting.length', 'people', 'toString'])
      expect(translate(inEnglish, key)).toBe(key);
    expect(lookUp(english, 'people.invited_one.length')).toBeUndefined();
  });

  it('leaves out a fact not given, and shows text given as it is, braces and markup included', () => {
    expect(translate(inEnglish, 'greeting')).toBe('Hello, ');
    // React escapes what it renders; escaping here too would show entities like &amp;.
    expect(translate(inEnglish, 'greeting', { name: '<b>{{count}}</b> & co' })).toBe(
      'Hello, <b>{{count}}</b> & co',
    );
    // `$&` would be a replacement pattern if the text were passed to replace() as a string.
    expect(translate(inEnglish, 'greeting', { name: '$&$1' })).toBe('Hello, $&$1');
  });
});

describe('addTo', () => {
  it('adds a section beside what is there and replaces a message given again', () => {
    const catalogue: Catalogue = { nav: { home: 'ホーム' } };
    addTo(catalogue, { nav: { team: 'チーム' }, common: { loading: '読み込み中' } });
    addTo(catalogue, { nav: { home: 'トップ' } });
    expect(catalogue).toEqual({
      nav: { home: 'トップ', team: 'チーム' },
      common: { loading: '読み込み中' },
    });
  });

  it('does not let a catalogue write onto objects', () => {
    const catalogue: Catalogue = {};
    addTo(catalogue, JSON.parse('{"__proto__": {"polluted": "yes"}}') as object);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('the real catalogues', () => {
  it('have every plural message in the forms each language needs', () => {
    const full: Catalogue = {};
    addTo(full, ja);
    const fullEn: Catalogue = {};
    addTo(fullEn, en);
    const languages = [
      { catalogue: fullEn, locale: 'en-GB' },
      { catalogue: full, locale: 'ja-JP' },
    ];
    // A message with forms is found by its name for every count, never shown as its key.
    for (const count of [0, 1, 2, 1000]) {
      const text = translate(languages, 'staffImport.result.invited', { count });
      expect(text).not.toBe('staffImport.result.invited');
      expect(text).toContain(count.toLocaleString('en-GB'));
    }
  });
});
