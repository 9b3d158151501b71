import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card.tsx';
import { FormNotice } from '../../components/form-messages.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useSsoInfo } from '../../features/auth/api/single-sign-on.ts';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { SsoSignInButton } from '../../features/auth/components/sso-sign-in.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './account-pages.css';

const route = getRouteApi('/sign-in');

/**
 * Sign-in; afterwards, the page the person was trying to open (or home). With single sign-on
 * configured its button comes first and the password form below it.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { next, reason } = route.useSearch();
  const navigate = route.useNavigate();
  const sso = useSsoInfo().data;
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
          <SignInForm onSignedIn={() => void navigate({ href: next ?? '/', replace: true })} />
        </Card>
        <p className="auth-page__help">{t('auth.signIn.forgotten')}</p>
      </div>
    </div>
  );
}
