import { useId, type Ref } from 'react';

export interface NativeTextFieldProps {
  label: string;
  /** Help shown under the field; tied to the input by aria-describedby. */
  description?: string | undefined;
  /** The field's error, shown under it and tied to the input by aria-describedby. */
  errorMessage?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  name: string;
  type?: 'text' | 'password' | 'email';
  autoComplete?: string;
  isRequired?: boolean;
  /** For identifiers and addresses: no automatic capitals or spelling marks. */
  isVerbatim?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * TextField's look and wiring (label, description and error tied to the input, `aria-invalid`,
 * `aria-required`) from the browser's own elements, for the sign-in page: the first page most
 * people open must not wait for react-aria, which the other forms load with their pages.
 */
export function NativeTextField({
  label,
  description,
  errorMessage,
  onChange,
  type = 'text',
  isRequired = false,
  isVerbatim = false,
  inputRef,
  ...props
}: NativeTextFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [description ? descriptionId : null, errorMessage ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <NativeFieldLabel htmlFor={id} label={label} isRequired={isRequired} />
      <input
        {...props}
        id={id}
        ref={inputRef}
        type={type}
        className="field__input"
        onChange={(event) => onChange(event.target.value)}
        {...nativeFieldValidity(isRequired, errorMessage)}
        data-invalid={errorMessage ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...(isVerbatim ? { autoCapitalize: 'none', spellCheck: false } : {})}
      />
      {description ? (
        <span className="field__description" id={descriptionId}>
          {description}
        </span>
      ) : null}
      {errorMessage ? (
        <span className="field__error" id={errorId}>
          {errorMessage}
        </span>
      ) : null}
    </div>
  );
}

/** A native field's label, required mark included: the sign-in page's fields and SelectField. */
export function NativeFieldLabel({
  htmlFor,
  label,
  isRequired,
}: {
  htmlFor: string;
  label: string;
  isRequired: boolean;
}) {
  return (
    <label className="field__label" htmlFor={htmlFor}>
      {label}
      {isRequired ? <RequiredMark /> : null}
    </label>
  );
}

/** What a native input or select announces of its state; react-aria sets these for its own fields. */
export function nativeFieldValidity(isRequired: boolean, errorMessage: string | undefined) {
  return {
    'aria-required': isRequired || undefined,
    'aria-invalid': errorMessage ? true : undefined,
  };
}

/** "*" after a required field's label; screen readers hear "required" from aria-required. */
export function RequiredMark() {
  return (
    <span className="field__required" aria-hidden="true">
      {' *'}
    </span>
  );
}
