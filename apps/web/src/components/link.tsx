/**
 * A link to a route of the app: the router's own Link, a plain `<a>` with type-checked
 * `to`/`search`, which the router marks with `aria-current="page"` on the current page. Every
 * page's frame uses it, so it stays free of react-aria (loaded later, with the pages that need it).
 */
export { Link } from '@tanstack/react-router';
