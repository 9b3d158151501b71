import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { FormAlert, FormNotice, TextField } from '../../../components/form-fields.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useEmailPasswordLink, useIssuePasswordLink } from '../api/password-link.ts';

/**
 * Issues a one-time set-password link and shows it once, with a copy button and its expiry. The
 * link lives only in this component: choosing another person forgets it.
 */
export function PasswordLink({ staffId, isActive }: { staffId: number; isActive: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const issue = useIssuePasswordLink(staffId);
  const email = useEmailPasswordLink(staffId);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="stack-form">
      <p className="field__description">{t('accounts.link.intro')}</p>
      {issue.data ? (
        <>
          <TextField
            label={t('accounts.link.label')}
            description={t('accounts.link.expires', {
              time: formatDateTime(new Date(issue.data.expiresAt), lang),
            })}
            value={issue.data.url}
            isReadOnly
            isVerbatim
          />
          <div className="button-row">
            <Button variant="primary" onPress={() => void copy(issue.data.url)}>
              {t('accounts.link.copy')}
            </Button>
          </div>
          <div aria-live="polite">
            {copied === 'yes' ? <FormNotice>{t('accounts.link.copied')}</FormNotice> : null}
            {copied === 'failed' ? (
              <p className="field__error">{t('accounts.link.copyFailed')}</p>
            ) : null}
          </div>
        </>
      ) : (
        <div className="button-row">
          <Button
            variant="primary"
            isPending={email.isPending}
            isDisabled={!isActive || email.isSuccess}
            onPress={() => email.mutate()}
          >
            {t('accounts.link.email')}
          </Button>
          <Button isPending={issue.isPending} isDisabled={!isActive} onPress={() => issue.mutate()}>
            {issue.isPending ? t('accounts.link.issuing') : t('accounts.link.issue')}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {email.data ? (
          <FormNotice>
            {t('accounts.link.emailed', {
              to: email.data.to,
              time: formatDateTime(new Date(email.data.expiresAt), lang),
            })}
          </FormNotice>
        ) : null}
      </div>
      {email.isError ? (
        <FormAlert title={t('accounts.link.emailErrorTitle')}>
          <p>{email.error.message}</p>
        </FormAlert>
      ) : null}
      {issue.isError ? (
        <FormAlert title={t('accounts.link.errorTitle')}>
          <p>{issue.error.message}</p>
        </FormAlert>
      ) : null}
    </div>
  );
}
