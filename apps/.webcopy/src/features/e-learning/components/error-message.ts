import type { TFunction } from 'i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { eLearningJa } from '../../../locales/e-learning.ja.ts';

type ELearningErrorCode = keyof typeof eLearningJa.errors;

function isELearningCode(code: string): code is ELearningErrorCode {
  return Object.hasOwn(eLearningJa.errors, code);
}

/** A failed e-learning call in the user's words; the API's own message otherwise. */
export function eLearningErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  if (isELearningCode(error.code)) return t(`eLearning.errors.${error.code}`);
  return error.message;
}
