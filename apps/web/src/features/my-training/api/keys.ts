/** Query keys of my own record. Anything that changes it invalidates `myTrainingKeys.all`. */
export const myTrainingKeys = {
  all: ['my-training'] as const,
};
