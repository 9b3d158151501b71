import type { StaffImportProblem } from './columns.ts';
import type { StaffImportPerson, StaffImportUnit } from './records.ts';

/** A unit already in the database, as the tree checks need it. */
export interface KnownUnit {
  code: string;
  parentCode: string | null;
}

/**
 * Checks that span records: duplicates within the file, references to units, e-mails that
 * belong to someone else. Fed one record at a time so the file is never held whole; only the
 * keys (staff numbers, e-mails, unit codes) are remembered.
 */
export class StaffImportFileChecks {
  private readonly existingCodes: ReadonlySet<string>;
  private readonly units = new Map<string, StaffImportUnit>();
  private readonly staffNumbers = new Map<string, number>();
  private readonly emails = new Map<string, number>();
  private readonly pendingUnitRefs: { line: number; code: string }[] = [];
  private readonly emailHolders: { line: number; email: string; holder: string }[] = [];

  constructor(existingUnits: readonly KnownUnit[]) {
    this.existingCodes = new Set(existingUnits.map((u) => u.code));
  }

  /** Remembers a unit record; reports a second record with the same code. */
  addUnit(unit: StaffImportUnit): StaffImportProblem[] {
    const first = this.units.get(unit.code);
    if (first) {
      return [
        {
          line: unit.line,
          code: 'duplicate_unit_code',
          message: `Unit code ${unit.code} is already on line ${first.line}`,
        },
      ];
    }
    this.units.set(unit.code, unit);
    return [];
  }

  /** Remembers a person; reports a repeated staff number or e-mail (e-mails ignore case). */
  addStaff(staff: StaffImportPerson): StaffImportProblem[] {
    const problems: StaffImportProblem[] = [];
    const firstNumber = this.staffNumbers.get(staff.staffNumber);
    if (firstNumber !== undefined) {
      problems.push({
        line: staff.line,
        code: 'duplicate_staff_number',
        message: `Staff number ${staff.staffNumber} is already on line ${firstNumber}`,
      });
    } else this.staffNumbers.set(staff.staffNumber, staff.line);
    const email = staff.email.toLowerCase();
    const firstEmail = this.emails.get(email);
    if (firstEmail !== undefined) {
      problems.push({
        line: staff.line,
        code: 'duplicate_email',
        message: `E-mail ${staff.email} is already on line ${firstEmail}`,
      });
    } else this.emails.set(email, staff.line);
    // Units usually come first; a reference to one not seen yet is settled at the end.
    if (!this.units.has(staff.unitCode) && !this.existingCodes.has(staff.unitCode)) {
      this.pendingUnitRefs.push({ line: staff.line, code: staff.unitCode });
    }
    return problems;
  }

  /**
   * Notes that a person's e-mail already belongs to someone else in the database. That is fine
   * only if the holder is in the file too (with another e-mail, as duplicates are caught).
   */
  noteEmailHolder(line: number, email: string, holderStaffNumber: string): void {
    this.emailHolders.push({ line, email, holder: holderStaffNumber });
  }

  hasStaffNumber(staffNumber: string): boolean {
    return this.staffNumbers.has(staffNumber);
  }

  /** Every unit record in the file, in file order. */
  fileUnits(): StaffImportUnit[] {
    return [...this.units.values()];
  }

  /** The checks that need the whole file: unit references, the unit tree, e-mails in use. */
  finish(existingUnits: readonly KnownUnit[]): StaffImportProblem[] {
    const problems: StaffImportProblem[] = [];
    for (const ref of this.pendingUnitRefs) {
      if (!this.units.has(ref.code)) {
        problems.push({
          line: ref.line,
          code: 'unknown_unit',
          message: `Unit code ${ref.code} is neither in the file nor in Kenshu`,
        });
      }
    }
    for (const held of this.emailHolders) {
      if (!this.staffNumbers.has(held.holder)) {
        problems.push({
          line: held.line,
          code: 'email_in_use',
          message: `E-mail ${held.email} belongs to staff number ${held.holder}, who is not in the file`,
        });
      }
    }
    problems.push(...checkUnitTree(this.fileUnits(), existingUnits));
    return problems.sort((a, b) => a.line - b.line);
  }
}

/**
 * Checks the unit tree the file would leave behind (the file's units over the existing ones):
 * every parent exists, and no unit is its own ancestor.
 */
export function checkUnitTree(
  fileUnits: readonly StaffImportUnit[],
  existingUnits: readonly KnownUnit[],
): StaffImportProblem[] {
  const parentOf = new Map<string, string | null>();
  for (const unit of existingUnits) parentOf.set(unit.code, unit.parentCode);
  for (const unit of fileUnits) parentOf.set(unit.code, unit.parentCode);
  const problems: StaffImportProblem[] = [];
  const lineOf = new Map(fileUnits.map((u) => [u.code, u.line]));

  for (const unit of fileUnits) {
    if (unit.parentCode !== null && !parentOf.has(unit.parentCode)) {
      problems.push({
        line: unit.line,
        code: 'unknown_parent',
        message: `Parent code ${unit.parentCode} of unit ${unit.code} is neither in the file nor in Kenshu`,
      });
    }
  }

  // Walk up from each unit; a walk that meets itself is a cycle. Units already known to reach
  // a root (or a known cycle) stop the walk early, so the whole check is linear.
  const settled = new Set<string>();
  for (const unit of fileUnits) {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let code: string | null = unit.code;
    while (code !== null && !settled.has(code) && parentOf.has(code)) {
      if (onTrail.has(code)) {
        const cycle = [...trail.slice(trail.indexOf(code)), code];
        const first = cycle
          .map((c) => lineOf.get(c))
          .filter((l): l is number => l !== undefined)
          .sort((a, b) => a - b)[0];
        problems.push({
          line: first ?? unit.line,
          code: 'unit_cycle',
          message: `Units form a cycle: ${cycle.join(' → ')}`,
        });
        break;
      }
      trail.push(code);
      onTrail.add(code);
      code = parentOf.get(code) ?? null;
    }
    for (const c of trail) settled.add(c);
  }
  return problems;
}
