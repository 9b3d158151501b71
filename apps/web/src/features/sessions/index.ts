// What other features may use of the sessions feature.
export { useErrorMessage } from './utils/error-message.ts';
