import { useTranslation } from '../../../lib/i18n.ts';
import { CheckboxField, FormAlert } from '../../../components/form-fields.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useRequireSso, useSetBreakGlass, useSignInSettings } from '../api/sign-in-settings.ts';
import './accounts.css';

/**
 * Whether everyone must sign in with single sign-on, and which admin accounts keep a password
 * for when the provider is down (break-glass). The API refuses what would lock admins out.
 */
export function SignInSettingsPanel() {
  const { t } = useTranslation();
  const settings = useSignInSettings();
  const requireSso = useRequireSso();

  return (
    <QueryState query={settings}>
      {(s) => (
        <div className="stack-form">
          {s.ssoConfigured ? null : <p className="muted">{t('accounts.signIn.notConfigured')}</p>}
          <CheckboxField
            isSelected={s.ssoRequired}
            isDisabled={!s.ssoConfigured || requireSso.isPending}
            onChange={(value) => requireSso.mutate(value)}
          >
            {t('accounts.signIn.require')}
          </CheckboxField>
          <p className="field__description">{t('accounts.signIn.requireNote')}</p>
          {requireSso.isError ? (
            <FormAlert title={t('accounts.signIn.errorTitle')}>
              <p>
                {isApiError(requireSso.error) && requireSso.error.code === 'CONFLICT'
                  ? t('accounts.signIn.needsBreakGlass')
                  : t('form.network')}
              </p>
            </FormAlert>
          ) : null}
          <h3 className="roles-form__label">{t('accounts.signIn.breakGlassAdmins')}</h3>
          {s.breakGlassAdmins.length === 0 ? (
            <p className="muted">{t('accounts.signIn.noBreakGlass')}</p>
          ) : (
            <ul>
              {s.breakGlassAdmins.map((a) => (
                <li key={a.staffId}>
                  <span className="staff-number">{a.staffNumber}</span>{' '}
                  <span lang="ja">
                    {a.familyName} {a.givenName}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </QueryState>
  );
}

/** One admin account's break-glass mark, on the person's panel. */
export function BreakGlassMark({ staffId, breakGlass }: { staffId: number; breakGlass: boolean }) {
  const { t } = useTranslation();
  const mark = useSetBreakGlass(staffId);
  return (
    <div className="stack-form">
      <CheckboxField
        isSelected={breakGlass}
        isDisabled={mark.isPending}
        onChange={(value) => mark.mutate(value)}
      >
        {t('accounts.signIn.breakGlass')}
      </CheckboxField>
      <p className="field__description">{t('accounts.signIn.breakGlassNote')}</p>
      {mark.isError ? (
        <FormAlert title={t('accounts.signIn.errorTitle')}>
          <p>
            {isApiError(mark.error) && mark.error.code === 'CONFLICT'
              ? t('accounts.signIn.lastBreakGlass')
              : t('form.network')}
          </p>
        </FormAlert>
      ) : null}
    </div>
  );
}
