/**
 * How a message of the catalogue becomes the text shown: the lookup, plural forms and
 * placeholders, in the catalogue format the words are written in (i18next's JSON v4:
 * `path.to.key`, `key_one` / `key_other` / `key_zero`, `{{name}}` and `{{count, number}}`).
 * The language-specific parts are the browser's own: `Intl.PluralRules` picks the plural form,
 * `Intl.NumberFormat` writes numbers. (The app used i18next for this; its class, with back ends,
 * namespaces, nesting, contexts and formatters the app does not use, cost every page 15 KB
 * gzipped, more than the frame's own code.)
 */

/** A language's words: groups of groups of messages. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

/** The facts a message fills in; `count` also picks its plural form. */
export interface TranslateOptions {
  count?: number;
  /** The text to show when the catalogue has no such message. */
  defaultValue?: string;
  [name: string]: unknown;
}

const isGroup = (value: unknown): value is Catalogue => typeof value === 'object' && value !== null;

/**
 * The message at `path.to.key`, if the catalogue has one (own keys only, never `constructor`). A
 * key may hold dots itself, as the kinds of e-mail do (`reminders.kinds.booking.made`): where a
 * group has no key for one part, the part is tried joined with the parts after it.
 */
export function lookUp(catalogue: Catalogue, key: string): string | undefined {
  return find(catalogue, key.split('.'), 0);
}

function find(node: string | Catalogue, parts: string[], from: number): string | undefined {
  if (from === parts.length) return typeof node === 'string' ? node : undefined;
  if (!isGroup(node)) return undefined;
  let name = '';
  for (let to = from; to < parts.length; to++) {
    name = to === from ? parts[to]! : `${name}.${parts[to]}`;
    const found = Object.hasOwn(node, name) ? find(node[name]!, parts, to + 1) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Adds `words` to `catalogue`, group by group; a message given again replaces the old one. */
export function addTo(catalogue: Catalogue, words: object): void {
  for (const [key, value] of Object.entries(words) as [string, unknown][]) {
    // Assigning `__proto__` would set the catalogue's prototype instead of adding a message.
    if (key === '__proto__') continue;
    const current = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
    if (isGroup(value)) {
      if (isGroup(current)) addTo(current, value);
      else addTo((catalogue[key] = {}), value);
    } else if (typeof value === 'string') catalogue[key] = value;
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, locale: string, make: () => T): T {
  let value = map.get(locale);
  if (!value) map.set(locale, (value = make()));
  return value;
}

/**
 * The keys to try for `key`, best first: with a count, `_zero` for none (where a language has a
 * sentence of its own for it), then the language's plural form, then `_other`; then the key.
 */
function candidates(key: string, locale: string, count: number | undefined): string[] {
  if (count === undefined) return [key];
  const form = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count);
  return [...(count === 0 ? [`${key}_zero`] : []), `${key}_${form}`, `${key}_other`, key];
}

const PLACEHOLDER = /\{\{\s*([^\s,}]+)\s*(?:,\s*([^\s}]+)\s*)?\}\}/g;

/** Fills `{{name}}` and `{{name, number}}` in; a fact not given is left out, as i18next did. */
function fillIn(message: string, locale: string, options: TranslateOptions): string {
  return message.replace(PLACEHOLDER, (_, name: string, format: string | undefined) => {
    const value = Object.hasOwn(options, name) ? options[name] : undefined;
    if (value === undefined || value === null) return '';
    if (format === 'number' && typeof value === 'number')
      return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
    return String(value);
  });
}

/**
 * The text of `key` in the first of `languages` (each with its catalogue and `Intl` locale) that
 * has it; else `defaultValue`; else the key itself, which a test or a reader can spot.
 */
export function translate(
  languages: readonly { catalogue: Catalogue; locale: string }[],
  key: string,
  options: TranslateOptions = {},
): string {
  for (const { catalogue, locale } of languages) {
    for (const candidate of candidates(key, locale, options.count)) {
      const message = lookUp(catalogue, candidate);
      if (message !== undefined) return fillIn(message, locale, options);
    }
  }
  return options.defaultValue ?? key;
}
