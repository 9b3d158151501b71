import { useTranslation } from '../../../lib/i18n.ts';
import { eLearningErrorMessage } from './error-message.ts';

/** A failed e-learning call, announced where it happened, in the user's words. */
export function ELearningErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="form-error">
      {eLearningErrorMessage(error, t)}
    </p>
  );
}
