import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from '../../lib/i18n.ts';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-fields.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { signInHref } from '../../features/auth/utils/sign-in-search.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './account-pages.css';

const route = getRouteApi('/sign-in/sso');

/**
 * Where a single sign-on that did not sign the person in ends: what happened and what to do, in
 * the reader's language (someone the staff list does not know cannot fix it by trying again).
 */
export function SsoProblemPage() {
  const { t } = useTranslation();
  const { problem = 'failed' } = route.useSearch();
  useDocumentTitle(t('auth.sso.problemTitle'));

  return (
    <div className="auth-page">
      <div className="auth-page__card">
        <PageHeader title={t('auth.sso.problemTitle')} />
        <Card title={t('auth.sso.problemTitle')}>
          <div className="stack-form">
            <FormAlert title={t(`auth.sso.problems.${problem}.title`)}>
              <p>{t(`auth.sso.problems.${problem}.body`)}</p>
            </FormAlert>
            <a href={signInHref()} className="text-link">
              {t('auth.sso.backToSignIn')}
            </a>
          </div>
        </Card>
      </div>
    </div>
  );
}
