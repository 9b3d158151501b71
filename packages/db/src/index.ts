export * from './connection.ts';
export * from './migrate.ts';
export * from './schema.ts';
export * from './repositories/org-units.ts';
export * from './repositories/staff.ts';
export { seedDemo, DEMO_ACCOUNTS, DEMO_UNITS } from './seed/demo.ts';
export { FAMILY_NAMES, GIVEN_NAMES, seededRandom, pick } from './seed/names.ts';
