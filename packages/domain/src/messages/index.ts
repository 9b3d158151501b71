export * from './facts.ts';
export * from './format.ts';
export * from './catalogue.ts';
export * from './render.ts';
export * from './examples.ts';
export * from './reminder-skip.ts';
export * from './mail-status.ts';
