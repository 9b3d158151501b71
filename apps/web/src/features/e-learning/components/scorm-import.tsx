import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import {
  useImportScormPackage,
  usePreviewScormPackage,
  type ScormPackagePreview,
} from '../api/scorm.ts';
import { ELearningErrorAlert } from './error-alert.tsx';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the manifest declares, as the admin checks it before saving. */
function PackagePreview({ preview }: { preview: ScormPackagePreview }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('eLearning.scorm.title'), preview.title],
    [t('eLearning.scorm.version'), `SCORM ${preview.scormVersion}`],
    [t('eLearning.scorm.launch'), preview.launchPath],
    [t('eLearning.scorm.files'), String(preview.fileCount)],
    [t('eLearning.scorm.size'), megabytes(preview.unpackedBytes)],
    [
      t('eLearning.scorm.passing'),
      preview.passingScore === null ? t('eLearning.scorm.none') : String(preview.passingScore),
    ],
  ];
  return (
    <dl className="scorm-import__preview" aria-label={t('eLearning.scorm.preview')}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Upload a SCORM package: check it (nothing saved), then save it as a new module of a course
 * or as the next draft version of a module.
 */
export function ScormImport({
  target,
  onSaved,
}: {
  target: { courseId: number } | { moduleId: number };
  onSaved?: (module: { id: number; version: number }) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewScormPackage();
  const save = useImportScormPackage(target);
  const error = preview.error ?? save.error;
  return (
    <Card title={t('eLearning.scorm.importHeading')}>
      <p>{t('eLearning.scorm.importIntro')}</p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('eLearning.scorm.file')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".zip,application/zip"
          disabled={preview.isPending || save.isPending}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            preview.reset();
            save.reset();
          }}
        />
      </div>
      <div className="page-actions">
        <Button
          isDisabled={!file || preview.isPending}
          onPress={() => file && preview.mutate(file)}
        >
          {preview.isPending ? t('eLearning.scorm.checking') : t('eLearning.scorm.check')}
        </Button>
        {preview.data && file && !save.data ? (
          <Button
            variant="primary"
            isDisabled={save.isPending}
            onPress={() => save.mutate(file, { onSuccess: (m) => onSaved?.(m) })}
          >
            {save.isPending ? t('eLearning.scorm.saving') : t('eLearning.scorm.save')}
          </Button>
        ) : null}
      </div>
      {error ? <ELearningErrorAlert error={error} /> : null}
      {preview.data ? <PackagePreview preview={preview.data} /> : null}
      <div role="status" aria-live="polite">
        {save.data ? <p>{t('eLearning.scorm.saved', { version: save.data.version })}</p> : null}
      </div>
    </Card>
  );
}
