import { useId, type Ref } from 'react';
import {
  Checkbox as AriaCheckbox,
  type CheckboxProps as AriaCheckboxProps,
  FieldError,
  Input,
  Label,
  Radio as AriaRadio,
  type RadioProps as AriaRadioProps,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { NativeFieldLabel, nativeFieldValidity, RequiredMark } from './native-text-field.tsx';

// The messages and the required mark are react-aria-free, for the first page; re-exported here so
// forms import every field part from one place.
export { FormAlert, FormNotice } from './form-messages.tsx';
export { RequiredMark };

export interface TextFieldProps extends Omit<
  AriaTextFieldProps,
  'className' | 'isInvalid' | 'children'
> {
  label: string;
  /** Help shown under the field (a rule, an example); tied to the input by aria-describedby. */
  description?: string | undefined;
  /** The field's error, shown under it and tied to the input by aria-describedby. */
  errorMessage?: string | undefined;
  /** A text area, for a reason or a note, instead of a one-line input. */
  multiline?: boolean;
  /** The one-line input's ref (not a text area's). */
  inputRef?: Ref<HTMLInputElement>;
  /** Passed to the one-line input: e.g. a datalist id. */
  list?: string;
  /** For identifiers and addresses (one-line): no automatic capitals or spelling marks. */
  isVerbatim?: boolean;
}

/**
 * A labelled text input (or area) with its description and error (react-aria wires label,
 * description and error to the input). Validation is the caller's: errors arrive as `errorMessage`.
 */
export function TextField({
  label,
  description,
  errorMessage,
  multiline = false,
  inputRef,
  list,
  isVerbatim = false,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      className="field"
      isInvalid={Boolean(errorMessage)}
      // ARIA validation only: the browser's own bubbles would speak a different language.
      validationBehavior="aria"
    >
      <Label className="field__label">
        {label}
        {props.isRequired ? <RequiredMark /> : null}
      </Label>
      {multiline ? (
        <TextArea className="field__input field__textarea" />
      ) : (
        <Input
          className="field__input"
          ref={inputRef}
          list={list}
          {...(isVerbatim ? { autoCapitalize: 'none', spellCheck: false } : {})}
        />
      )}
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** An empty first option ("choose…"), for a choice that has no default. */
  placeholder?: string;
  errorMessage?: string | undefined;
  isRequired?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
}

/**
 * A labelled native select: the phone's own picker, fine for long lists such as units, and
 * it can start empty (the shared Select always holds a value).
 */
export function SelectField({
  label,
  value,
  onChange,
  options,
  placeholder,
  errorMessage,
  isRequired = false,
  selectRef,
}: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <NativeFieldLabel htmlFor={id} label={label} isRequired={isRequired} />
      <select
        id={id}
        ref={selectRef}
        className="field__input field__select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...nativeFieldValidity(isRequired, errorMessage)}
        aria-describedby={errorMessage ? errorId : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorMessage ? (
        <p className="field__error" id={errorId}>
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label beside it, drawn so it is visible without colour. */
export function CheckboxField({
  children,
  ...props
}: Omit<AriaCheckboxProps, 'className' | 'children'> & { children: string }) {
  return (
    <AriaCheckbox {...props} className="checkbox">
      <span className="checkbox__box" aria-hidden="true" />
      <span>{children}</span>
    </AriaCheckbox>
  );
}

/** A radio with its label beside it, inside a react-aria RadioGroup. */
export function RadioField({
  children,
  ...props
}: Omit<AriaRadioProps, 'className' | 'children'> & { children: string }) {
  return (
    <AriaRadio {...props} className="radio">
      <span className="radio__dot" aria-hidden="true" />
      <span>{children}</span>
    </AriaRadio>
  );
}
