import type { Me } from '@kenshu/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { FormAlert } from '../../../components/form-messages.tsx';
import { NativeTextField } from '../../../components/native-text-field.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useSignIn } from '../api/sign-in.ts';
import { retryAfterSeconds } from '../utils/api-errors.ts';
import './auth.css';

interface FieldErrors {
  login?: string | undefined;
  password?: string | undefined;
}

/**
 * Staff number or e-mail, and password. Empty fields are caught here; wrong credentials, a
 * lockout and network trouble come back from the API and are shown above the form, which takes
 * focus so screen readers read it. Built from the browser's own form elements: this is the first
 * page most people open, and it should not wait for react-aria.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const loginRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const errorMessage = (error: unknown): string => {
    if (!isApiError(error)) return t('auth.signIn.network');
    if (error.code === 'UNAUTHENTICATED') return t('auth.signIn.wrongCredentials');
    if (error.code === 'RATE_LIMITED') {
      const seconds = retryAfterSeconds(error) ?? 15 * 60;
      return t('auth.signIn.lockedOut', { count: Math.max(1, Math.ceil(seconds / 60)) });
    }
    return t('auth.signIn.failed');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const errors: FieldErrors = {
      login: login.trim() === '' ? t('auth.signIn.loginRequired') : undefined,
      password: password === '' ? t('auth.signIn.passwordRequired') : undefined,
    };
    setFieldErrors(errors);
    if (errors.login || errors.password) {
      signIn.reset();
      (errors.login ? loginRef : passwordRef).current?.focus();
      return;
    }
    signIn.mutate(
      { login: login.trim(), password },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          if (isApiError(error) && error.code === 'UNAUTHENTICATED') setPassword('');
          // After React shows the message.
          requestAnimationFrame(() => alertRef.current?.focus());
        },
      },
    );
  };

  return (
    <form className="stack-form auth-form" noValidate onSubmit={submit}>
      {signIn.isError ? (
        <FormAlert ref={alertRef} title={t('auth.signIn.errorTitle')}>
          <p>{errorMessage(signIn.error)}</p>
        </FormAlert>
      ) : null}
      <NativeTextField
        label={t('auth.signIn.login')}
        description={t('auth.signIn.loginDescription')}
        errorMessage={fieldErrors.login}
        value={login}
        onChange={(value) => {
          setLogin(value);
          if (fieldErrors.login) setFieldErrors({ ...fieldErrors, login: undefined });
        }}
        name="login"
        autoComplete="username"
        isVerbatim
        isRequired
        inputRef={loginRef}
      />
      <NativeTextField
        label={t('auth.signIn.password')}
        errorMessage={fieldErrors.password}
        value={password}
        onChange={(value) => {
          setPassword(value);
          if (fieldErrors.password) setFieldErrors({ ...fieldErrors, password: undefined });
        }}
        name="password"
        type="password"
        autoComplete="current-password"
        isRequired
        inputRef={passwordRef}
      />
      {/* While pending: not a second submit (Enter in a field included), but still focusable. */}
      <button
        type={signIn.isPending ? 'button' : 'submit'}
        className="button button--primary"
        aria-disabled={signIn.isPending || undefined}
        data-pending={signIn.isPending || undefined}
      >
        {signIn.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
      </button>
      <p className="visually-hidden" role="status">
        {signIn.isPending ? t('auth.signIn.submitting') : null}
      </p>
    </form>
  );
}
