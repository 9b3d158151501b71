export * from './schedule.ts';
export * from './plan.ts';
