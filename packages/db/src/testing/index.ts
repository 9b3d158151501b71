export * from './template.ts';
export * from './factories.ts';
