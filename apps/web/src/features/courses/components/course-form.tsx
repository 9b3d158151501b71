import { EMPLOYMENT_TYPES, ROLES } from '@kenshu/domain';
import { useState, type FormEvent } from 'react';
import { CheckboxGroup, Label, RadioGroup } from 'react-aria-components';
import { useTranslation } from '../../../lib/i18n.ts';
import { Button } from '../../../components/button.tsx';
import { RemovableChips } from '../../../components/chips.tsx';
import { CheckboxField, RadioField, TextField } from '../../../components/form-fields.tsx';
import { SearchField } from '../../../components/search-field.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorsJa } from '../../../locales/errors.ja.ts';
import { useCreateCourse, useUpdateCourse, type Course, type CourseInput } from '../api/courses.ts';
import './courses.css';

const AUDIENCE_KINDS = ['all_staff', 'section_heads', 'pjmo_members', 'rule'] as const;
const MODES = ['group_session', 'e_learning', 'either'] as const;
const MAX_UNIT_MATCHES = 8;

type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export interface UnitOption {
  id: number;
  label: string;
}

function isGeneralCode(code: string): code is keyof typeof errorsJa.codes {
  return Object.hasOwn(errorsJa.codes, code);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return values.some((v) => v === value);
}

/**
 * Creates or edits a course: code, titles and descriptions in both languages, who must take it,
 * how it may be completed, and whether it is active.
 */
export function CourseForm({
  course,
  units,
  onSaved,
}: {
  /** The course to edit; a new course when absent. */
  course?: Course | undefined;
  units: readonly UnitOption[];
  onSaved: (course: Course) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const save = course ? update : create;
  const rule = course?.audience.kind === 'rule' ? course.audience : undefined;
  const [code, setCode] = useState(course?.code ?? '');
  const [titleJa, setTitleJa] = useState(course?.titleJa ?? '');
  const [titleEn, setTitleEn] = useState(course?.titleEn ?? '');
  const [descriptionJa, setDescriptionJa] = useState(course?.descriptionJa ?? '');
  const [descriptionEn, setDescriptionEn] = useState(course?.descriptionEn ?? '');
  const [audienceKind, setAudienceKind] = useState<AudienceKind>(
    course?.audience.kind ?? 'all_staff',
  );
  const [roles, setRoles] = useState<string[]>(rule ? [...rule.roles] : []);
  const [employmentTypes, setEmploymentTypes] = useState<string[]>(
    rule ? [...rule.employmentTypes] : [],
  );
  const [unitIds, setUnitIds] = useState<number[]>(rule ? [...rule.unitIds] : []);
  const [unitQuery, setUnitQuery] = useState('');
  const [modes, setModes] = useState<(typeof MODES)[number]>(course?.completionModes ?? 'either');
  const [active, setActive] = useState(course?.active ?? true);
  const [excusedGetELearning, setExcusedGetELearning] = useState(
    course?.excusedGetELearning ?? true,
  );
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);

  const fieldErrors = new Map<string, string>();
  if (save.isError && isApiError(save.error)) {
    const details = save.error.details ?? {};
    if (save.error.code === 'CONFLICT' && details.field === 'code') {
      fieldErrors.set('code', t('courses.form.codeTaken'));
    }
    if (Array.isArray(details.fields)) {
      for (const f of details.fields) {
        if (typeof f === 'object' && f !== null && 'field' in f) {
          fieldErrors.set(String(f.field), t('courses.form.invalid'));
        }
      }
    }
  }
  const emptyError = (value: string) =>
    missing && value.trim() === '' ? t('courses.form.required') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!code.trim() || !titleJa.trim() || !titleEn.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const input: CourseInput = {
      code: code.trim(),
      titleJa: titleJa.trim(),
      titleEn: titleEn.trim(),
      descriptionJa,
      descriptionEn,
      audience:
        audienceKind === 'rule'
          ? {
              kind: 'rule',
              roles: roles.filter((r) => isOneOf(ROLES, r)),
              unitIds,
              employmentTypes: employmentTypes.filter((e) => isOneOf(EMPLOYMENT_TYPES, e)),
            }
          : { kind: audienceKind },
      completionModes: modes,
      active,
      excusedGetELearning,
    };
    const onSuccess = (result: Course) => {
      setSaved(true);
      onSaved(result);
    };
    if (course) update.mutate({ id: course.id, input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  };

  const unitLabel = (id: number) => units.find((u) => u.id === id)?.label ?? `#${id}`;
  const q = unitQuery.trim().toLowerCase();
  const unitMatches = q
    ? units
        .filter((u) => !unitIds.includes(u.id) && u.label.toLowerCase().includes(q))
        .slice(0, MAX_UNIT_MATCHES)
    : [];

  const generalError =
    save.isError && fieldErrors.size === 0
      ? isApiError(save.error)
        ? isGeneralCode(save.error.code)
          ? t(`errors.codes.${save.error.code}`)
          : t('errors.unknown')
        : t('errors.network')
      : undefined;

  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      {generalError ? (
        <p className="alert alert--error" role="alert">
          {t('courses.form.failed')} {generalError}
        </p>
      ) : null}
      {missing ? (
        <p className="alert alert--error" role="alert">
          {t('courses.form.fillRequired')}
        </p>
      ) : null}
      <TextField
        label={t('courses.form.code')}
        description={t('courses.form.codeDescription')}
        value={code}
        onChange={setCode}
        errorMessage={fieldErrors.get('code') ?? emptyError(code)}
        isRequired
      />
      <div className="form-row form-row--wide">
        <TextField
          label={t('courses.form.titleJa')}
          value={titleJa}
          onChange={setTitleJa}
          errorMessage={fieldErrors.get('titleJa') ?? emptyError(titleJa)}
          isRequired
        />
        <TextField
          label={t('courses.form.titleEn')}
          value={titleEn}
          onChange={setTitleEn}
          errorMessage={fieldErrors.get('titleEn') ?? emptyError(titleEn)}
          isRequired
        />
      </div>
      <div className="form-row form-row--wide">
        <TextField
          label={t('courses.form.descriptionJa')}
          value={descriptionJa}
          onChange={setDescriptionJa}
          multiline
        />
        <TextField
          label={t('courses.form.descriptionEn')}
          value={descriptionEn}
          onChange={setDescriptionEn}
          multiline
        />
      </div>
      <RadioGroup
        className="choice-group"
        value={audienceKind}
        onChange={(v) => {
          if (isOneOf(AUDIENCE_KINDS, v)) setAudienceKind(v);
        }}
      >
        <Label className="field__label">{t('courses.form.audience')}</Label>
        {AUDIENCE_KINDS.map((kind) => (
          <RadioField key={kind} value={kind}>
            {t(`courses.audience.${kind}`)}
          </RadioField>
        ))}
      </RadioGroup>
      {audienceKind === 'rule' ? (
        <fieldset className="fieldset rule-editor">
          <legend className="field__label">{t('courses.form.rule')}</legend>
          <p className="field__description">{t('courses.form.ruleDescription')}</p>
          <CheckboxGroup className="choice-group" value={roles} onChange={setRoles}>
            <Label className="field__label">{t('courses.form.roles')}</Label>
            {ROLES.map((role) => (
              <CheckboxField key={role} value={role}>
                {t(`staff.roles.${role}`)}
              </CheckboxField>
            ))}
          </CheckboxGroup>
          <CheckboxGroup
            className="choice-group"
            value={employmentTypes}
            onChange={setEmploymentTypes}
          >
            <Label className="field__label">{t('courses.form.employmentTypes')}</Label>
            {EMPLOYMENT_TYPES.map((type) => (
              <CheckboxField key={type} value={type}>
                {t(`staff.employmentTypes.${type}`)}
              </CheckboxField>
            ))}
          </CheckboxGroup>
          <div className="picker">
            <p className="field__label" id="course-units-label">
              {t('courses.form.units')}
            </p>
            {unitIds.length > 0 ? (
              <RemovableChips
                aria-labelledby="course-units-label"
                chips={unitIds.map((id) => ({
                  id,
                  label: unitLabel(id),
                  removeLabel: t('courses.form.removeUnit', { name: unitLabel(id) }),
                }))}
                onRemove={(id) => setUnitIds(unitIds.filter((u) => u !== id))}
              />
            ) : (
              <p className="muted">{t('courses.form.anyUnit')}</p>
            )}
            <SearchField
              label={t('courses.form.findUnit')}
              value={unitQuery}
              onChange={setUnitQuery}
            />
            {unitMatches.length > 0 ? (
              <ul className="picker__matches">
                {unitMatches.map((u) => (
                  <li key={u.id} className="picker__match">
                    <span>{u.label}</span>
                    <Button
                      aria-label={t('courses.form.addUnit', { name: u.label })}
                      onPress={() => {
                        setUnitIds([...unitIds, u.id]);
                        setUnitQuery('');
                      }}
                    >
                      {t('courses.form.add')}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </fieldset>
      ) : null}
      <RadioGroup
        className="choice-group"
        value={modes}
        onChange={(v) => {
          if (isOneOf(MODES, v)) setModes(v);
        }}
      >
        <Label className="field__label">{t('courses.form.modes')}</Label>
        {MODES.map((mode) => (
          <RadioField key={mode} value={mode}>
            {t(`courses.modes.${mode}`)}
          </RadioField>
        ))}
      </RadioGroup>
      {modes !== 'group_session' ? (
        <CheckboxField isSelected={excusedGetELearning} onChange={setExcusedGetELearning}>
          {t('courses.form.excusedGetELearning')}
        </CheckboxField>
      ) : null}
      <CheckboxField isSelected={active} onChange={setActive}>
        {t('courses.form.active')}
      </CheckboxField>
      <div className="form-actions">
        <p role="status" className="form-saved">
          {saved ? t('courses.form.saved') : ''}
        </p>
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {course ? t('courses.form.save') : t('courses.form.create')}
        </Button>
      </div>
    </form>
  );
}
