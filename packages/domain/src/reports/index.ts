export * from './coverage.ts';
export * from './weeks.ts';
export * from './sample.ts';
export * from './tables.ts';
