import {
  listStaffForImport,
  stageStaffImportPeople,
  type DB,
  type Executor,
  type StaffForImport,
  type StagedStaff,
  type Transaction,
} from '@kenshu/db';
import {
  diffStaff,
  type StaffImportCounts,
  type StaffImportFileChecks,
  type StaffImportPerson,
} from '@kenshu/domain';
import type { Findings } from './findings.ts';

// Rows staged per statement: few round trips, and a batch stays a few megabytes.
const BATCH = 5_000;
// People read ahead while the database's states are still on their way (a few megabytes).
const MAX_UNSETTLED = 40_000;

/** Everyone in the database by staff number, and who holds each e-mail (lower case). */
export interface KnownStaff {
  states: Map<string, StaffForImport>;
  emailHolders: Map<string, string>;
}

/**
 * Everyone in the database, read once: the diff of each record and the e-mail check need no
 * further queries. Its size follows the database, not the file.
 */
export async function loadKnownStaff(db: Executor): Promise<KnownStaff> {
  const states = new Map<string, StaffForImport>();
  const emailHolders = new Map<string, string>();
  for (const state of await listStaffForImport(db)) {
    states.set(state.staffNumber, state);
    emailHolders.set(state.email.toLowerCase(), state.staffNumber);
  }
  return { states, emailHolders };
}

/**
 * Compares the file's valid people with the database's as they are read, in batches, and (for
 * an apply) stages the ones the import must write: new, changed, or whose membership history
 * needs repair. Unchanged people are left out, so a re-import writes only what differs.
 */
export class PeopleComparison {
  // Valid people read but not yet compared with the database, in file order.
  private unsettled: StaffImportPerson[] = [];
  private ready: KnownStaff | null = null;
  private batch: StagedStaff[] = [];
  // The batch being staged while the next one is read: on a PostgreSQL server the two overlap.
  private staging: Promise<void> = Promise.resolve();

  constructor(
    private readonly known: Promise<KnownStaff>,
    private readonly checks: StaffImportFileChecks,
    private readonly counts: StaffImportCounts,
    private readonly findings: Findings,
    /** The apply's transaction, to stage into; absent for a preview. */
    private readonly stageIn: Transaction<DB> | undefined,
  ) {
    known.then(
      (k) => (this.ready = k),
      () => undefined,
    );
  }

  async add(staff: StaffImportPerson): Promise<void> {
    this.unsettled.push(staff);
    if (this.unsettled.length >= BATCH) await this.settle(false);
  }

  /** Compares and stages everyone still pending, and waits for the staging to finish. */
  async finish(): Promise<void> {
    await this.settle(true);
    await this.flush();
    await this.staging;
  }

  private async settle(force: boolean): Promise<void> {
    // Until the states arrive, keep reading (up to a bound, so memory stays flat).
    if (!this.ready && !force && this.unsettled.length < MAX_UNSETTLED) return;
    const known = this.ready ?? (await this.known);
    const people = this.unsettled;
    this.unsettled = [];
    for (const staff of people) await this.compare(staff, known);
  }

  private async compare(staff: StaffImportPerson, known: KnownStaff): Promise<void> {
    const state = known.states.get(staff.staffNumber);
    // Only a new person or a new e-mail can clash with someone else's address.
    if (state?.email.toLowerCase() !== staff.email.toLowerCase()) {
      const holder = known.emailHolders.get(staff.email.toLowerCase());
      if (holder !== undefined && holder !== staff.staffNumber) {
        this.checks.noteEmailHolder(staff.line, staff.email, holder);
      }
    }
    const diff = diffStaff(staff, state);
    this.counts.staff[diff.change] += 1;
    if (diff.change !== 'unchanged') {
      this.findings.sample({
        line: staff.line,
        recordType: 'staff',
        key: staff.staffNumber,
        name: `${staff.familyName} ${staff.givenName}`,
        change: diff.change,
        fields: diff.fields,
      });
    }
    if (diff.change !== 'unchanged' || state?.membershipDiffers) {
      this.batch.push({ ...staff, isNew: state === undefined });
      if (this.batch.length >= BATCH) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    await this.staging;
    // A file with problems is not applied: staging stops at the first.
    if (this.findings.problemCount === 0 && this.stageIn) {
      this.staging = stageStaffImportPeople(this.stageIn, batch);
      // Awaited at the next flush; marked handled now so a failure cannot crash the process.
      this.staging.catch(() => undefined);
    }
  }
}
