import { useTranslation } from 'react-i18next';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { isLanguage, LANGUAGES, setLanguage, useLanguage } from '../../lib/i18n.ts';

/**
 * 日本語 | English. Each name is written in its own language (and marked so with `lang`), so
 * people can find theirs whatever the page is showing now.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <ToggleButtonGroup
      aria-label={t('language.label')}
      className="language-switch"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[current]}
      onSelectionChange={(keys) => {
        for (const key of keys) if (isLanguage(key)) void setLanguage(key);
      }}
    >
      {LANGUAGES.map((lang) => (
        <ToggleButton key={lang} id={lang} lang={lang} className="language-switch__option">
          {t(`language.${lang}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
