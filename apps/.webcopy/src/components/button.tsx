import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  composeRenderProps,
} from 'react-aria-components';

export interface ButtonProps extends AriaButtonProps {
  /** `primary` for the one main action of a view, `secondary` for the rest. */
  variant?: 'primary' | 'secondary';
}

/** The app's button: react-aria's Button (keyboard, touch and screen-reader behaviour) with our look. */
export function Button({ variant = 'secondary', className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      className={composeRenderProps(className, (extra) =>
        ['button', `button--${variant}`, extra].filter(Boolean).join(' '),
      )}
    />
  );
}
