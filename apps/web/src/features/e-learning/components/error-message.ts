import { isApiError } from '../../../lib/api-client.ts';
import { i18n, type TFunction } from '../../../lib/i18n.ts';
import type { eLearningJa } from '../../../locales/e-learning.ja.ts';
import { errorsJa } from '../../../locales/errors.ja.ts';

type ELearningErrorCode = keyof typeof eLearningJa.errors;
type GeneralErrorCode = keyof typeof errorsJa.codes;

// Looked up in the loaded catalogue (the page's loader brought these words): importing the
// Japanese words to check would put them in this page's download in either language.
function isELearningCode(code: string): code is ELearningErrorCode {
  return i18n.exists(`eLearning.errors.${code}`);
}

function isGeneralErrorCode(code: string): code is GeneralErrorCode {
  return Object.hasOwn(errorsJa.codes, code);
}

/** A failed e-learning call in the user's words (the API's own messages are English only). */
export function eLearningErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  // A refused SCORM package names its problem; say which one.
  const problem = error.details?.problem;
  if (typeof problem === 'string' && i18n.exists(`eLearning.scormProblems.${problem}`)) {
    return t(`eLearning.scormProblems.${problem as keyof typeof eLearningJa.scormProblems}`);
  }
  if (isELearningCode(error.code)) return t(`eLearning.errors.${error.code}`);
  if (isGeneralErrorCode(error.code)) return t(`errors.codes.${error.code}`);
  return t('errors.unknown');
}
