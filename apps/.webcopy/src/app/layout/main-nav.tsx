import { useTranslation } from 'react-i18next';
import { Link } from '../../components/link.tsx';
import { NAV_ENTRIES } from '../navigation.ts';
import { useViewer } from '../use-viewer.ts';

/** The main menu: the entries the viewer's roles allow, the current page marked. */
export function MainNav() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const entries = NAV_ENTRIES.filter((entry) => entry.roles.some((r) => viewer.roles.has(r)));
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {entries.map((entry) => (
          <li key={entry.to}>
            <Link
              to={entry.to}
              className="main-nav__link"
              // The home entry would otherwise count as active on every page.
              activeOptions={{ exact: entry.to === '/', includeSearch: false }}
            >
              {t(`nav.${entry.label}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
