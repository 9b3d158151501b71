import { isApiError } from '../../../lib/api-client.ts';
import { INTL_LOCALES, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { ja } from '../../../locales/ja.ts';

/** Formats whole numbers for table cells in the UI language (80,000 / 80,000). */
export function useCount(): (n: number) => string {
  const lang = useLanguage();
  const format = new Intl.NumberFormat(INTL_LOCALES[lang]);
  return (n) => format.format(n);
}

type ProblemCode = Exclude<keyof typeof ja.staffImport.problems, 'other'>;

// The API may learn new problem codes before the page has words for them; those still get a
// general reason, and the API's own message is shown beside it.
function isProblemCode(code: string): code is ProblemCode {
  return code !== 'other' && Object.hasOwn(ja.staffImport.problems, code);
}

/** The reason for a problem with the file, in the UI language. */
export function useProblemReason(): (code: string) => string {
  const { t } = useTranslation();
  return (code) =>
    isProblemCode(code) ? t(`staffImport.problems.${code}`) : t('staffImport.problems.other');
}

type GeneralCode = keyof typeof ja.errors.codes;

function isGeneralCode(code: string): code is GeneralCode {
  return Object.hasOwn(ja.errors.codes, code);
}

/**
 * Why an upload failed, in one sentence in the UI language: the staff import's own cases (a file that
 * differs from the one checked, problems found on applying, too large) have their own words.
 */
export function useUploadFailure(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!isApiError(error)) return t('errors.network');
    if (error.code === 'CONFLICT' && typeof error.details?.previewed === 'string') {
      return t('staffImport.failure.changedFile');
    }
    if (error.code === 'VALIDATION' && typeof error.details?.errorCount === 'number') {
      return t('staffImport.failure.problems');
    }
    if (error.code === 'PAYLOAD_TOO_LARGE') return t('staffImport.failure.tooLarge');
    return isGeneralCode(error.code) ? t(`errors.codes.${error.code}`) : t('errors.unknown');
  };
}
