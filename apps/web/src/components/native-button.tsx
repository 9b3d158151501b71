import type { ReactNode } from 'react';

export interface NativeButtonProps {
  /** `primary` for the one main action of a view, `secondary` for the rest. */
  variant?: 'primary' | 'secondary';
  onPress: () => void;
  /** While a change is saving: still focusable, announced as unavailable, presses ignored. */
  isPending?: boolean;
  'aria-label'?: string;
  children: ReactNode;
}

/**
 * Button's look and behaviour from the browser's own button, for what My training shows
 * at once (booking, notification and calendar-feed actions): the page must not wait for
 * react-aria, which the other pages load with their forms and dialogs.
 */
export function NativeButton({
  variant = 'secondary',
  onPress,
  isPending = false,
  ...props
}: NativeButtonProps) {
  return (
    <button
      {...props}
      type="button"
      className={`button button--${variant}`}
      aria-disabled={isPending || undefined}
      data-pending={isPending || undefined}
      onClick={(event) => {
        if (isPending) return;
        // As react-aria's Button: focus the button pressed (Safari does not), so a dialog it
        // opens gives focus back to it.
        event.currentTarget.focus();
        onPress();
      }}
    />
  );
}
