/** Query keys of the organisation tree. */
export const orgUnitKeys = {
  all: ['org-units'] as const,
};
