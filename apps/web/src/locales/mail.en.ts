import type { mailJa } from './mail.ja.ts';

/** English words of e-mail status, history and the outbox, the same keys as Japanese. */
export const mailEn: typeof mailJa = {
  status: {
    queued: 'Queued',
    sending: 'Sending',
    sent: 'Sent',
    failed: 'Failed',
    no_address: 'No address',
    opted_out: 'Opted out',
  },
  history: {
    heading: 'E-mails sent',
    myHeading: 'E-mails sent to you',
    empty: 'Nothing has been sent yet.',
    label: 'E-mail history',
    when: 'When',
    subject: 'Subject',
    status: 'Delivery',
    error: 'Error: {{error}}',
    sentAt: 'sent {{when}}',
  },
  outbox: {
    title: 'E-mail outbox',
    intro:
      'Every e-mail Kenshu decides to send: queued, sent and failed, with the error; retry failed ones.',
    noSmtp:
      'No mail server is configured (KENSHU_SMTP_URL). E-mails are not sent; they stay queued here.',
    filterStatus: 'Delivery',
    allStatuses: 'All',
    search: 'Search recipients',
    searchDescription: 'Search by staff number, name or e-mail address.',
    label: 'E-mails',
    recipient: 'To',
    retry: 'Retry',
    retried: '{{count, number}} put back in the queue.',
    hidden: '(Holds a set-password link: the text is not shown)',
    counts: '{{label}}: {{count, number}}',
    attempts: '{{count, number}} attempts',
  },
};
