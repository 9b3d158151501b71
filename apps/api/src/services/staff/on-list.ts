import type { PersonOnList } from '@kenshu/contracts';
import type { PersonOnListRow } from '@kenshu/db';

/** A person as every list of people shows them (attendance sheets, walk-ins, check-in requests). */
export function toPersonOnList(r: PersonOnListRow): PersonOnList {
  return {
    staffId: r.staff_id,
    staffNumber: r.staff_number,
    name: `${r.family_name} ${r.given_name}`,
    nameKana: `${r.family_name_kana} ${r.given_name_kana}`,
    unitJa: r.unit_name_ja,
    unitEn: r.unit_name_en,
  };
}
