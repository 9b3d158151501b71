import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert, TextField } from '../../../components/form-fields.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useSetPassword } from '../api/set-password.ts';
import './auth.css';

/** The rule the API enforces (SetPasswordRequest): at least 10 characters. */
export const MIN_PASSWORD_LENGTH = 10;

interface FieldErrors {
  password?: string | undefined;
  confirm?: string | undefined;
}

/**
 * A new password, twice, sent with the one-time token from the link. An expired or used link
 * (403) gets its own message: the person needs a new link, not another try.
 */
export function SetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const setPassword = useSetPassword();
  const [password, setPasswordValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (setPassword.isPending) return;
    const errors: FieldErrors = {
      password:
        password === ''
          ? t('auth.setPassword.required')
          : password.length < MIN_PASSWORD_LENGTH
            ? t('auth.setPassword.tooShort')
            : undefined,
      confirm:
        confirm === ''
          ? t('auth.setPassword.confirmRequired')
          : confirm !== password
            ? t('auth.setPassword.mismatch')
            : undefined,
    };
    setFieldErrors(errors);
    if (errors.password || errors.confirm) {
      setPassword.reset();
      (errors.password ? passwordRef : confirmRef).current?.focus();
      return;
    }
    setPassword.mutate(
      { token, password },
      {
        onSuccess: onDone,
        onError: () => requestAnimationFrame(() => alertRef.current?.focus()),
      },
    );
  };

  const error = setPassword.error;
  const linkInvalid = isApiError(error) && error.status === 403;

  return (
    <form className="stack-form auth-form" noValidate onSubmit={submit}>
      {setPassword.isError ? (
        <FormAlert ref={alertRef} title={t('auth.setPassword.errorTitle')}>
          <p>
            {linkInvalid
              ? t('auth.setPassword.linkInvalid')
              : isApiError(error) && error.code === 'VALIDATION'
                ? t('auth.setPassword.tooShort')
                : isApiError(error)
                  ? t('errors.unknown')
                  : t('form.network')}
          </p>
        </FormAlert>
      ) : null}
      <TextField
        label={t('auth.setPassword.password')}
        description={t('auth.setPassword.rule')}
        errorMessage={fieldErrors.password}
        value={password}
        onChange={(value) => {
          setPasswordValue(value);
          if (fieldErrors.password) setFieldErrors({ ...fieldErrors, password: undefined });
        }}
        type="password"
        autoComplete="new-password"
        isRequired
        inputRef={passwordRef}
      />
      <TextField
        label={t('auth.setPassword.confirm')}
        errorMessage={fieldErrors.confirm}
        value={confirm}
        onChange={(value) => {
          setConfirm(value);
          if (fieldErrors.confirm) setFieldErrors({ ...fieldErrors, confirm: undefined });
        }}
        type="password"
        autoComplete="new-password"
        isRequired
        inputRef={confirmRef}
      />
      <Button
        type="submit"
        variant="primary"
        isPending={setPassword.isPending}
        isDisabled={linkInvalid}
      >
        {setPassword.isPending ? t('auth.setPassword.submitting') : t('auth.setPassword.submit')}
      </Button>
    </form>
  );
}
