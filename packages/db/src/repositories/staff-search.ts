import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { escapeLike } from './like.ts';

/** How a search reads the staff number and names; the defaults are the directory's search. */
export interface StaffSearchWay {
  /**
   * 'anywhere' finds "123" inside "A01234"; 'from-start' finds only staff numbers that begin with
   * it, for a trainer typing a number at the door, where a match in the middle is noise.
   */
  staffNumber?: 'anywhere' | 'from-start';
  /** Names and kana matched case for case (the walk-in search always has). */
  caseSensitiveNames?: boolean;
}

/**
 * The one staff search: what someone typed, found in a person's staff number, name or kana (family
 * and given written together, as people type them), its LIKE wildcards taken literally. `staff` is
 * the alias the query gives the staff table. A search that also looks at another column (an e-mail,
 * a name with a space) puts that beside this in its own `eb.or`.
 */
export function matchesStaffSearch<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  staff: string,
  search: string,
  way: StaffSearchWay = {},
): Expression<SqlBool> {
  const text = escapeLike(search);
  const column = (name: string) => sql.ref(`${staff}.${name}`);
  const names = way.caseSensitiveNames ? 'like' : 'ilike';
  return eb.or([
    eb(
      column('staff_number'),
      'ilike',
      way.staffNumber === 'from-start' ? `${text}%` : `%${text}%`,
    ),
    eb(sql`${column('family_name')} || ${column('given_name')}`, names, `%${text}%`),
    eb(sql`${column('family_name_kana')} || ${column('given_name_kana')}`, names, `%${text}%`),
  ]);
}
