import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from '../../../lib/i18n.ts';
import type { UploadProgress as Progress } from '../api/upload-staff-import.ts';

/**
 * The upload's progress as a react-aria ProgressBar (role progressbar with the value announced),
 * then, once every byte is sent, an indeterminate bar while the server works on the file.
 */
export function UploadProgress({
  progress,
  workingLabel,
}: {
  progress: Progress | null;
  /** What the server is doing once the file is sent ("Checking the file…"). */
  workingLabel: string;
}) {
  const { t } = useTranslation();
  if (progress?.sent) {
    return (
      <ProgressBar
        className="meter staff-import-progress"
        isIndeterminate
        aria-label={workingLabel}
      >
        <span className="meter__label" aria-hidden="true">
          {workingLabel}
        </span>
        <div className="meter__track">
          <div className="meter__fill staff-import-progress__fill staff-import-progress__fill--indeterminate" />
        </div>
      </ProgressBar>
    );
  }
  const loaded = progress?.loaded ?? 0;
  const total = Math.max(progress?.total ?? 0, 1);
  const valueText = t('staffImport.progress.uploadValue', { loaded, total });
  return (
    <ProgressBar
      className="meter staff-import-progress"
      value={loaded}
      maxValue={total}
      valueLabel={valueText}
    >
      {({ percentage }) => (
        <>
          <div className="meter__header">
            <Label className="meter__label">{t('staffImport.progress.upload')}</Label>
            <span className="meter__value staff-import-progress__value">{valueText}</span>
          </div>
          <div className="meter__track">
            <div
              className="meter__fill staff-import-progress__fill"
              style={{ width: `${percentage ?? 0}%` }}
            />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
