import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { SelectField, TextField } from '../../../components/form-fields.tsx';
import { AUDIT_ACTIONS } from '@kenshu/domain';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import { FILTER_KEYS, type AuditFilters } from '../utils/filters.ts';
import { actionLabel, TARGET_TYPES } from '../utils/labels.ts';
import './audit-log.css';

type Draft = Record<(typeof FILTER_KEYS)[number], string>;

function toDraft(filters: AuditFilters): Draft {
  return {
    action: filters.action ?? '',
    actorStaffNumber: filters.actorStaffNumber ?? '',
    targetType: filters.targetType ?? '',
    targetId: filters.targetId ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  };
}

/**
 * The audit log's filters. They apply on submit (not on each keystroke), so a half-typed staff
 * number does not run a search; the applied ones live in the URL.
 */
export function AuditFilterForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters));
  const [dateError, setDateError] = useState<string | undefined>();
  const toRef = useRef<HTMLInputElement>(null);

  // The URL can change from outside (Back, a link): show what is applied.
  const [applied, setApplied] = useState(filters);
  if (applied !== filters && JSON.stringify(applied) !== JSON.stringify(filters)) {
    setApplied(filters);
    setDraft(toDraft(filters));
  }

  const set = (key: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (key === 'from' || key === 'to') setDateError(undefined);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setDateError(t('auditLog.filters.dateOrder'));
      toRef.current?.focus();
      return;
    }
    const next: AuditFilters = {};
    for (const key of FILTER_KEYS) {
      const value = draft[key].trim();
      if (value) next[key] = value;
    }
    onApply(next);
  };

  return (
    <form className="audit-filters" noValidate onSubmit={submit}>
      <div className="audit-filters__grid">
        <SelectField
          label={t('auditLog.filters.action')}
          value={draft.action}
          onChange={set('action')}
          placeholder={t('auditLog.filters.any')}
          options={[
            ...AUDIT_ACTIONS.map((action) => ({
              value: action,
              label: actionLabel(action, lang) ?? action,
            })).sort((a, b) => a.label.localeCompare(b.label, lang)),
            // A code from a link that this version does not list is still shown as chosen.
            ...(draft.action && !actionLabel(draft.action, lang)
              ? [{ value: draft.action, label: draft.action }]
              : []),
          ]}
        />
        <TextField
          label={t('auditLog.filters.actor')}
          value={draft.actorStaffNumber}
          onChange={set('actorStaffNumber')}
          isVerbatim
        />
        <SelectField
          label={t('auditLog.filters.targetType')}
          value={draft.targetType}
          onChange={set('targetType')}
          placeholder={t('auditLog.filters.any')}
          options={TARGET_TYPES.map((type) => ({
            value: type,
            label: t(`auditLog.targetTypes.${type}`),
          }))}
        />
        <TextField
          label={t('auditLog.filters.targetId')}
          value={draft.targetId}
          onChange={set('targetId')}
          isVerbatim
        />
        <TextField
          label={t('auditLog.filters.from')}
          type="date"
          value={draft.from}
          onChange={set('from')}
        />
        <TextField
          label={t('auditLog.filters.to')}
          type="date"
          value={draft.to}
          onChange={set('to')}
          errorMessage={dateError}
          inputRef={toRef}
        />
      </div>
      <div className="button-row">
        <Button type="submit" variant="primary">
          {t('auditLog.filters.apply')}
        </Button>
        <Button
          onPress={() => {
            setDraft(toDraft({}));
            setDateError(undefined);
            onApply({});
          }}
        >
          {t('auditLog.filters.reset')}
        </Button>
      </div>
    </form>
  );
}
