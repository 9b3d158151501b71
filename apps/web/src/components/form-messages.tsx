import { forwardRef, type ReactNode, type Ref } from 'react';

export interface FormAlertProps {
  title: string;
  children: ReactNode;
}

/**
 * A form's error message: announced at once (role="alert") and focusable, so the form can move
 * focus to it after a failed submit.
 */
export const FormAlert = forwardRef(function FormAlert(
  { title, children }: FormAlertProps,
  ref: Ref<HTMLDivElement>,
) {
  return (
    <div className="form-message form-message--error" role="alert" tabIndex={-1} ref={ref}>
      <p className="form-message__title">{title}</p>
      <div className="form-message__body">{children}</div>
    </div>
  );
});

/** A success or information message, announced politely. */
export function FormNotice({ children }: { children: ReactNode }) {
  return (
    <div className="form-message form-message--notice" role="status">
      {children}
    </div>
  );
}
