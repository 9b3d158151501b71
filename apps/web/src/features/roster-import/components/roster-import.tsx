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
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { CheckboxField } from '../../../components/form-fields.tsx';
import { Select } from '../../../components/select.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import {
  useApplyRoster,
  usePreviewRoster,
  type RosterEncodingChoice,
  type RosterImportMode,
  type RosterImportOptions,
  type RosterPreview,
  type RosterResult,
} from '../api/upload-roster.ts';
import { useUploadFailure } from '../utils/format.ts';
import { CountsTable } from './counts-table.tsx';
import { ChangesTable, ErrorsTable } from './preview-tables.tsx';
import { UploadProgress } from './upload-progress.tsx';
import './roster-import.css';

const MODES = ['partial', 'full'] as const satisfies readonly RosterImportMode[];
const ENCODINGS = ['auto', 'utf-8', 'cp932'] as const satisfies readonly RosterEncodingChoice[];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isMode(value: string): value is RosterImportMode {
  return MODES.some((m) => m === value);
}

/**
 * The HR roster import: choose a file and how to read it, upload it to be checked (with a
 * progress bar), read the counts, errors and changes, then apply the very same file. Changing
 * the file or any option discards the check, so what is applied is always what was shown.
 */
export function RosterImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<RosterImportMode>('partial');
  const [encoding, setEncoding] = useState<RosterEncodingChoice>('auto');
  const [effectiveDate, setEffectiveDate] = useState(() => tokyoDateOf(new Date()));
  const [submitted, setSubmitted] = useState(false);
  const check = usePreviewRoster();
  const apply = useApplyRoster();
  const failure = useUploadFailure();

  const fileError = submitted && !file ? t('rosterImport.form.fileRequired') : undefined;
  const dateError =
    submitted && !ISO_DATE.test(effectiveDate) ? t('rosterImport.form.invalidDate') : undefined;

  // Any change of input makes an earlier check (and result) stale.
  const changed = () => {
    check.reset();
    apply.reset();
  };
  const options: RosterImportOptions = { mode, encoding, effectiveDate };

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
    <div className="roster-import">
      <Card title={t('rosterImport.form.heading')}>
        <form className="admin-form" onSubmit={submit} noValidate>
          <div className="field roster-import__field" data-invalid={fileError ? '' : undefined}>
            <label className="field__label" htmlFor={fileInputId}>
              {t('rosterImport.form.file')}
            </label>
            <input
              // Re-mounted on "start over", which is the only way to clear a file input.
              key={file === null ? 'empty' : 'chosen'}
              id={fileInputId}
              className="roster-import__file"
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
                {t('rosterImport.form.fileSize', { size: file.size })}
              </span>
            ) : null}
            {fileError ? (
              <span id={`${fileInputId}-error`} className="field__error">
                {fileError}
              </span>
            ) : null}
          </div>

          <RadioGroup
            className="roster-import__choices"
            value={mode}
            isDisabled={busy}
            onChange={(value) => {
              if (!isMode(value)) return;
              setMode(value);
              changed();
            }}
          >
            <Label className="field__label">{t('rosterImport.form.mode')}</Label>
            {MODES.map((m) => (
              <Radio key={m} value={m} className="radio roster-import__radio">
                <span className="radio__dot roster-import__radio-dot" aria-hidden="true" />
                <span className="roster-import__radio-text">
                  <span className="roster-import__radio-label">
                    {t(`rosterImport.form.modes.${m}`)}
                  </span>
                  <span className="field__description">
                    {t(`rosterImport.form.modeDescriptions.${m}`)}
                  </span>
                </span>
              </Radio>
            ))}
          </RadioGroup>

          <div className="roster-import__row">
            <Select
              label={t('rosterImport.form.encoding')}
              options={ENCODINGS.map((id) => ({
                id,
                label: t(`rosterImport.form.encodings.${id}`),
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
              <Label className="field__label">{t('rosterImport.form.effectiveDate')}</Label>
              <Input className="field__input" type="date" />
              <Text slot="description" className="field__description">
                {t('rosterImport.form.effectiveDateDescription')}
              </Text>
              <FieldError className="field__error">{dateError}</FieldError>
            </TextField>
          </div>

          <div className="form-actions roster-import__actions">
            <Button type="submit" variant="primary" isDisabled={busy}>
              {t('rosterImport.form.preview')}
            </Button>
          </div>
          {check.isPending ? (
            <UploadProgress
              progress={check.progress}
              workingLabel={t('rosterImport.progress.checking')}
            />
          ) : null}
          {check.isError ? (
            <p className="alert alert--error" role="alert">
              {t('rosterImport.failure.preview')} {failure(check.error)}
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
                workingLabel={t('rosterImport.progress.applying')}
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
  preview: RosterPreview;
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
    <Card title={t('rosterImport.preview.heading')} className="roster-import__preview">
      <Summary
        fileName={preview.fileName}
        encoding={preview.encoding}
        mode={preview.mode}
        effectiveDate={preview.effectiveDate}
        records={preview.records}
      />
      <CountsTable counts={preview.counts} />

      <h3 className="roster-import__subheading">
        {t('rosterImport.preview.errors.heading', { count: preview.errorCount })}
      </h3>
      {hasErrors ? (
        <>
          <p className="alert alert--error" role="alert">
            {t('rosterImport.preview.errors.blocked')}
          </p>
          <ErrorsTable preview={preview} />
        </>
      ) : (
        <p>{t('rosterImport.preview.errors.none')}</p>
      )}

      <h3 className="roster-import__subheading">
        {t('rosterImport.preview.changes.heading', { count: preview.changeCount })}
      </h3>
      {preview.changeCount > 0 ? (
        <ChangesTable preview={preview} />
      ) : (
        <p>{t('rosterImport.preview.changes.none')}</p>
      )}

      {preview.mode === 'full' && deactivated > 0 && !hasErrors ? (
        <p className="alert alert--warning roster-import__warning">
          {t('rosterImport.preview.fullWarning', { count: deactivated })}
        </p>
      ) : null}
      {preview.counts.staff.new > 0 && !hasErrors ? (
        <CheckboxField isSelected={invite} onChange={setInvite} isDisabled={applying}>
          {t('rosterImport.preview.invite')}
        </CheckboxField>
      ) : null}
      <div className="form-actions roster-import__actions">
        <Button onPress={onStartOver} isDisabled={applying}>
          {t('rosterImport.preview.startOver')}
        </Button>
        <Button
          variant="primary"
          onPress={() => onApply(invite)}
          // Not isPending: react-aria leaves its pending announcer behind when the panel goes,
          // an unlabelled role=img; the progress bar below already says what is happening.
          isDisabled={hasErrors || applying}
        >
          {t('rosterImport.preview.apply')}
        </Button>
      </div>
      {progress}
      {failure ? (
        <p className="alert alert--error" role="alert">
          {t('rosterImport.failure.apply')} {failure}
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
}: Pick<RosterPreview, 'fileName' | 'encoding' | 'mode' | 'effectiveDate' | 'records'>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <dl className="roster-import__summary">
      <div>
        <dt>{t('rosterImport.preview.file')}</dt>
        <dd>{fileName ?? t('rosterImport.preview.unnamed')}</dd>
      </div>
      <div>
        <dt>{t('rosterImport.preview.encoding')}</dt>
        <dd>
          {encoding
            ? t(`rosterImport.form.encodings.${encoding}`)
            : t('rosterImport.preview.encodingUnknown')}
        </dd>
      </div>
      <div>
        <dt>{t('rosterImport.preview.mode')}</dt>
        <dd>{t(`rosterImport.form.modes.${mode}`)}</dd>
      </div>
      <div>
        <dt>{t('rosterImport.preview.effectiveDate')}</dt>
        <dd>{formatDate(effectiveDate, lang)}</dd>
      </div>
      <div>
        <dt>{t('rosterImport.preview.records')}</dt>
        <dd>{t('rosterImport.preview.recordsValue', records)}</dd>
      </div>
    </dl>
  );
}

function ResultPanel({ result, onStartOver }: { result: RosterResult; onStartOver: () => void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('rosterImport.result.heading')} className="roster-import__result">
      <p className="alert alert--success" role="status">
        {t('rosterImport.result.summary', { importId: result.importId })}
      </p>
      <Summary
        fileName={result.fileName}
        encoding={result.encoding}
        mode={result.mode}
        effectiveDate={result.effectiveDate}
        records={result.records}
      />
      <h3 className="roster-import__subheading">{t('rosterImport.result.changed')}</h3>
      <CountsTable counts={result.counts} />
      {result.invitations ? (
        <p>
          {t('rosterImport.result.invited', { count: result.invitations.invited })}
          {result.invitations.noEmail > 0
            ? ` ${t('rosterImport.result.notInvited', { count: result.invitations.noEmail })}`
            : null}
        </p>
      ) : null}
      {result.signInsEnded > 0 ? (
        <p>{t('rosterImport.result.signInsEnded', { count: result.signInsEnded })}</p>
      ) : null}
      <div className="form-actions roster-import__actions">
        <Button onPress={onStartOver}>{t('rosterImport.result.importAnother')}</Button>
      </div>
    </Card>
  );
}
