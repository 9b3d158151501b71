import type { StaffImportChange, StaffImportProblem } from '@kenshu/domain';

/** One change the import would make, for the preview's table. */
export interface StaffImportChangeSample {
  line: number | null;
  recordType: 'unit' | 'staff';
  key: string;
  name: string;
  change: Exclude<StaffImportChange, 'unchanged'> | 'deactivated';
  fields: string[];
}

/** The problems and changes an analysis finds: each counted, the first few kept. */
export class Findings {
  readonly problems: StaffImportProblem[] = [];
  problemCount = 0;
  readonly changes: StaffImportChangeSample[] = [];
  changeCount = 0;

  constructor(
    private readonly maxProblems: number,
    private readonly maxChanges: number,
  ) {}

  report(found: readonly StaffImportProblem[]): void {
    this.problemCount += found.length;
    for (const p of found) if (this.problems.length < this.maxProblems) this.problems.push(p);
  }

  sample(change: StaffImportChangeSample): void {
    this.changeCount += 1;
    if (this.changes.length < this.maxChanges) this.changes.push(change);
  }
}
