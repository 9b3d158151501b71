import { useEffect, useSyncExternalStore } from 'react';
import type { Messages } from '../locales/ja.ts';
import { SECTIONS, type Section } from '../locales/sections.ts';
import { shellJa } from '../locales/shell.ja.ts';
import { addTo, lookUp, translate, type Catalogue, type TranslateOptions } from './translate.ts';

export const LANGUAGES = ['ja', 'en'] as const;
/** A language the UI is available in. */
export type Language = (typeof LANGUAGES)[number];

/** The locale `Intl` formats with in each language (British English for day-month order). */
export const INTL_LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

const DEFAULT_LANGUAGE: Language = 'ja';
const STORAGE_KEY = 'kenshu.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((lang) => lang === value);
}

/** The language chosen on this device with the switch, if any. */
function chosenLanguage(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage can be blocked by browser policy; the default language is still usable.
    return null;
  }
}

/** The first of the browser's preferred languages the UI is available in (`en-US` → `en`). */
export function browserLanguage(
  preferred: readonly string[] | undefined = globalThis.navigator?.languages,
): Language | null {
  for (const tag of preferred ?? []) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return null;
}

/**
 * The language to start in: the one chosen with the switch on this device; else the browser's
 * (so the sign-in page speaks English to an English browser before anyone is known); else
 * Japanese. Once signed in, the person's own language applies unless they chose one.
 */
function storedLanguage(): Language {
  return chosenLanguage() ?? browserLanguage() ?? DEFAULT_LANGUAGE;
}

/** A key of the catalogue, `path.to.message`; a message with plural forms is named without them. */
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
type Singular<K extends string> = K extends `${infer Message}_${Intl.LDMLPluralRule}` ? Message : K;
export type MessageKey = Singular<Paths<Messages>>;

/**
 * The UI's words: `t('myTraining.title')`, `t('team.summary.people', { count })`. A key built at
 * run time that the catalogue may not have (an API error code, say) needs a `defaultValue`.
 */
export interface TFunction {
  (key: MessageKey, options?: TranslateOptions): string;
  (key: string, options: TranslateOptions & { defaultValue: string }): string;
}

/** Each language's words so far: the shell's Japanese words, then what `loadWords` adds. */
const catalogues: Record<Language, Catalogue> = { ja: {}, en: {} };
addTo(catalogues.ja, shellJa);

/** The language shown. */
let shown: Language = DEFAULT_LANGUAGE;

/** The language shown, or the one a switch is fetching words for. */
let target: Language = DEFAULT_LANGUAGE;

/** Told whenever the language changes or words arrive. */
const wordListeners = new Set<() => void>();

/** The words in `lang`, falling back to Japanese, the language every message is written in first. */
function wordsIn(lang: Language): TFunction {
  const languages = [...new Set([lang, DEFAULT_LANGUAGE])].map((each) => ({
    catalogue: catalogues[each],
    locale: INTL_LOCALES[each],
  }));
  return (key: string, options?: TranslateOptions) => translate(languages, key, options);
}

/** The app's words and language, outside React (loaders, tests); components use the hooks below. */
export const i18n = {
  /** The language shown. */
  get language(): Language {
    return shown;
  },
  /** Shows the UI in `lang` with the words already there (`setLanguage` fetches them first). */
  changeLanguage(lang: Language): void {
    shown = lang;
    // A switch made directly (the tests do) also supersedes one still fetching words.
    target = lang;
    applyLanguage(lang);
    for (const listener of wordListeners) listener();
  },
  /** Adds words to a language's catalogue; a message given again replaces the old one. */
  addWords(lang: Language, words: object): void {
    addTo(catalogues[lang], words);
    for (const listener of wordListeners) listener();
  },
  /** Whether the shown language (or Japanese) has the message `key`. */
  exists(key: string): boolean {
    return [shown, DEFAULT_LANGUAGE].some((lang) => lookUp(catalogues[lang], key) !== undefined);
  },
};

/** A part of a language's catalogue: the shell's words, or a section. */
type Part = 'shell' | Section;

/** The parts added (or being added) to each language's catalogue. */
const added: Record<Language, Map<Part, Promise<void>>> = {
  ja: new Map([['shell', Promise.resolve()]]),
  en: new Map(),
};

/** The sections pages have asked for so far: a language switch fetches them first. */
const wanted = new Set<Section>();

async function fetchPart(lang: Language, part: Part): Promise<object> {
  if (part !== 'shell') return { [part]: await SECTIONS[part][lang]() };
  return lang === 'en' ? (await import('../locales/shell.en.ts')).shellEn : shellJa;
}

function addPart(lang: Language, part: Part): Promise<void> {
  const known = added[lang].get(part);
  if (known) return known;
  const done = fetchPart(lang, part).then((words) => {
    i18n.addWords(lang, words);
  });
  // A failed fetch (offline, say) is tried again next time rather than remembered.
  done.catch(() => added[lang].delete(part));
  added[lang].set(part, done);
  return done;
}

/**
 * Fetches the words of `sections` in the UI language. Each route's loader calls this, so a page
 * shows only once its words are there (never raw keys), and its words load with its code.
 */
export async function loadWords(...sections: Section[]): Promise<void> {
  for (const section of sections) wanted.add(section);
  const langs = new Set([i18n.language, target].filter(isLanguage));
  await Promise.all([...langs].flatMap((lang) => sections.map((s) => addPart(lang, s))));
}

/**
 * Adds a section's Japanese words that came with the page's own download (the sign-in page's), so
 * they are not fetched again; `loadWords` still fetches the section in another language.
 */
export function includeWords<S extends Section>(section: S, words: Messages[S]): void {
  i18n.addWords('ja', { [section]: words });
  added.ja.set(section, Promise.resolve());
}

/** Shows the UI in `lang` once the words of everything on screen are there in it. */
async function showIn(lang: Language): Promise<void> {
  target = lang;
  await Promise.all(['shell' as const, ...wanted].map((part) => addPart(lang, part)));
  // Another switch may have started meanwhile; the latest wins.
  if (target === lang) i18n.changeLanguage(lang);
}

/** `<html lang>` follows the UI language so screen readers pronounce text correctly. */
function applyLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyLanguage(i18n.language);

/**
 * Resolves once the starting language's words are there: at once in Japanese, the default; a
 * visitor who starts in English waits for its words rather than seeing Japanese flash first.
 */
export const i18nReady: Promise<void> = showIn(storedLanguage());

/** Switches the UI language and remembers the choice on this device. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
  await showIn(lang);
}

/**
 * Shows the UI in the signed-in person's own language (from their HR record), unless someone
 * has picked a language with the switch on this device: that choice is theirs to keep.
 */
export function useAccountLanguage(locale: Language | undefined): void {
  useEffect(() => {
    if (locale) void showAccountLanguage(locale);
  }, [locale]);
}

/**
 * The same before the first page shows (the router awaits it once it knows who is signed in), so
 * someone whose browser speaks another language than their record does not see the page in the
 * browser's language first and then see every line change, and move, in front of them.
 */
export async function showAccountLanguage(locale: Language): Promise<void> {
  if (chosenLanguage() === null && i18n.language !== locale) await showIn(locale);
}

/**
 * What `useTranslation` hands out: a new `t` whenever the language changes or words are added, so
 * memoised components that depend on `t` render again.
 */
let translation: { t: TFunction } = { t: wordsIn(shown) };
wordListeners.add(() => {
  translation = { t: wordsIn(shown) };
});

function subscribeToWords(listener: () => void): () => void {
  wordListeners.add(listener);
  return () => wordListeners.delete(listener);
}
const currentTranslation = () => translation;

/** The UI's words, `{ t }`, re-rendering the caller when the language changes or words are added. */
export function useTranslation(): { t: TFunction } {
  return useSyncExternalStore(subscribeToWords, currentTranslation, currentTranslation);
}

/** The current UI language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  useTranslation();
  return i18n.language;
}

/** The name in the current language, for records that carry both (units, for example). */
export function localName(record: { nameJa: string; nameEn: string }, lang: Language): string {
  return lang === 'en' ? record.nameEn : record.nameJa;
}
