import type { Key } from 'react';
import { Button } from './button.tsx';

export interface Chip<K extends Key> {
  id: K;
  label: string;
  /** The remove button's accessible name, e.g. "Remove 山田 太郎". */
  removeLabel: string;
}

/** Chosen values as chips, each with a × button that removes it. */
export function RemovableChips<K extends Key>({
  chips,
  onRemove,
  lang,
  ...labelling
}: {
  chips: readonly Chip<K>[];
  onRemove: (id: K) => void;
  /** The labels' language, when it is not the page's (names are Japanese). */
  lang?: string;
} & ({ 'aria-label': string } | { 'aria-labelledby': string })) {
  return (
    <ul className="chips" {...labelling}>
      {chips.map((chip) => (
        <li key={chip.id} className="chip">
          <span lang={lang}>{chip.label}</span>
          <Button
            className="chip__remove"
            aria-label={chip.removeLabel}
            onPress={() => onRemove(chip.id)}
          >
            ×
          </Button>
        </li>
      ))}
    </ul>
  );
}
