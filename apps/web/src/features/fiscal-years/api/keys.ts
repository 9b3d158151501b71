/** Query keys of fiscal years. */
export const fiscalYearKeys = {
  all: ['fiscal-years'] as const,
  current: ['fiscal-years', 'current'] as const,
};
