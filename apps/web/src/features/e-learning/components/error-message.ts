import type { TFunction } from 'i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { eLearningJa } from '../../../locales/e-learning.ja.ts';
import { errorsJa } from '../../../locales/errors.ja.ts';

type ELearningErrorCode = keyof typeof eLearningJa.errors;
type GeneralErrorCode = keyof typeof errorsJa.codes;

function isELearningCode(code: string): code is ELearningErrorCode {
  return Object.hasOwn(eLearningJa.errors, code);
}

function isGeneralErrorCode(code: string): code is GeneralErrorCode {
  return Object.hasOwn(errorsJa.codes, code);
}

/** A failed e-learning call in the user's words (the API's own messages are English only). */
export function eLearningErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  // A refused SCORM package names its problem; say which one.
  const problem = error.details?.problem;
  if (typeof problem === 'string' && Object.hasOwn(eLearningJa.scormProblems, problem)) {
    return t(`eLearning.scormProblems.${problem as keyof typeof eLearningJa.scormProblems}`);
  }
  if (isELearningCode(error.code)) return t(`eLearning.errors.${error.code}`);
  if (isGeneralErrorCode(error.code)) return t(`errors.codes.${error.code}`);
  return t('errors.unknown');
}
