// What other features may use of the mail feature.
export { MailStatusBadge, MessageHistory } from './components/message-history.tsx';
export { mailKeys } from './api/keys.ts';
