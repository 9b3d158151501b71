export * from './columns.ts';
export * from './records.ts';
export * from './file-checks.ts';
export * from './diff.ts';
export * from './person.ts';
