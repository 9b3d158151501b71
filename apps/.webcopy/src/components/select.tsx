import {
  Select as AriaSelect,
  Button as AriaButton,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
} from 'react-aria-components';

export interface SelectOption<K extends Key> {
  id: K;
  label: string;
}

export interface SelectProps<K extends Key> {
  label: string;
  options: readonly SelectOption<K>[];
  value: K;
  onChange: (value: K) => void;
}

/** A labelled single-choice list; react-aria gives it listbox semantics and typeahead. */
export function Select<K extends Key>({ label, options, value, onChange }: SelectProps<K>) {
  return (
    <AriaSelect
      className="field select"
      value={value}
      onChange={(key) => {
        // Keys come back untyped; map them to our own options so the caller gets a K.
        const option = options.find((o) => o.id === key);
        if (option) onChange(option.id);
      }}
    >
      <Label className="field__label">{label}</Label>
      <AriaButton className="field__input select__button">
        <SelectValue className="select__value" />
        <span className="select__chevron" aria-hidden="true" />
      </AriaButton>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem className="listbox__item" id={option.id}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
