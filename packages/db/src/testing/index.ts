export * from './template.ts';
export * from './factories.ts';
export * from './fingerprint.ts';
