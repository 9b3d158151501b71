import {
  Input,
  Label,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';
import './attendance.css';

export interface AttendanceTextFieldProps extends Omit<TextFieldProps, 'className' | 'children'> {
  label: string;
  description?: string | undefined;
  multiline?: boolean;
}

/** A labelled text box (or area) in the app's field style. */
export function AttendanceTextField({
  label,
  description,
  multiline = false,
  ...props
}: AttendanceTextFieldProps) {
  return (
    <TextField {...props} className="field">
      <Label className="field__label">{label}</Label>
      {multiline ? (
        <TextArea className="field__input attendance-textarea" rows={3} />
      ) : (
        <Input className="field__input" />
      )}
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
    </TextField>
  );
}
