import { parseArgs } from 'node:util';
import { DatabaseConfigError } from '@kenshu/db';
import { AppError } from '@kenshu/domain';
import { BACKUP_USAGE, backup, moveToPostgres, restore } from './commands/backup.ts';
import { IMPORT_USAGE, importStaff } from './commands/import-staff.ts';
import { loadConfig } from './config.ts';
import { systemClock } from './lib/clock.ts';
import { bootstrapAdmin } from './services/accounts/bootstrap-admin.ts';
import { registerTrainingReactions } from './services/training/reactions.ts';
import { prepareDatabase, StartupError } from './start.ts';

const USAGE = `Usage: pnpm kenshu <command> [options]

Commands:
  bootstrap-admin --staff-number N --email E --family-name F --given-name G [--unit-code C]
      Creates (or finds) the person, grants them the admin role and prints a one-time
      set-password link. Use it once on a fresh production database.
${IMPORT_USAGE}${BACKUP_USAGE}`;

async function bootstrapAdminCommand(argv: string[]): Promise<void> {
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
    const result = await bootstrapAdmin({
      ctx: { db: database.db, now: systemClock(), viewer: null, requestId: 'cli', config },
      input: {
        staffNumber,
        email: values.email,
        familyName: values['family-name'],
        givenName: values['given-name'],
        unitCode: values['unit-code'] ?? 'ROOT',
        origin: config.publicUrl ?? `http://localhost:${config.port}`,
      },
    });
    console.log(
      `${staffNumber} is an admin. Open this link once to set the password (expires ${result.expiresAt}):\n${result.url}`,
    );
  } catch (error) {
    // Rule errors (a missing name, a departed person) are the operator's to fix: one line.
    if (error instanceof AppError) throw new StartupError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

// Commands change data like the app does: the same reactions to training events.
registerTrainingReactions();

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (argv: string[]) => Promise<void>> = {
  'bootstrap-admin': bootstrapAdminCommand,
  import: importStaff,
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
