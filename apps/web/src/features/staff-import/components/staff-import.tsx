import { tokyoDateOf } from '@kenshu/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextField,
} from 'react-aria-components';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { CheckboxField } from '../../../components/form-fields.tsx';
import { Select } from '../../../components/select.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import {
  useApplyStaffImport,
  usePreviewStaffImport,
  type StaffImportEncodingChoice,
  type StaffImportMode,
  type StaffImportOptions,
  type StaffImportPreview,
  type StaffImportResult,
} from '../api/upload-staff-import.ts';
import { useUploadFailure } from '../utils/format.ts';
import { CountsTable } from './counts-table.tsx';
import { ChangesTable, ErrorsTable } from './preview-tables.tsx';
import { UploadProgress } from './upload-progress.tsx';
import './staff-import.css';

const MODES = ['partial', 'full'] as const satisfies readonly StaffImportMode[];
const ENCODINGS = [
  'auto',
  'utf-8',
  'cp932',
] as const satisfies readonly StaffImportEncodingChoice[];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isMode(value: string): value is StaffImportMode {
  return MODES.some((m) => m === value);
}

/**
 * The staff import: choose a file and how to read it, upload it to be checked (with a
 * progress bar), read the counts, errors and changes, then apply the very same file. Changing
 * the file or any option discards the check, so what is applied is always what was shown.
 */
export function StaffImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<StaffImportMode>('partial');
  const [encoding, setEncoding] = useState<StaffImportEncodingChoice>('auto');
  const [effectiveDate, setEffectiveDate] = useState(() => tokyoDateOf(new Date()));
  const [submitted, setSubmitted] = useState(false);
  const check = usePreviewStaffImport();
  const apply = useApplyStaffImport();
  const failure = useUploadFailure();

  const fileError = submitted && !file ? t('staffImport.form.fileRequired') : undefined;
  const dateError =
    submitted && !ISO_DATE.test(effectiveDate) ? t('staffImport.form.invalidDate') : undefined;

  // Any change of input makes an earlier check (and result) stale.
  const changed = () => {
    check.reset();
    apply.reset();
  };
  const options: StaffImportOptions = { mode, encoding, effectiveDate };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!file || !ISO_DATE.test(effectiveDate)) return;
    apply.reset();
    check.mutate({ file, options });
  };

  const startOver = () => {
    setFile(null);
    setSubmitted(false);
    changed();
  };

  const preview = check.data;
  const busy = check.isPending || apply.isPending;

  return (
    <div className="staff-import">
      <Card title={t('staffImport.form.heading')}>
        <form className="admin-form" onSubmit={submit} noValidate>
          <div className="field staff-import__field" data-invalid={fileError ? '' : undefined}>
            <label className="field__label" htmlFor={fileInputId}>
              {t('staffImport.form.file')}
            </label>
            <input
              // Re-mounted on "start over", which is the only way to clear a file input.
              key={file === null ? 'empty' : 'chosen'}
              id={fileInputId}
              className="staff-import__file"
              type="file"
              accept=".csv,text/csv"
              disabled={busy}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${fileInputId}-error` : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                changed();
              }}
            />
            {file ? (
              <span className="field__description">
                {t('staffImport.form.fileSize', { size: file.size })}
              </span>
            ) : null}
            {fileError ? (
              <span id={`${fileInputId}-error`} className="field__error">
                {fileError}
              </span>
            ) : null}
          </div>

          <RadioGroup
            className="staff-import__choices"
            value={mode}
            isDisabled={busy}
            onChange={(value) => {
              if (!isMode(value)) return;
              setMode(value);
              changed();
            }}
          >
            <Label className="field__label">{t('staffImport.form.mode')}</Label>
            {MODES.map((m) => (
              <Radio key={m} value={m} className="radio staff-import__radio">
                <span className="radio__dot staff-import__radio-dot" aria-hidden="true" />
                <span className="staff-import__radio-text">
                  <span className="staff-import__radio-label">
                    {t(`staffImport.form.modes.${m}`)}
                  </span>
                  <span className="field__description">
                    {t(`staffImport.form.modeDescriptions.${m}`)}
                  </span>
                </span>
              </Radio>
            ))}
          </RadioGroup>

          <div className="staff-import__row">
            <Select
              label={t('staffImport.form.encoding')}
              options={ENCODINGS.map((id) => ({
                id,
                label: t(`staffImport.form.encodings.${id}`),
              }))}
              value={encoding}
              onChange={(value) => {
                setEncoding(value);
                changed();
              }}
            />
            <TextField
              className="field"
              value={effectiveDate}
              isDisabled={busy}
              isInvalid={dateError !== undefined}
              isRequired
              onChange={(value) => {
                setEffectiveDate(value);
                changed();
              }}
            >
              <Label className="field__label">{t('staffImport.form.effectiveDate')}</Label>
              <Input className="field__input" type="date" />
              <Text slot="description" className="field__description">
                {t('staffImport.form.effectiveDateDescription')}
              </Text>
              <FieldError className="field__error">{dateError}</FieldError>
            </TextField>
          </div>

          <div className="form-actions staff-import__actions">
            <Button type="submit" variant="primary" isDisabled={busy}>
              {t('staffImport.form.preview')}
            </Button>
          </div>
          {check.isPending ? (
            <UploadProgress
              progress={check.progress}
              workingLabel={t('staffImport.progress.checking')}
            />
          ) : null}
          {check.isError ? (
            <p className="alert alert--error" role="alert">
              {t('staffImport.failure.preview')} {failure(check.error)}
            </p>
          ) : null}
        </form>
      </Card>

      {preview && file && !apply.isSuccess ? (
        <PreviewPanel
          preview={preview}
          applying={apply.isPending}
          progress={
            apply.isPending ? (
              <UploadProgress
                progress={apply.progress}
                workingLabel={t('staffImport.progress.applying')}
              />
            ) : null
          }
          failure={apply.isError ? failure(apply.error) : undefined}
          onApply={(invite) =>
            apply.mutate(
              { file, options, checksum: preview.checksum, invite },
              {
                // Units, people and the signed-in person's own roles may all have changed.
                onSuccess: () => void queryClient.invalidateQueries(),
              },
            )
          }
          onStartOver={startOver}
        />
      ) : null}

      {apply.data ? <ResultPanel result={apply.data} onStartOver={startOver} /> : null}
    </div>
  );
}

function PreviewPanel({
  preview,
  applying,
  progress,
  failure,
  onApply,
  onStartOver,
}: {
  preview: StaffImportPreview;
  applying: boolean;
  progress: ReactNode;
  failure: string | undefined;
  onApply: (invite: boolean) => void;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const [invite, setInvite] = useState(false);
  const hasErrors = preview.errorCount > 0;
  const deactivated = preview.counts.staff.deactivated;
  return (
    <Card title={t('staffImport.preview.heading')} className="staff-import__preview">
      <Summary
        fileName={preview.fileName}
        encoding={preview.encoding}
        mode={preview.mode}
        effectiveDate={preview.effectiveDate}
        records={preview.records}
      />
      <CountsTable counts={preview.counts} />

      <h3 className="staff-import__subheading">
        {t('staffImport.preview.errors.heading', { count: preview.errorCount })}
      </h3>
      {hasErrors ? (
        <>
          <p className="alert alert--error" role="alert">
            {t('staffImport.preview.errors.blocked')}
          </p>
          <ErrorsTable preview={preview} />
        </>
      ) : (
        <p>{t('staffImport.preview.errors.none')}</p>
      )}

      <h3 className="staff-import__subheading">
        {t('staffImport.preview.changes.heading', { count: preview.changeCount })}
      </h3>
      {preview.changeCount > 0 ? (
        <ChangesTable preview={preview} />
      ) : (
        <p>{t('staffImport.preview.changes.none')}</p>
      )}

      {preview.mode === 'full' && deactivated > 0 && !hasErrors ? (
        <p className="alert alert--warning staff-import__warning">
          {t('staffImport.preview.fullWarning', { count: deactivated })}
        </p>
      ) : null}
      {preview.counts.staff.new > 0 && !hasErrors ? (
        <CheckboxField isSelected={invite} onChange={setInvite} isDisabled={applying}>
          {t('staffImport.preview.invite')}
        </CheckboxField>
      ) : null}
      <div className="form-actions staff-import__actions">
        <Button onPress={onStartOver} isDisabled={applying}>
          {t('staffImport.preview.startOver')}
        </Button>
        <Button
          variant="primary"
          onPress={() => onApply(invite)}
          // Not isPending: react-aria leaves its pending announcer behind when the panel goes,
          // an unlabelled role=img; the progress bar below already says what is happening.
          isDisabled={hasErrors || applying}
        >
          {t('staffImport.preview.apply')}
        </Button>
      </div>
      {progress}
      {failure ? (
        <p className="alert alert--error" role="alert">
          {t('staffImport.failure.apply')} {failure}
        </p>
      ) : null}
    </Card>
  );
}

function Summary({
  fileName,
  encoding,
  mode,
  effectiveDate,
  records,
}: Pick<StaffImportPreview, 'fileName' | 'encoding' | 'mode' | 'effectiveDate' | 'records'>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <dl className="staff-import__summary">
      <div>
        <dt>{t('staffImport.preview.file')}</dt>
        <dd>{fileName ?? t('staffImport.preview.unnamed')}</dd>
      </div>
      <div>
        <dt>{t('staffImport.preview.encoding')}</dt>
        <dd>
          {encoding
            ? t(`staffImport.form.encodings.${encoding}`)
            : t('staffImport.preview.encodingUnknown')}
        </dd>
      </div>
      <div>
        <dt>{t('staffImport.preview.mode')}</dt>
        <dd>{t(`staffImport.form.modes.${mode}`)}</dd>
      </div>
      <div>
        <dt>{t('staffImport.preview.effectiveDate')}</dt>
        <dd>{formatDate(effectiveDate, lang)}</dd>
      </div>
      <div>
        <dt>{t('staffImport.preview.records')}</dt>
        <dd>{t('staffImport.preview.recordsValue', records)}</dd>
      </div>
    </dl>
  );
}

function ResultPanel({
  result,
  onStartOver,
}: {
  result: StaffImportResult;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('staffImport.result.heading')} className="staff-import__result">
      <p className="alert alert--success" role="status">
        {t('staffImport.result.summary', { importId: result.importId })}
      </p>
      <Summary
        fileName={result.fileName}
        encoding={result.encoding}
        mode={result.mode}
        effectiveDate={result.effectiveDate}
        records={result.records}
      />
      <h3 className="staff-import__subheading">{t('staffImport.result.changed')}</h3>
      <CountsTable counts={result.counts} />
      {result.invitations ? (
        <p>
          {t('staffImport.result.invited', { count: result.invitations.invited })}
          {result.invitations.noEmail > 0
            ? ` ${t('staffImport.result.notInvited', { count: result.invitations.noEmail })}`
            : null}
        </p>
      ) : null}
      {result.signInsEnded > 0 ? (
        <p>{t('staffImport.result.signInsEnded', { count: result.signInsEnded })}</p>
      ) : null}
      <div className="form-actions staff-import__actions">
        <Button onPress={onStartOver}>{t('staffImport.result.importAnother')}</Button>
      </div>
    </Card>
  );
}
