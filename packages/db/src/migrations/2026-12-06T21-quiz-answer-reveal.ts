import { type Kysely } from 'kysely';

// Frozen: whether a module shows the correct answers once a learner passes or runs out of
// attempts. Off for every existing module: until now a blank submission revealed them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('module_version')
    .addColumn('reveal_answers', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('module_version').dropColumn('reveal_answers').execute();
}
