export * from './common.ts';
export * from './health.ts';
export * from './org-units.ts';
export * from './staff.ts';
export * from './fiscal-years.ts';
export * from './auth.ts';
export * from './accounts.ts';
export * from './audit-log.ts';
