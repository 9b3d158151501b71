import './sessions.css';
import {
  Checkbox as AriaCheckbox,
  type CheckboxProps,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';

export interface TextInputProps extends Omit<TextFieldProps, 'className' | 'children'> {
  label: string;
  description?: string | undefined;
  /** A server-side complaint about this field, shown under it and announced. */
  errorMessage?: string | undefined;
  multiline?: boolean;
}

/** A labelled text box (or area) using the app's field styles. */
export function TextInput({
  label,
  description,
  errorMessage,
  multiline = false,
  ...props
}: TextInputProps) {
  return (
    <TextField
      {...props}
      className="field"
      isInvalid={errorMessage !== undefined || props.isInvalid}
    >
      <Label className="field__label">{label}</Label>
      {multiline ? (
        <TextArea className="field__input field__textarea" />
      ) : (
        <Input className="field__input" />
      )}
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </TextField>
  );
}

/** A checkbox with its label beside it, drawn so it is visible without colour. */
export function CheckboxField({
  children,
  ...props
}: Omit<CheckboxProps, 'className' | 'children'> & { children: string }) {
  return (
    <AriaCheckbox {...props} className="checkbox">
      <span className="checkbox__box" aria-hidden="true" />
      <span>{children}</span>
    </AriaCheckbox>
  );
}
