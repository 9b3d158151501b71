import { useTranslation } from '../../../lib/i18n.ts';
import { saveErrorText } from './error-text.ts';

/** What came of a form's last save: why it failed, or that it was saved. */
export function SaveOutcome({
  save,
  savedText,
}: {
  save: { isError: boolean; isSuccess: boolean; error: unknown };
  savedText: string;
}) {
  const { t } = useTranslation();
  if (save.isError) {
    return (
      <p className="alert alert--error" role="alert">
        {saveErrorText(save.error, t)}
      </p>
    );
  }
  if (save.isSuccess) {
    return (
      <p className="alert alert--success" role="status">
        {savedText}
      </p>
    );
  }
  return null;
}
