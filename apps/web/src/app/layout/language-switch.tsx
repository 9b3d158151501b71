import { useId } from 'react';
import { LANGUAGES, setLanguage, useLanguage, useTranslation } from '../../lib/i18n.ts';

/**
 * 日本語 | English. Each name is written in its own language (and marked so with `lang`), so
 * people can find theirs whatever the page is showing now. The browser's own radio buttons (arrow
 * keys move between them): the switch is on every page, and react-aria loads later, with pages.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  const name = useId();
  return (
    <div role="radiogroup" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((lang) => (
        <label key={lang} lang={lang} className="language-switch__option">
          <input
            type="radio"
            className="language-switch__input"
            name={name}
            value={lang}
            checked={current === lang}
            onChange={() => void setLanguage(lang)}
          />
          {t(`language.${lang}`)}
        </label>
      ))}
    </div>
  );
}
