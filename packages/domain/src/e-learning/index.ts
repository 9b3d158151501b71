export * from './scoring.ts';
export * from './answer-reveal.ts';
export * from './completion-rule.ts';
export * from './shuffle.ts';
export * from './due-date.ts';
export * from './scorm-outcome.ts';
