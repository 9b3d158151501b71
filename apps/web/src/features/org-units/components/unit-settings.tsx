import type { OrgUnit } from '@kenshu/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { CheckboxField, FormAlert, FormNotice } from '../../../components/form-fields.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import {
  useChangeSectionHeadOversight,
  useSectionHeads,
  useSetGroupSessions,
} from '../api/unit-settings.ts';
import { groupSessionsBlockedBy } from '../utils/org-tree.ts';
import './org-units.css';

export interface UnitSettingsProps {
  unit: OrgUnit;
  units: readonly OrgUnit[];
  /** A way to find a person; it calls `onPick` with the chosen person's id. */
  renderHeadPicker: (onPick: (staffId: number) => void) => ReactNode;
}

/**
 * What admins keep about a unit beyond HR's staff file: whether its staff can attend group sessions,
 * and which section heads oversee it. Each change is audited by the API.
 */
export function UnitSettings({ unit, units, renderHeadPicker }: UnitSettingsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Card title={t('organisation.settings.heading', { unit: localName(unit, lang) })}>
      <dl className="unit-settings__facts">
        <div>
          <dt>{t('organisation.settings.kind')}</dt>
          <dd>{t(`organisation.kinds.${unit.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('organisation.settings.code')}</dt>
          <dd>{unit.code}</dd>
        </div>
      </dl>
      <GroupSessionsForm key={unit.id} unit={unit} units={units} />
      <SectionHeads key={`heads-${unit.id}`} unit={unit} renderHeadPicker={renderHeadPicker} />
    </Card>
  );
}

function GroupSessionsForm({ unit, units }: { unit: OrgUnit; units: readonly OrgUnit[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useSetGroupSessions(unit.id);
  const [noGroupSessions, setNoGroupSessions] = useState(!unit.hasGroupSessions);
  useEffect(() => setNoGroupSessions(!unit.hasGroupSessions), [unit.hasGroupSessions]);
  const blockedBy = groupSessionsBlockedBy(units, unit.id);
  const status = !unit.hasGroupSessions
    ? t('organisation.settings.groupSessions.noneHere')
    : blockedBy
      ? t('organisation.settings.groupSessions.noneAbove', { unit: localName(blockedBy, lang) })
      : t('organisation.settings.groupSessions.available');
  return (
    <form
      className="stack-form unit-settings__section"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(!noGroupSessions);
      }}
    >
      <h3 className="subheading">{t('organisation.settings.groupSessions.heading')}</h3>
      <p data-testid="group-sessions-status">{status}</p>
      <CheckboxField
        isSelected={noGroupSessions}
        onChange={(value) => {
          save.reset();
          setNoGroupSessions(value);
        }}
      >
        {t('organisation.settings.groupSessions.checkbox')}
      </CheckboxField>
      <p className="field__description">{t('organisation.settings.groupSessions.note')}</p>
      {save.isError ? (
        <FormAlert title={t('organisation.settings.failed')}>
          <p>{isApiError(save.error) ? save.error.message : t('form.network')}</p>
        </FormAlert>
      ) : null}
      {save.isSuccess ? <FormNotice>{t('organisation.settings.saved')}</FormNotice> : null}
      <div>
        <Button
          type="submit"
          variant="primary"
          isDisabled={noGroupSessions === !unit.hasGroupSessions || save.isPending}
        >
          {t('organisation.settings.groupSessions.save')}
        </Button>
      </div>
    </form>
  );
}

function SectionHeads({
  unit,
  renderHeadPicker,
}: {
  unit: OrgUnit;
  renderHeadPicker: UnitSettingsProps['renderHeadPicker'];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const heads = useSectionHeads(unit.id);
  const change = useChangeSectionHeadOversight(unit.id);
  const error = change.error;
  return (
    <div className="unit-settings__section">
      <h3 className="subheading">{t('organisation.settings.heads.heading')}</h3>
      <p className="field__description">{t('organisation.settings.heads.note')}</p>
      <QueryState
        query={heads}
        empty={{
          when: (items) => items.length === 0,
          message: t('organisation.settings.heads.none'),
        }}
      >
        {(items) => (
          <ul
            className="unit-settings__heads"
            aria-label={t('organisation.settings.heads.heading')}
          >
            {items.map((head) => {
              const name = `${head.familyName} ${head.givenName}`;
              const here = head.oversightUnit.id === unit.id;
              return (
                <li key={head.staffId} className="unit-settings__head">
                  <span>
                    <span lang="ja">{name}</span>{' '}
                    <span className="muted">
                      {head.staffNumber} · {localName(head.unit, lang)}
                    </span>
                    <br />
                    {here
                      ? head.basis === 'own_unit'
                        ? t('organisation.settings.heads.ownUnit')
                        : t('organisation.settings.heads.setHere', {
                            unit: localName(head.unit, lang),
                          })
                      : t('organisation.settings.heads.elsewhere', {
                          unit: localName(head.oversightUnit, lang),
                        })}
                  </span>
                  {head.basis === 'set_by_admin' ? (
                    <Button
                      aria-label={t('organisation.settings.heads.clearNamed', { name })}
                      isDisabled={change.isPending}
                      onPress={() =>
                        change.mutate({
                          staffId: head.staffId,
                          action: 'clear',
                          oversightUnitId: head.oversightUnit.id,
                        })
                      }
                    >
                      {t('organisation.settings.heads.clear')}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
      {change.isError ? (
        <FormAlert title={t('organisation.settings.failed')}>
          <p>
            {isApiError(error) && error.code === 'CONFLICT'
              ? t('organisation.settings.heads.notHead')
              : isApiError(error)
                ? error.message
                : t('form.network')}
          </p>
        </FormAlert>
      ) : null}
      {change.isSuccess ? (
        <FormNotice>
          {t('organisation.settings.heads.changed', {
            name: `${change.data.familyName} ${change.data.givenName}`,
            unit: localName(change.data.oversightUnit, lang),
          })}
        </FormNotice>
      ) : null}
      {renderHeadPicker((staffId) => change.mutate({ staffId, action: 'set' }))}
    </div>
  );
}
