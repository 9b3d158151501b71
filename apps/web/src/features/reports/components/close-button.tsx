import { Button as AriaButton } from 'react-aria-components';

/** Closes a panel of the reports page (the people behind a figure, an audit sample). */
export function CloseButton({ onPress, label }: { onPress: () => void; label: string }) {
  return (
    <AriaButton className="button button--secondary" onPress={onPress}>
      {label}
    </AriaButton>
  );
}
