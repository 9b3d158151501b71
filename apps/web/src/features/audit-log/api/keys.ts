/** Query keys of the audit log. */
export const auditLogKeys = {
  all: ['audit-log'] as const,
  search: (search: unknown) => [...auditLogKeys.all, search] as const,
};
