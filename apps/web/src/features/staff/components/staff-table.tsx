import type { StaffMember } from '@kenshu/contracts';
import type { Role } from '@kenshu/domain';
import { Badge } from '../../../components/badge.tsx';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/table.tsx';
import { localName, useLanguage, useTranslation } from '../../../lib/i18n.ts';

// Badges read most consequential first; a Record, so a new role cannot be forgotten here.
const ROLE_RANK: Record<Role, number> = {
  admin: 0,
  unit_security_officer: 1,
  section_head: 2,
  system_security_officer: 3,
  pjmo_member: 4,
  trainer: 5,
};

/** One page of staff: number, name with its reading, unit, employment type and roles. */
export function StaffTable({ label, staff }: { label: string; staff: readonly StaffMember[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Table stackOnPhones aria-label={label}>
      <TableHeader>
        <Column isRowHeader>{t('staff.columns.staffNumber')}</Column>
        <Column>{t('staff.columns.name')}</Column>
        <Column>{t('staff.columns.unit')}</Column>
        <Column>{t('staff.columns.employmentType')}</Column>
        <Column>{t('staff.columns.roles')}</Column>
      </TableHeader>
      <TableBody items={staff} dependencies={[lang, t]}>
        {(member) => {
          const roles = [...member.roles].sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);
          return (
            <Row id={member.id}>
              <Cell>
                <span className="staff-number">{member.staffNumber}</span>
              </Cell>
              <Cell>
                <span className="person-name" lang="ja">
                  {member.familyName} {member.givenName}
                </span>
                <span className="person-name__kana" lang="ja">
                  {member.familyNameKana} {member.givenNameKana}
                </span>
              </Cell>
              <Cell>
                <span className="staff-table__unit">{localName(member.orgUnit, lang)}</span>
              </Cell>
              <Cell>
                <span className="staff-table__employment">
                  {t(`staff.employmentTypes.${member.employmentType}`)}
                </span>
              </Cell>
              <Cell>
                {roles.length === 0 ? (
                  <span className="muted">{t('staff.noRoles')}</span>
                ) : (
                  <span className="badges">
                    {roles.map((role) => (
                      <Badge key={role}>{t(`staff.roles.${role}`)}</Badge>
                    ))}
                  </span>
                )}
              </Cell>
            </Row>
          );
        }}
      </TableBody>
    </Table>
  );
}
