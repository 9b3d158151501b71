import { loadConfig, type Config } from '@kenshu/api/config';
import type { ServiceContext } from '@kenshu/api/context';
import type { Role } from '@kenshu/domain';

/**
 * What a benchmark hands a service: person `staffId` acting with `roles`, now (or `at`), under
 * the default configuration unless one is given.
 */
export function actingAs(
  db: ServiceContext['db'],
  staffId: number,
  options: { roles?: Role[]; unitPath?: string; config?: Config; at?: Date } = {},
): ServiceContext {
  return {
    db,
    now: options.at ?? new Date(),
    requestId: 'bench',
    config: options.config ?? loadConfig({}),
    viewer: {
      staffId,
      roles: new Set(options.roles ?? []),
      unitPath: options.unitPath ?? '',
      oversightPaths: [],
    },
  };
}
