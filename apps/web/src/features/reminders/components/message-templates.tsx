import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { Button } from '../../../components/button.tsx';
import { TextField } from '../../../components/form-fields.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import {
  useMessageTemplates,
  useResetMessageTemplate,
  useSaveMessageTemplate,
  type MessageTemplate,
} from '../api/reminders.ts';
import { SaveOutcome } from './save-outcome.tsx';
import './reminders.css';

const LOCALES = ['ja', 'en'] as const;

/** Every kind of message, with its words in both languages for admins to change. */
export function MessageTemplates() {
  const templates = useMessageTemplates();
  return (
    <QueryState query={templates}>
      {(items) => (
        <div className="message-templates">
          {items.map((item) => (
            <MessageTemplateEditor key={item.kind} item={item} />
          ))}
        </div>
      )}
    </QueryState>
  );
}

function MessageTemplateEditor({ item }: { item: MessageTemplate }) {
  const { t } = useTranslation();
  const custom = item.ja.custom || item.en.custom;
  return (
    <details className="message-template">
      <summary>
        <span className="message-template__kind">
          {t(`reminders.kinds.${item.kind}`, { defaultValue: item.kind })}
        </span>{' '}
        <code>{item.kind}</code>
        {custom && <span className="badge"> {t('reminders.templates.custom')}</span>}
        {item.mandatory && <span className="muted"> · {t('reminders.templates.mandatory')}</span>}
      </summary>
      <p className="field__description">
        {t('reminders.templates.description', {
          placeholders: item.placeholders.map((p) => `{{${p}}}`).join(' '),
        })}
      </p>
      <div className="message-template__locales">
        {LOCALES.map((locale) => (
          <LocaleEditor
            key={`${locale}:${item[locale].subject}:${item[locale].body}`}
            kind={item.kind}
            locale={locale}
            words={item[locale]}
          />
        ))}
      </div>
    </details>
  );
}

function LocaleEditor({
  kind,
  locale,
  words,
}: {
  kind: string;
  locale: 'ja' | 'en';
  words: MessageTemplate['ja'];
}) {
  const { t } = useTranslation();
  const save = useSaveMessageTemplate();
  const reset = useResetMessageTemplate();
  const [subject, setSubject] = useState(words.subject);
  const [body, setBody] = useState(words.body);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ kind, locale, subject, body });
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate lang={locale}>
      <h3>
        {t(`reminders.templates.language.${locale}`)}
        {!words.custom && <span className="muted"> ({t('reminders.templates.catalogue')})</span>}
      </h3>
      <SaveOutcome save={save} savedText={t('reminders.templates.saved')} />
      <TextField label={t('reminders.templates.subject')} value={subject} onChange={setSubject} />
      <TextField label={t('reminders.templates.body')} value={body} onChange={setBody} multiline />
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={save.isPending}>
          {t('reminders.templates.save')}
        </Button>
        {words.custom && (
          <Button onPress={() => reset.mutate({ kind, locale })} isDisabled={reset.isPending}>
            {t('reminders.templates.reset')}
          </Button>
        )}
      </div>
    </form>
  );
}
