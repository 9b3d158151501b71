import { parseArgs } from 'node:util';
import {
  DatabaseConfigError,
  findOrgUnitByCode,
  findStaffByLogin,
  grantRoles,
  insertOrgUnits,
  insertStaff,
  insertAudit,
} from '@kenshu/db';
import { BACKUP_USAGE, backup, moveToPostgres, restore } from './commands/backup.ts';
import { IMPORT_USAGE, importRoster } from './commands/import-roster.ts';
import { loadConfig } from './config.ts';
import { systemClock } from './lib/clock.ts';
import { issuePasswordLink } from './services/accounts/issue-password-link.ts';
import { registerTrainingReactions } from './services/training/reactions.ts';
import { prepareDatabase, StartupError } from './start.ts';

const USAGE = `Usage: pnpm kenshu <command> [options]

Commands:
  bootstrap-admin --staff-number N --email E --family-name F --given-name G [--unit-code C]
      Creates (or finds) the person, grants them the admin role and prints a one-time
      set-password link. Use it once on a fresh production database.
${IMPORT_USAGE}${BACKUP_USAGE}`;

async function bootstrapAdmin(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'staff-number': { type: 'string' },
      email: { type: 'string' },
      'family-name': { type: 'string' },
      'given-name': { type: 'string' },
      'unit-code': { type: 'string', default: 'ROOT' },
    },
  });
  const staffNumber = values['staff-number'];
  if (!staffNumber) throw new StartupError('--staff-number is required');
  const config = { ...loadConfig(), seed: 'none' as const };
  const { database } = await prepareDatabase(config);
  try {
    const staffId = await database.db.transaction().execute(async (trx) => {
      let staff = await findStaffByLogin(trx, staffNumber);
      if (!staff) {
        const { email } = values;
        const family = values['family-name'];
        const given = values['given-name'];
        if (!email || !family || !given) {
          throw new StartupError('A new admin needs --email, --family-name and --given-name');
        }
        const unitCode = values['unit-code'] ?? 'ROOT';
        const unit =
          (await findOrgUnitByCode(trx, unitCode)) ??
          (
            await insertOrgUnits(trx, [
              {
                code: unitCode,
                parent_id: null,
                kind: 'ministry',
                name_ja: '本省',
                name_en: 'Ministry',
              },
            ])
          )[0];
        if (!unit) throw new Error('could not create the root unit');
        [staff] = await insertStaff(trx, [
          {
            staff_number: staffNumber,
            email,
            family_name: family,
            given_name: given,
            family_name_kana: family,
            given_name_kana: given,
            org_unit_id: unit.id,
            employment_type: 'regular',
          },
        ]);
      }
      if (!staff) throw new Error('could not create the admin');
      await grantRoles(trx, [{ staff_id: staff.id, role: 'admin' }], null);
      await insertAudit(trx, {
        actorStaffId: null,
        action: 'account.admin_bootstrapped',
        targetType: 'staff',
        targetId: staff.id,
      });
      return staff.id;
    });
    // The new admin issues their own first link; the audit log records it as theirs.
    const viewer = {
      staffId,
      roles: new Set(['admin'] as const),
      unitPath: '',
      oversightPaths: [],
      sessionId: 'cli',
      csrfToken: '',
    };
    const link = await issuePasswordLink({
      ctx: { db: database.db, now: systemClock(), viewer, requestId: 'cli', config },
      input: { staffId, origin: config.publicUrl ?? `http://localhost:${config.port}` },
    });
    console.log(
      `${staffNumber} is an admin. Open this link once to set the password (expires ${link.expiresAt}):\n${link.url}`,
    );
  } finally {
    await database.close();
  }
}

// Commands change data like the app does: the same reactions to training events.
registerTrainingReactions();

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (argv: string[]) => Promise<void>> = {
  'bootstrap-admin': bootstrapAdmin,
  import: importRoster,
  backup,
  restore,
  'move-to-postgres': moveToPostgres,
};
const run = command ? commands[command] : undefined;
if (!run) {
  console.log(USAGE);
  process.exit(command ? 2 : 0);
}
run(rest).catch((error: unknown) => {
  if (error instanceof DatabaseConfigError || error instanceof StartupError)
    console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
