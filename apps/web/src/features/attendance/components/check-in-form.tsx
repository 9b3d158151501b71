import { useEffect, useId, useRef, useState } from 'react';
import { Input, Label, Text, TextField } from 'react-aria-components';
import { Button } from '../../../components/button.tsx';
import { sessionTimeLabel } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { useCheckIn } from '../api/check-in.ts';
import { useSessionDetails } from '../api/session-details.ts';
import { useAttendanceErrorMessage } from '../utils/error-message.ts';
import './attendance.css';

export interface CheckInFormProps {
  /** From the QR code's link: check in at once with these. */
  sessionId?: number | undefined;
  code?: string | undefined;
  /** The signed token from the QR code: check in at once with it. */
  token?: string | undefined;
  /** Called once a QR check-in has been sent, so the page can drop the code from its address. */
  onLinkUsed?: () => void;
}

/** Six digits, whatever the phone's keyboard typed (full-width digits, spaces). */
export function cleanCode(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '');
}

/**
 * The attendee's check-in: opened from the QR code it checks in straight away; otherwise one
 * large box for the six digits shown in the room. Checking in twice counts as success.
 */
export function CheckInForm({ sessionId, code, token, onLinkUsed }: CheckInFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const errorMessage = useAttendanceErrorMessage();
  const checkIn = useCheckIn();
  const [typed, setTyped] = useState('');
  const [formatError, setFormatError] = useState('');
  const resultId = useId();

  // From the QR code: send once (React may run effects twice in development).
  const sentLink = useRef(false);
  const { mutate } = checkIn;
  useEffect(() => {
    if (sentLink.current || (!code && !token)) return;
    sentLink.current = true;
    mutate(token ? { token } : { code: cleanCode(code ?? ''), sessionId });
    onLinkUsed?.();
  }, [code, token, sessionId, mutate, onLinkUsed]);

  const checkedInSession = useSessionDetails(checkIn.data?.sessionId);

  if (checkIn.isSuccess) {
    const details = checkedInSession.data;
    return (
      <div className="check-in-result" role="status">
        <p className="check-in-result__title">
          <span className="check-in-result__icon" aria-hidden="true" />
          {t(`attendance.checkIn.outcome.${checkIn.data.outcome}`)}
        </p>
        {checkIn.data.outcome === 'requested' ? (
          <p className="muted">{t('attendance.checkIn.requestedHint')}</p>
        ) : null}
        {details ? (
          <p className="check-in-result__session">
            <span>{lang === 'en' ? details.course.titleEn : details.course.titleJa}</span>
            <span>{sessionTimeLabel(details.startsAt, details.endsAt, lang)}</span>
          </p>
        ) : null}
        <Button
          onPress={() => {
            checkIn.reset();
            setTyped('');
          }}
        >
          {t('attendance.checkIn.again')}
        </Button>
      </div>
    );
  }

  const submit = () => {
    const digits = cleanCode(typed);
    if (digits.length !== 6) {
      setFormatError(t('attendance.checkIn.invalidFormat'));
      return;
    }
    setFormatError('');
    checkIn.mutate({ code: digits });
  };

  const error = formatError || (checkIn.isError ? errorMessage(checkIn.error) : '');
  return (
    <form
      className="check-in-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <TextField
        className="field check-in-form__field"
        value={typed}
        onChange={(value) => setTyped(cleanCode(value).slice(0, 6))}
        isInvalid={error !== ''}
        isDisabled={checkIn.isPending}
        aria-describedby={error ? resultId : undefined}
        // The box is the page's one task.
        autoFocus={!code && !token}
      >
        <Label className="field__label">{t('attendance.checkIn.code')}</Label>
        <Input
          className="field__input check-in-form__input"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
        />
        <Text slot="description" className="field__description">
          {t('attendance.checkIn.intro')}
        </Text>
      </TextField>
      {checkIn.isPending ? (
        <p role="status" className="muted">
          {t('attendance.checkIn.checking')}
        </p>
      ) : null}
      {error ? (
        <p className="alert alert--error attendance-error" role="alert" id={resultId}>
          {error}
        </p>
      ) : null}
      {/* Disabled rather than react-aria's pending state: its announcement would outlive the
          button, which the result replaces. */}
      <Button type="submit" variant="primary" isDisabled={checkIn.isPending}>
        {t('attendance.checkIn.submit')}
      </Button>
    </form>
  );
}
