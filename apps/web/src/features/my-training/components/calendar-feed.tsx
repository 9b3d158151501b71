import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { NativeButton } from '../../../components/native-button.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feed.ts';

/**
 * "Subscribe to my calendar": a private feed URL for Outlook or a phone's calendar. The URL is
 * the credential, so it is shown once, with a copy button; making a new one or revoking it stops
 * the old one.
 */
export function CalendarFeed() {
  const { t } = useTranslation();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [copied, setCopied] = useState(false);
  const urlId = useId();
  const url = create.data ?? null;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const failure = create.error ?? revoke.error;

  return (
    <div className="calendar-feed">
      <p>{t('myTraining.feed.intro')}</p>
      {url ? (
        <div className="calendar-feed__url">
          {/* The browser's own read-only field: react-aria adds nothing to one, and My training
              shows it without loading react-aria's text field. */}
          <div className="field">
            <label className="field__label" htmlFor={urlId}>
              {t('myTraining.feed.urlLabel')}
            </label>
            <input
              id={urlId}
              className="field__input calendar-feed__input"
              value={url}
              readOnly
              onFocus={(e) => e.target.select()}
            />
          </div>
          <p className="muted">{t('myTraining.feed.shownOnce')}</p>
        </div>
      ) : null}
      <div className="requirement__actions">
        {url ? (
          <NativeButton variant="primary" onPress={() => void copy()}>
            {t('myTraining.feed.copy')}
          </NativeButton>
        ) : (
          <NativeButton
            variant="primary"
            isPending={create.isPending}
            onPress={() => {
              setCopied(false);
              revoke.reset();
              create.mutate();
            }}
          >
            {t('myTraining.feed.create')}
          </NativeButton>
        )}
        <NativeButton
          isPending={revoke.isPending}
          onPress={() => {
            create.reset();
            setCopied(false);
            revoke.mutate();
          }}
        >
          {t('myTraining.feed.revoke')}
        </NativeButton>
      </div>
      <p role="status" className="calendar-feed__status">
        {copied
          ? t('myTraining.feed.copied')
          : revoke.isSuccess
            ? t('myTraining.feed.revoked')
            : ''}
      </p>
      {failure ? (
        <p className="form-error" role="alert">
          {isApiError(failure) && failure.code === 'FORBIDDEN'
            ? t('myTraining.feed.forbidden')
            : t('myTraining.feed.failed')}
        </p>
      ) : null}
    </div>
  );
}
