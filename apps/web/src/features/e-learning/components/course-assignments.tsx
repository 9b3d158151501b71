import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { TextField } from '../../../components/form-fields.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useOrgUnits } from '../../org-units/index.ts';
import { StaffPicker, type PickedStaff } from '../../staff/index.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/dates.ts';
import { useLanguage, useTranslation } from '../../../lib/i18n.ts';
import {
  useAssignments,
  useAssignNow,
  useAssignNowPreview,
  useAssignStaff,
  useAssignmentSettings,
  useSaveAssignmentSettings,
  useWithdrawAssignment,
  type AssignmentFilters,
  type AssignmentRow,
  type AssignmentSettings,
} from '../api/assignments.ts';
import { ELearningErrorAlert } from './error-alert.tsx';
import { eLearningErrorMessage } from './error-message.ts';

const PAGE = 50;

/** A course's assignments with filters (status, unit subtree, overdue), and its rules. */
export function CourseAssignments({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const settings = useAssignmentSettings(courseId);
  return (
    <div className="e-learning-home">
      <Card title={t('eLearning.assignments.settings')}>
        <QueryState query={settings}>
          {(data) => <SettingsForm key={JSON.stringify(data)} courseId={courseId} initial={data} />}
        </QueryState>
      </Card>
      <Card title={t('eLearning.assignNow.heading')}>
        <AssignNowPanel courseId={courseId} />
      </Card>
      <Card title={t('eLearning.assignments.assignHeading')}>
        <AssignForm courseId={courseId} />
      </Card>
      <Card title={t('eLearning.assignments.title')}>
        <AssignmentTable courseId={courseId} />
      </Card>
    </div>
  );
}

/**
 * "Assign e-learning now": first a preview of who would get it (everyone required, not done,
 * never assigned, without a seat ahead), then the assignment itself after a confirmation.
 */
function AssignNowPanel({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [asked, setAsked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const preview = useAssignNowPreview(courseId, asked);
  const assign = useAssignNow(courseId);
  return (
    <div className="editor">
      <p>{t('eLearning.assignNow.intro')}</p>
      <div role="status">
        {assign.isSuccess ? (
          <p>
            {t('eLearning.assignNow.done', {
              count: assign.data.assigned,
              due: formatDate(assign.data.dueOn, lang),
            })}
          </p>
        ) : null}
      </div>
      {!asked ? (
        <Button onPress={() => setAsked(true)}>{t('eLearning.assignNow.preview')}</Button>
      ) : (
        <QueryState query={preview}>
          {(data) => (
            <>
              <p>
                {t('eLearning.assignNow.summary', {
                  count: data.total,
                  due: formatDate(data.dueOn, lang),
                })}
              </p>
              {data.people.length > 0 ? (
                <ul className="assign-now__people">
                  {data.people.map((p) => (
                    <li key={p.staffId}>
                      {p.name}（{p.staffNumber}）{lang === 'en' ? p.unit.nameEn : p.unit.nameJa}
                    </li>
                  ))}
                </ul>
              ) : null}
              {data.total > data.people.length ? (
                <p className="muted">
                  {t('eLearning.assignNow.more', { count: data.total - data.people.length })}
                </p>
              ) : null}
              <Button
                variant="primary"
                isDisabled={data.total === 0}
                onPress={() => {
                  assign.reset();
                  setConfirming(true);
                }}
              >
                {t('eLearning.assignNow.assign', { count: data.total })}
              </Button>
              <ConfirmDialog
                isOpen={confirming}
                onOpenChange={setConfirming}
                title={t('eLearning.assignNow.confirmTitle')}
                cancelLabel={t('eLearning.assignments.cancel')}
                confirmLabel={t('eLearning.assignNow.assign', { count: data.total })}
                isPending={assign.isPending}
                error={assign.isError ? eLearningErrorMessage(assign.error, t) : undefined}
                onConfirm={() =>
                  assign.mutate({ dueOn: data.dueOn }, { onSuccess: () => setConfirming(false) })
                }
              >
                <p>
                  {t('eLearning.assignNow.confirmBody', {
                    count: data.total,
                    due: formatDate(data.dueOn, lang),
                  })}
                </p>
              </ConfirmDialog>
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}

/** Assigns the course's e-learning to one chosen person by hand, with a reason. */
function AssignForm({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const assign = useAssignStaff();
  const [person, setPerson] = useState<PickedStaff | null>(null);
  const [reason, setReason] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!person || reason.trim() === '') return;
    assign.mutate(
      { staffId: person.staffId, courseId, reason: reason.trim() },
      {
        onSuccess: () => {
          setPerson(null);
          setReason('');
        },
      },
    );
  };
  return (
    <div className="editor">
      {person ? (
        <p>
          {t('eLearning.assignments.assignTo', { name: person.name })}{' '}
          <Button onPress={() => setPerson(null)}>{t('eLearning.assignments.chooseAgain')}</Button>
        </p>
      ) : (
        <StaffPicker
          label={t('eLearning.assignments.findPerson')}
          onPick={(picked) => {
            assign.reset();
            setPerson(picked);
          }}
        />
      )}
      <form onSubmit={onSubmit} className="editor">
        <TextField
          label={t('eLearning.assignments.assignReason')}
          value={reason}
          isRequired
          onChange={setReason}
        />
        <div role="status">
          {assign.isSuccess ? (
            <p>{t('eLearning.assignments.assigned', { name: assign.data.staff.name })}</p>
          ) : null}
        </div>
        {assign.isError ? (
          <p role="alert" className="form-error">
            {isApiError(assign.error) && assign.error.code === 'CONFLICT'
              ? t('eLearning.assignments.alreadyAssigned')
              : eLearningErrorMessage(assign.error, t)}
          </p>
        ) : null}
        <Button
          type="submit"
          variant="primary"
          isDisabled={!person || reason.trim() === '' || assign.isPending}
        >
          {t('eLearning.assignments.assign')}
        </Button>
      </form>
    </div>
  );
}

function AssignmentTable({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const units = useOrgUnits();
  const [filters, setFilters] = useState<AssignmentFilters>({
    status: 'open',
    limit: PAGE,
    offset: 0,
  });
  const assignments = useAssignments(courseId, filters);
  const update = (patch: Partial<AssignmentFilters>) =>
    setFilters((f) => ({ ...f, ...patch, offset: 0 }));
  return (
    <>
      <fieldset className="admin-toolbar">
        <legend className="field__label">{t('eLearning.assignments.filters')}</legend>
        <label className="field">
          <span className="field__label">{t('eLearning.assignments.status')}</span>
          <select
            className="field__input"
            value={filters.status ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              update({
                status: v === 'open' || v === 'completed' || v === 'withdrawn' ? v : undefined,
              });
            }}
          >
            <option value="">{t('eLearning.assignments.anyStatus')}</option>
            {(['open', 'completed', 'withdrawn'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`eLearning.assignments.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('eLearning.assignments.unit')}</span>
          <select
            className="field__input"
            value={filters.orgUnitId ?? ''}
            onChange={(e) =>
              update({ orgUnitId: e.target.value === '' ? undefined : Number(e.target.value) })
            }
          >
            <option value="">{t('eLearning.assignments.anyUnit')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {lang === 'ja' ? u.nameJa : u.nameEn}
              </option>
            ))}
          </select>
        </label>
        <label className="quiz__option">
          <input
            type="checkbox"
            checked={filters.overdue ?? false}
            onChange={(e) => update({ overdue: e.target.checked })}
          />
          {t('eLearning.assignments.overdueOnly')}
        </label>
      </fieldset>
      <QueryState
        query={assignments}
        empty={{ when: (d) => d.items.length === 0, message: t('eLearning.assignments.empty') }}
      >
        {(data) => (
          <>
            <p>{t('eLearning.assignments.total', { count: data.total })}</p>
            <div className="table-frame">
              <table className="table">
                <thead>
                  <tr>
                    <th className="table__column">{t('eLearning.assignments.staff')}</th>
                    <th className="table__column">{t('eLearning.assignments.unit')}</th>
                    <th className="table__column">{t('eLearning.assignments.due')}</th>
                    <th className="table__column">{t('eLearning.assignments.status')}</th>
                    <th className="table__column">{t('eLearning.assignments.source')}</th>
                    <th className="table__column">
                      <span className="visually-hidden">{t('eLearning.assignments.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((a) => (
                    <Row key={a.id} a={a} />
                  ))}
                </tbody>
              </table>
            </div>
            <div className="player__nav">
              <Button
                isDisabled={filters.offset === 0}
                onPress={() => setFilters((f) => ({ ...f, offset: Math.max(0, f.offset - PAGE) }))}
              >
                {t('pagination.previous')}
              </Button>
              <Button
                isDisabled={filters.offset + PAGE >= data.total}
                onPress={() => setFilters((f) => ({ ...f, offset: f.offset + PAGE }))}
              >
                {t('pagination.next')}
              </Button>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}

/** One assignment; open ones can be withdrawn with a reason. */
function Row({ a }: { a: AssignmentRow }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const withdraw = useWithdrawAssignment();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return;
    withdraw.mutate({ id: a.id, reason: reason.trim() });
  };
  return (
    <tr className="table__row">
      <td className="table__cell">
        {a.staff.name} <span className="muted">{a.staff.staffNumber}</span>
      </td>
      <td className="table__cell">{lang === 'ja' ? a.staff.unit.nameJa : a.staff.unit.nameEn}</td>
      <td className="table__cell">
        {formatDate(a.dueOn, lang)} {a.overdue ? `(${t('eLearning.assigned.overdue')})` : ''}
      </td>
      <td className="table__cell">{t(`eLearning.assignments.statuses.${a.status}`)}</td>
      <td className="table__cell">
        {t(`eLearning.assigned.source.${a.source}`)}
        {a.reason ? ` — ${a.reason}` : ''}
        {a.withdrawReason ? ` — ${a.withdrawReason}` : ''}
      </td>
      <td className="table__cell">
        {a.status !== 'open' ? null : asking ? (
          <form onSubmit={onSubmit}>
            <TextField
              label={t('eLearning.assignments.withdrawReason')}
              value={reason}
              isRequired
              onChange={setReason}
            />
            <Button type="submit" isDisabled={reason.trim() === '' || withdraw.isPending}>
              {t('eLearning.assignments.confirmWithdraw')}
            </Button>
            <Button onPress={() => setAsking(false)}>{t('eLearning.assignments.cancel')}</Button>
            {withdraw.isError ? <ELearningErrorAlert error={withdraw.error} /> : null}
          </form>
        ) : (
          <Button onPress={() => setAsking(true)}>{t('eLearning.assignments.withdraw')}</Button>
        )}
      </td>
    </tr>
  );
}

function SettingsForm({ courseId, initial }: { courseId: number; initial: AssignmentSettings }) {
  const { t } = useTranslation();
  const save = useSaveAssignmentSettings(courseId);
  const [s, setS] = useState(initial);
  const rules = [
    ['absent', t('eLearning.assignments.ruleAbsent')],
    ['window_closed', t('eLearning.assignments.ruleWindow')],
    ['no_group_access', t('eLearning.assignments.ruleNoGroup')],
  ] as const;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ fiscalYear: s.fiscalYear, windowClosesOn: s.windowClosesOn, rules: s.rules });
  };
  return (
    <form onSubmit={onSubmit} className="editor">
      {!s.eLearningOffered ? (
        <p className="muted">{t('eLearning.assignments.notOffered')}</p>
      ) : null}
      {rules.map(([rule, label]) => (
        <div key={rule} className="editor__option">
          <label className="quiz__option">
            <input
              type="checkbox"
              checked={s.rules[rule].enabled}
              onChange={(e) =>
                setS({
                  ...s,
                  rules: { ...s.rules, [rule]: { ...s.rules[rule], enabled: e.target.checked } },
                })
              }
            />
            {label}
          </label>
          <label className="field">
            <span className="field__label">{t('eLearning.assignments.dueDays')}</span>
            <input
              className="field__input"
              type="number"
              min={1}
              max={365}
              value={s.rules[rule].dueDays}
              onChange={(e) =>
                setS({
                  ...s,
                  rules: {
                    ...s.rules,
                    [rule]: { ...s.rules[rule], dueDays: Number(e.target.value) },
                  },
                })
              }
            />
          </label>
        </div>
      ))}
      <label className="field">
        <span className="field__label">{t('eLearning.assignments.windowClosesOn')}</span>
        <input
          className="field__input"
          type="date"
          value={s.windowClosesOn ?? ''}
          onChange={(e) =>
            setS({ ...s, windowClosesOn: e.target.value === '' ? null : e.target.value })
          }
        />
      </label>
      <div role="status">
        {save.isSuccess ? <p>{t('eLearning.assignments.settingsSaved')}</p> : null}
      </div>
      {save.isError ? <ELearningErrorAlert error={save.error} /> : null}
      <Button type="submit" variant="primary" isDisabled={save.isPending}>
        {t('eLearning.assignments.saveSettings')}
      </Button>
    </form>
  );
}
