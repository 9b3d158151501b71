import { useTranslation } from '../../lib/i18n.ts';
import { Card } from '../../components/card.tsx';
import { FormNotice } from '../../components/form-messages.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useSsoInfo } from '../../features/auth/api/single-sign-on.ts';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { SsoSignInButton } from '../../features/auth/components/sso-sign-in.tsx';
import { parseSignInSearch } from '../../features/auth/utils/sign-in-search.ts';
import { loadPage } from '../../lib/load-page.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { parseRootSearch } from '../routes/root-search.ts';
import '../routes/account-pages.css';

/**
 * Sign-in, from the address's `search` (`?next=…&reason=…`); afterwards, the page the person was
 * trying to open (or home), loaded in full: the single-page app starts there with the person
 * signed in. With single sign-on configured its button comes first and the password form below.
 */
export function SignInPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const raw = Object.fromEntries(new URLSearchParams(search));
  const { next } = parseRootSearch(raw);
  const { reason } = parseSignInSearch(raw);
  const sso = useSsoInfo().data;
  // A browser still signed in must send its session's CSRF token with the sign-in (which ends
  // that session): asking who is signed in sets it.
  useMe();
  useDocumentTitle(t('auth.signIn.title'));
  const ssoName = sso?.enabled ? sso.name : null;

  return (
    <div className="auth-page">
      <div className="auth-page__card">
        <PageHeader title={t('auth.signIn.title')}>
          <p>{ssoName ? t('auth.sso.intro') : t('auth.signIn.intro')}</p>
        </PageHeader>
        {reason ? <FormNotice>{t(`auth.signIn.${reason}`)}</FormNotice> : null}
        {ssoName ? (
          <Card title={t('auth.sso.title')}>
            <SsoSignInButton name={ssoName} next={next} />
          </Card>
        ) : null}
        <Card
          title={ssoName ? t('auth.sso.passwordTitle') : t('auth.signIn.title')}
          className="auth-page__form-card"
        >
          {sso?.required ? <p className="auth-page__help">{t('auth.sso.passwordsOff')}</p> : null}
          <SignInForm onSignedIn={() => loadPage(next ?? '/', { replace: true })} />
        </Card>
        <p className="auth-page__help">{t('auth.signIn.forgotten')}</p>
      </div>
    </div>
  );
}
