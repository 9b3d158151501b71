// What other features may use of the my-training feature.
export { myTrainingKeys } from './api/keys.ts';
