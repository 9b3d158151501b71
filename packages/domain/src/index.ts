export * from './errors.ts';
export * from './fiscal-year.ts';
export * from './working-days.ts';
export * from './access.ts';
export * from './staff.ts';
export * from './booking/index.ts';
export * from './roster/index.ts';
export * from './e-learning/index.ts';
