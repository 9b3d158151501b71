import type { ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useViewer } from '../use-viewer.ts';

/** Admin pages: others see a plain refusal (the API refuses them anyway). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  if (!viewer.roles.has('admin')) return <EmptyState message={t('sessions.admin.adminsOnly')} />;
  return children;
}
