import { useState } from 'react';
import { useTranslation } from '../../lib/i18n.ts';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-fields.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SetPasswordForm } from '../../features/auth/components/set-password-form.tsx';
import { signInHref } from '../../features/auth/utils/sign-in-search.ts';
import { loadPage } from '../../lib/load-page.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './account-pages.css';

/** The one-time token from `#token=…`: in the fragment, so it never reaches a server's logs. */
function tokenFromHash(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length >= 20 ? token : undefined;
}

/** Setting a password from an admin's one-time link; then on to sign-in (a page of its own). */
export function SetPasswordPage() {
  const { t } = useTranslation();
  // Read once: the token is then taken out of the address bar and the history entry.
  const [token] = useState(() => {
    const found = tokenFromHash(window.location.hash);
    if (found) window.history.replaceState(window.history.state, '', window.location.pathname);
    return found;
  });
  useDocumentTitle(t('auth.setPassword.title'));

  return (
    <div className="auth-page">
      <div className="auth-page__card">
        <PageHeader title={t('auth.setPassword.title')}>
          <p>{t('auth.setPassword.intro')}</p>
        </PageHeader>
        <Card title={t('auth.setPassword.title')}>
          {token ? (
            <SetPasswordForm
              token={token}
              onDone={() => loadPage(signInHref({ reason: 'passwordSet' }))}
            />
          ) : (
            <div className="stack-form">
              <FormAlert title={t('auth.setPassword.errorTitle')}>
                <p>{t('auth.setPassword.noToken')}</p>
              </FormAlert>
              <a href={signInHref()} className="text-link">
                {t('auth.setPassword.backToSignIn')}
              </a>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
