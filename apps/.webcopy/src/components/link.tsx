import { createLink } from '@tanstack/react-router';
import { Link as AriaLink } from 'react-aria-components';

/**
 * A link to a route of the app: type-checked `to`/`search` from the router, and react-aria's
 * Link for focus and press handling. The router marks the current page with `aria-current`.
 */
export const Link = createLink(AriaLink);
