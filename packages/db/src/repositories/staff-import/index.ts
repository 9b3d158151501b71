// A staff import reads the database's current state for the analysis, stages the file's rows
// in temporary tables, applies the stage set-based, and records what it did.
export * from './current-state.ts';
export * from './stage.ts';
export * from './apply.ts';
export * from './history.ts';
