export { deliverMail, retryDelayMs, type DeliveryResult } from './deliver.ts';
export { sendMessages, type Outgoing, type SendSummary } from './send.ts';
