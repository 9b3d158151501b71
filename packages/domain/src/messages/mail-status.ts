/**
 * Where an e-mail stands in the outbox; `no_address` and `opted_out` ones are never sent. The API
 * describes its answers with this list and the outbox page filters by it, in this order.
 */
export const MAIL_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'no_address',
  'opted_out',
] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
