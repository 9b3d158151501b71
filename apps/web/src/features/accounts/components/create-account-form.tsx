import type { OrgUnit } from '@kenshu/contracts';
import { EMPLOYMENT_TYPES } from '@kenshu/domain';
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import {
  FormAlert,
  SelectField,
  TextField,
  type TextFieldProps,
} from '../../../components/form-fields.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { apiFieldErrors } from '../../auth/index.ts';
import { useCreateAccount, type NewAccount } from '../api/create-account.ts';

type Field = keyof NewAccount;
type Values = Record<Field, string>;
type Errors = Partial<Record<Field, string>>;
type TextFieldName = Exclude<Field, 'orgUnitId' | 'employmentType' | 'locale'>;

const EMPTY: Values = {
  staffNumber: '',
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  email: '',
  orgUnitId: '',
  employmentType: 'regular',
  locale: 'ja',
};

// The order errors are checked in, which is the order focus looks for the first one.
const FIELDS: readonly Field[] = [
  'staffNumber',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'email',
  'orgUnitId',
  'employmentType',
  'locale',
];

const LOCALES = ['ja', 'en'] as const;

function isField(value: string): value is Field {
  return FIELDS.some((field) => field === value);
}

/**
 * A new staff account (for people HR has not sent yet). Mirrors the API's rules so most mistakes
 * are caught here; what only the API knows (a staff number or e-mail already in use) comes back
 * as field errors and is shown under the field concerned.
 */
export function CreateAccountForm({
  orgUnits,
  onCreated,
}: {
  orgUnits: readonly OrgUnit[];
  onCreated: (account: { id: number; name: string; staffNumber: string }) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useCreateAccount();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const inputs = useRef(new Map<Field, HTMLInputElement | HTMLSelectElement>());
  const alertRef = useRef<HTMLDivElement>(null);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const register = (field: Field) => (element: HTMLInputElement | HTMLSelectElement | null) => {
    if (element) inputs.current.set(field, element);
    else inputs.current.delete(field);
  };
  const focusFirst = (found: Errors) => {
    const first = FIELDS.find((field) => found[field]);
    if (first) inputs.current.get(first)?.focus();
    else requestAnimationFrame(() => alertRef.current?.focus());
  };

  const validate = (): Errors => {
    const found: Errors = {};
    for (const field of FIELDS) {
      if (values[field].trim() === '') found[field] = t('accounts.create.required');
    }
    if (values.orgUnitId === '') found.orgUnitId = t('accounts.create.chooseUnit');
    const staffNumber = values.staffNumber.trim();
    if (staffNumber && !/^[A-Za-z0-9-]+$/.test(staffNumber)) {
      found.staffNumber = t('accounts.create.invalidStaffNumber');
    }
    const email = values.email.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      found.email = t('accounts.create.invalidEmail');
    }
    return found;
  };

  const fromApi = (error: unknown): Errors => {
    const found: Errors = {};
    for (const { field, message } of apiFieldErrors(error)) {
      if (!isField(field)) continue;
      const conflict = isApiError(error) && error.code === 'CONFLICT';
      found[field] =
        conflict && field === 'staffNumber'
          ? t('accounts.create.staffNumberInUse')
          : conflict && field === 'email'
            ? t('accounts.create.emailInUse')
            : field === 'email'
              ? t('accounts.create.invalidEmail')
              : field === 'staffNumber'
                ? t('accounts.create.invalidStaffNumber')
                : t('accounts.create.invalidField', { message });
    }
    if (isApiError(error) && error.code === 'NOT_FOUND' && error.details?.orgUnitId !== undefined) {
      found.orgUnitId = t('accounts.create.unitNotFound');
    }
    return found;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = validate();
    setErrors(found);
    setFormError(undefined);
    if (Object.values(found).some(Boolean)) {
      create.reset();
      focusFirst(found);
      return;
    }
    const account: NewAccount = {
      staffNumber: values.staffNumber.trim(),
      familyName: values.familyName.trim(),
      givenName: values.givenName.trim(),
      familyNameKana: values.familyNameKana.trim(),
      givenNameKana: values.givenNameKana.trim(),
      email: values.email.trim(),
      orgUnitId: Number(values.orgUnitId),
      employmentType: EMPLOYMENT_TYPES.find((e) => e === values.employmentType) ?? 'regular',
      locale: LOCALES.find((l) => l === values.locale) ?? 'ja',
    };
    create.mutate(account, {
      onSuccess: ({ id }) => {
        setValues(EMPTY);
        onCreated({
          id,
          name: `${account.familyName} ${account.givenName}`,
          staffNumber: account.staffNumber,
        });
      },
      onError: (error) => {
        const fieldErrors = fromApi(error);
        setErrors(fieldErrors);
        setFormError(
          Object.keys(fieldErrors).length > 0
            ? t('form.fixErrors')
            : isApiError(error)
              ? error.message
              : t('form.network'),
        );
        // The summary first: it says what happened; the fields say where.
        requestAnimationFrame(() => alertRef.current?.focus());
      },
    });
  };

  const text = (field: TextFieldName, extra: Partial<TextFieldProps> = {}) => (
    <TextField
      label={t(`accounts.create.${field}`)}
      value={values[field]}
      onChange={set(field)}
      errorMessage={errors[field]}
      isRequired
      inputRef={register(field)}
      {...extra}
    />
  );

  return (
    <form className="stack-form create-account" noValidate onSubmit={submit}>
      {formError ? (
        <FormAlert ref={alertRef} title={t('accounts.create.errorTitle')}>
          <p>{formError}</p>
        </FormAlert>
      ) : null}
      {text('staffNumber', {
        description: t('accounts.create.staffNumberDescription'),
        isVerbatim: true,
      })}
      <div className="form-row">
        {text('familyName')}
        {text('givenName')}
      </div>
      <div className="form-row">
        {text('familyNameKana')}
        {text('givenNameKana')}
      </div>
      {text('email', { type: 'email', isVerbatim: true, autoComplete: 'off' })}
      <SelectField
        label={t('accounts.create.orgUnit')}
        value={values.orgUnitId}
        onChange={set('orgUnitId')}
        placeholder={t('accounts.create.orgUnitPlaceholder')}
        options={orgUnits
          .filter((unit) => unit.active)
          .map((unit) => ({
            value: String(unit.id),
            // Indented by depth, so the tree shows in a flat list.
            label: `${'\u3000'.repeat(unit.depth)}${localName(unit, lang)}`,
          }))}
        errorMessage={errors.orgUnitId}
        isRequired
        selectRef={register('orgUnitId')}
      />
      <div className="form-row">
        <SelectField
          label={t('accounts.create.employmentType')}
          value={values.employmentType}
          onChange={set('employmentType')}
          options={EMPLOYMENT_TYPES.map((type) => ({
            value: type,
            label: t(`staff.employmentTypes.${type}`),
          }))}
          errorMessage={errors.employmentType}
          isRequired
          selectRef={register('employmentType')}
        />
        <SelectField
          label={t('accounts.create.locale')}
          value={values.locale}
          onChange={set('locale')}
          options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
          errorMessage={errors.locale}
          isRequired
          selectRef={register('locale')}
        />
      </div>
      <div>
        <Button type="submit" variant="primary" isPending={create.isPending}>
          {create.isPending ? t('accounts.create.submitting') : t('accounts.create.submit')}
        </Button>
      </div>
    </form>
  );
}
