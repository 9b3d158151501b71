import i18next, { type TFunction } from 'i18next';
import { useEffect, useSyncExternalStore } from 'react';
import type { Messages } from '../locales/ja.ts';
import { SECTIONS, type Section } from '../locales/sections.ts';
import { shellJa } from '../locales/shell.ja.ts';

export const LANGUAGES = ['ja', 'en'] as const;
/** A language the UI is available in. */
export type Language = (typeof LANGUAGES)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}

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

/** The app's one i18next instance, ready synchronously in Japanese (see `i18nReady`). */
export const i18n = i18next.createInstance();

void i18n.init({
  // The shell's Japanese words come with the first download; everything else is added as pages
  // need it (see `loadWords`).
  resources: { ja: { translation: shellJa } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  initAsync: false,
  // React escapes what it renders; escaping here too would show entities like &amp;.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** A part of a language's catalogue: the shell's words, or a section. */
type Part = 'shell' | Section;

/** The parts added (or being added) to each language's catalogue. */
const added: Record<Language, Map<Part, Promise<void>>> = {
  ja: new Map([['shell', Promise.resolve()]]),
  en: new Map(),
};

/** The sections pages have asked for so far: a language switch fetches them first. */
const wanted = new Set<Section>();

/** The language shown, or the one a switch is fetching words for. */
let target: Language = DEFAULT_LANGUAGE;

async function fetchPart(lang: Language, part: Part): Promise<object> {
  if (part !== 'shell') return { [part]: await SECTIONS[part][lang]() };
  return lang === 'en' ? (await import('../locales/shell.en.ts')).shellEn : shellJa;
}

function addPart(lang: Language, part: Part): Promise<void> {
  const known = added[lang].get(part);
  if (known) return known;
  const done = fetchPart(lang, part).then((words) => {
    i18n.addResourceBundle(lang, 'translation', words, true, true);
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
  i18n.addResourceBundle('ja', 'translation', { [section]: words }, true, true);
  added.ja.set(section, Promise.resolve());
}

/** Shows the UI in `lang` once the words of everything on screen are there in it. */
async function showIn(lang: Language): Promise<void> {
  target = lang;
  await Promise.all(['shell' as const, ...wanted].map((part) => addPart(lang, part)));
  // Another switch may have started meanwhile; the latest wins.
  if (target === lang) await i18n.changeLanguage(lang);
}

/** `<html lang>` follows the UI language so screen readers pronounce text correctly. */
function applyLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', (lang) => {
  applyLanguage(lang);
  // A switch made directly (the tests do) also supersedes one still fetching words.
  if (isLanguage(lang)) target = lang;
});

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
    if (locale && chosenLanguage() === null && i18n.language !== locale) {
      void showIn(locale);
    }
  }, [locale]);
}

/**
 * What `useTranslation` hands out: a new `t` whenever the language changes or words are added, so
 * memoised components that depend on `t` render again. (The app needs only this of react-i18next,
 * whose Suspense, namespace and `Trans` support cost every page about 2.5 KB gzipped.)
 */
let translation: { t: TFunction<'translation'> } = { t: i18n.getFixedT(null, 'translation') };
const translationListeners = new Set<() => void>();

function wordsChanged(): void {
  translation = { t: i18n.getFixedT(null, 'translation') };
  for (const listener of translationListeners) listener();
}
i18n.on('languageChanged', wordsChanged);
// A section's words arriving (loadWords) renders again what showed before they were there.
i18n.store.on('added', wordsChanged);

function subscribeToWords(listener: () => void): () => void {
  translationListeners.add(listener);
  return () => translationListeners.delete(listener);
}
const currentTranslation = () => translation;

/** The UI's words, `{ t }`, re-rendering the caller when the language changes or words are added. */
export function useTranslation(): { t: TFunction<'translation'> } {
  return useSyncExternalStore(subscribeToWords, currentTranslation, currentTranslation);
}

/** The current UI language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  useTranslation();
  const lang = i18n.resolvedLanguage;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/** The name in the current language, for records that carry both (units, for example). */
export function localName(record: { nameJa: string; nameEn: string }, lang: Language): string {
  return lang === 'en' ? record.nameEn : record.nameJa;
}
