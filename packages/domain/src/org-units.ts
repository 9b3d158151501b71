/**
 * The kinds of organisation unit: the ministry, its head-office bureaus (局), external agencies
 * (外局, such as 国税庁) with bureaus of their own, regional branches (財務局, 税関, 国税局), and
 * the divisions (課) and sections (室・係) inside them. The database's check constraint on
 * `org_unit.kind` says the same.
 */
export const ORG_UNIT_KINDS = [
  'ministry',
  'bureau',
  'agency',
  'regional_office',
  'division',
  'section',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/**
 * Kinds that have a unit security officer of their own (情報セキュリティ責任者, one per bureau or
 * branch): the officer oversees the nearest unit of one of these kinds above their own.
 */
export const BUREAU_LEVEL_KINDS = [
  'bureau',
  'agency',
  'regional_office',
] as const satisfies readonly OrgUnitKind[];

export function isBureauLevel(kind: string): boolean {
  return (BUREAU_LEVEL_KINDS as readonly string[]).includes(kind);
}
