/** Query keys of staff records. Invalidating `staffKeys.all` refreshes every list and record. */
export const staffKeys = {
  all: ['staff'] as const,
  search: (search: unknown) => [...staffKeys.all, 'search', search] as const,
  picker: (q: string) => [...staffKeys.all, 'picker', q] as const,
  training: (staffId: number, fiscalYear: number | undefined) =>
    [...staffKeys.all, 'training', staffId, fiscalYear] as const,
};
