import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** Officers (专员) who hold at least one project: the choices of the warnings' officer filter. */
export async function projectOfficers(db: Kysely<Database>) {
  return db
    .selectFrom('app_user')
    .select(['app_user.id as id', 'app_user.display_name as name'])
    .where('app_user.id', 'in', (eb) =>
      eb.selectFrom('project').select('project.officer_id').where('project.officer_id', 'is not', null),
    )
    .orderBy('app_user.display_name')
    .orderBy('app_user.id')
    .execute();
}
