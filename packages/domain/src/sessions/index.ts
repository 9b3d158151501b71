export * from './lifecycle.ts';
export * from './schedule-warnings.ts';
