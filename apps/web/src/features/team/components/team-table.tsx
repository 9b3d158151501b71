import { Button as AriaButton, Checkbox, type Selection } from 'react-aria-components';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/table.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';
import type { OverseenPerson } from '../api/team-status.ts';
import { TeamStatusBadge } from './team-status-badge.tsx';

export interface TeamTableProps {
  label: string;
  people: readonly OverseenPerson[];
  /** Whether people can be chosen (to remind them); a past year's list is for reading only. */
  selectable: boolean;
  /** Chosen people on this page. */
  selectedIds: ReadonlySet<number>;
  onSelectionChange: (selection: Selection) => void;
  onOpenRecord: (person: OverseenPerson) => void;
}

/** Whether a reminder can go to the person: those who have completed are never reminded. */
export function isRemindable(person: OverseenPerson): boolean {
  return person.status !== 'completed';
}

/**
 * One page of people: a checkbox to choose each one not yet done (the header's chooses all of
 * them on this page), staff number, name with its reading (opening their record), unit and status.
 */
export function TeamTable({
  label,
  people,
  selectable,
  selectedIds,
  onSelectionChange,
  onOpenRecord,
}: TeamTableProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Table
      stackOnPhones
      aria-label={label}
      selectionMode={selectable ? 'multiple' : 'none'}
      selectedKeys={selectedIds}
      onSelectionChange={onSelectionChange}
      disabledKeys={people.filter((p) => !isRemindable(p)).map((p) => p.staffId)}
      // Done people stay reachable by keyboard (their record opens); only choosing them is off.
      disabledBehavior="selection"
    >
      <TableHeader>
        {selectable ? (
          <Column>
            <SelectionCheckbox />
          </Column>
        ) : null}
        <Column isRowHeader>{t('team.table.staffNumber')}</Column>
        <Column>{t('team.table.name')}</Column>
        <Column>{t('team.table.unit')}</Column>
        <Column>{t('team.table.status')}</Column>
      </TableHeader>
      <TableBody items={people} dependencies={[lang, t, onOpenRecord, selectable]}>
        {(person) => (
          <Row id={person.staffId}>
            {selectable ? (
              <Cell>
                <SelectionCheckbox />
              </Cell>
            ) : null}
            <Cell>
              <span className="staff-number">{person.staffNumber}</span>
            </Cell>
            <Cell>
              <AriaButton
                className="team-table__person"
                aria-label={t('team.table.openRecord', { name: person.name })}
                onPress={() => onOpenRecord(person)}
              >
                <span className="team-table__name" lang="ja">
                  {person.name}
                </span>
                <span className="team-table__kana" lang="ja">
                  {person.nameKana}
                </span>
              </AriaButton>
            </Cell>
            <Cell>
              <span className="team-table__unit">{localName(person.unit, lang)}</span>
            </Cell>
            <Cell>
              <TeamStatusBadge status={person.status} score={person.score} />
            </Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}

/** The row's (or, in the header, the page's) checkbox; react-aria names it and wires it up. */
function SelectionCheckbox() {
  return (
    <Checkbox slot="selection" className="checkbox team-table__checkbox">
      <span className="checkbox__box" aria-hidden="true" />
    </Checkbox>
  );
}
