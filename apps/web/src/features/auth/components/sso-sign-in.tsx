import type { SsoInfo } from '@kenshu/contracts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { ssoStartHref } from '../api/single-sign-on.ts';
import './auth.css';

/**
 * "Sign in with (the ministry's account)": a plain link, because the browser leaves for the
 * provider and comes back to the API's callback, which opens `next` (or My training).
 */
export function SsoSignInButton({
  name,
  next,
}: {
  name: NonNullable<SsoInfo['name']>;
  next: string | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <a className="button button--primary sso-button" href={ssoStartHref(next)}>
      {t('auth.sso.signInWith', { name: lang === 'en' ? name.en : name.ja })}
    </a>
  );
}
