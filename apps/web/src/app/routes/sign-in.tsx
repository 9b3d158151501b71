import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card.tsx';
import { FormNotice } from '../../components/form-fields.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './account-pages.css';

const route = getRouteApi('/sign-in');

/** Sign-in; afterwards, the page the person was trying to open (or home). */
export function SignInPage() {
  const { t } = useTranslation();
  const { next, reason } = route.useSearch();
  const navigate = route.useNavigate();
  useDocumentTitle(t('auth.signIn.title'));

  return (
    <div className="auth-page">
      <div className="auth-page__card">
        <PageHeader title={t('auth.signIn.title')}>
          <p>{t('auth.signIn.intro')}</p>
        </PageHeader>
        {reason ? <FormNotice>{t(`auth.signIn.${reason}`)}</FormNotice> : null}
        <Card title={t('auth.signIn.title')} className="auth-page__form-card">
          <SignInForm onSignedIn={() => void navigate({ href: next ?? '/', replace: true })} />
        </Card>
        <p className="auth-page__help">{t('auth.signIn.forgotten')}</p>
      </div>
    </div>
  );
}
