import {
  Button as AriaButton,
  SearchField as AriaSearchField,
  type SearchFieldProps as AriaSearchFieldProps,
  Input,
  Label,
  Text,
} from 'react-aria-components';

export interface SearchFieldProps extends Omit<AriaSearchFieldProps, 'className'> {
  label: string;
  description?: string;
}

/** A labelled search box; Escape or the clear button empties it (react-aria names the button). */
export function SearchField({ label, description, ...props }: SearchFieldProps) {
  return (
    <AriaSearchField {...props} className="field search-field">
      <Label className="field__label">{label}</Label>
      <div className="search-field__control">
        <span className="search-field__icon" aria-hidden="true" />
        <Input className="field__input search-field__input" />
        <AriaButton className="search-field__clear">
          <span className="search-field__clear-icon" aria-hidden="true" />
        </AriaButton>
      </div>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
    </AriaSearchField>
  );
}
