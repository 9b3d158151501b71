import i18next, { type BackendModule } from 'i18next';
import { useEffect } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { ja, type Messages } from '../locales/ja.ts';

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

/**
 * Japanese, the default, is part of the first download; English is fetched the first time it is
 * needed (a visitor who chose it, or the switch), so most visitors never download it.
 */
const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const load =
      language === 'en' ? import('../locales/en.ts').then((m) => m.en) : Promise.resolve(ja);
    load.then(
      (messages) => callback(null, messages),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/** The app's one i18next instance, ready synchronously in Japanese (see `i18nReady`). */
export const i18n = i18next.createInstance();

const initialised = i18n
  .use(lazyCatalogues)
  .use(initReactI18next)
  .init({
    resources: { ja: { translation: ja } },
    // Japanese comes bundled; the backend fetches only what is missing.
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    initAsync: false,
    // React escapes what it renders; escaping here too would show entities like &amp;.
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/** `<html lang>` follows the UI language so screen readers pronounce text correctly. */
function applyLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** Resolves once the starting language's catalogue is there (at once, unless it is English). */
export const i18nReady: Promise<unknown> = initialised;

/** Switches the UI language and remembers the choice on this device. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
  await i18n.changeLanguage(lang);
}

/**
 * Shows the UI in the signed-in person's own language (from their HR record), unless someone
 * has picked a language with the switch on this device: that choice is theirs to keep.
 */
export function useAccountLanguage(locale: Language | undefined): void {
  useEffect(() => {
    if (locale && chosenLanguage() === null && i18n.language !== locale) {
      void i18n.changeLanguage(locale);
    }
  }, [locale]);
}

/** The current UI language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  const lang = instance.resolvedLanguage;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/** The name in the current language, for records that carry both (units, for example). */
export function localName(record: { nameJa: string; nameEn: string }, lang: Language): string {
  return lang === 'en' ? record.nameEn : record.nameJa;
}
