/** Query keys of the organisation tree. */
export const orgUnitKeys = {
  all: ['org-units'] as const,
  sectionHeads: (unitId: number) => ['org-units', unitId, 'section-heads'] as const,
};
