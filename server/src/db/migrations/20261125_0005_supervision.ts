import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Factor guarantees and supervision (issue 5): factor requests to departments with their events
 * and attachments, escalation records, supervised tasks with units, roadmap and progress reports,
 * campaigns and their actions, problem lists, figures of programmes and pilots, notifications and
 * the outbound channel (email or chat-bot webhook).
 */
export async function up(db: AnyDb): Promise<void> {
  // Attachment bytes live in the database (decision 004): a blob on SQLite, bytea on PostgreSQL.
  const blob = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';

  await db.schema
    .createTable('factor_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('project_id', 'text', (c) => c.references('project.id'))
    .addColumn('firm_id', 'text', (c) => c.notNull().references('firm.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // The date the firm needs it by; the department's deadline is set on assignment.
    .addColumn('needed_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('department_id', 'text', (c) => c.references('department.id'))
    .addColumn('deadline', 'text')
    .addColumn('resolution', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('raised_by_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('raised_by_name', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The department queue (own department, open, by deadline) and the zone-wide overdue sweep.
  await db.schema
    .createIndex('factor_request_dept_idx')
    .on('factor_request')
    .columns(['department_id', 'status', 'deadline'])
    .execute();
  await db.schema
    .createIndex('factor_request_status_idx')
    .on('factor_request')
    .columns(['status', 'deadline'])
    .execute();
  await db.schema
    .createIndex('factor_request_firm_idx')
    .on('factor_request')
    .columns(['firm_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('factor_request_project_idx')
    .on('factor_request')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('request_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('factor_request.id').onDelete('cascade'))
    // status | note | assign
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('department_id', 'text')
    .addColumn('deadline', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_event_request_idx')
    .on('request_event')
    .columns(['request_id', 'at'])
    .execute();

  // One row per item, level and deadline: the sweep inserts a step once, whatever how often it runs.
  await db.schema
    .createTable('escalation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('escalation_uq')
    .on('escalation')
    .columns(['entity', 'entity_id', 'level', 'deadline'])
    .unique()
    .execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // factor_request | task | problem_item
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('uploaded_by_id', 'text')
    .addColumn('uploaded_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachment_entity_idx')
    .on('attachment')
    .columns(['entity', 'entity_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // actions (十二项提升行动) | reform (a county's reform pilots)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('theme', 'text')
    .addColumn('year', 'integer')
    .addColumn('region', 'text')
    .addColumn('description', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('campaign_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lead_department_id', 'text', (c) => c.references('department.id'))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_action_campaign_idx')
    .on('campaign_action')
    .columns(['campaign_id', 'position'])
    .execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_title', 'text')
    .addColumn('campaign_id', 'text', (c) => c.references('campaign.id'))
    .addColumn('campaign_action_id', 'text', (c) => c.references('campaign_action.id'))
    .addColumn('lead_department_id', 'text', (c) => c.notNull().references('department.id'))
    // The leader who supervises it: the top of its escalation.
    .addColumn('leader_name', 'text')
    .addColumn('deadline', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // Reform pilots: who granted the pilot and what came of it (a promoted experience, …).
    .addColumn('pilot_level', 'text')
    .addColumn('outcome', 'text')
    .addColumn('region', 'text')
    .addColumn('evidence', 'text')
    .addColumn('proposed_at', 'text')
    .addColumn('proposed_by_name', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('close_note', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('created_by_id', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_status_idx').on('task').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('task_type_idx').on('task').columns(['type', 'status']).execute();
  await db.schema
    .createIndex('task_campaign_idx')
    .on('task')
    .columns(['campaign_id', 'campaign_action_id'])
    .execute();

  // Lead and cooperating units: "the tasks my department is on" is one index lookup.
  await db.schema
    .createTable('task_unit')
    .addColumn('task_id', 'text', (c) => c.notNull().references('task.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('department.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_unit_pk', ['task_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('task_unit_dept_idx')
    .on('task_unit')
    .columns(['department_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('task_milestone')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('task.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('done_date', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_milestone_task_idx')
    .on('task_milestone')
    .columns(['task_id', 'position'])
    .execute();

  await db.schema
    .createTable('task_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('task.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.references('department.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_report_task_idx')
    .on('task_report')
    .columns(['task_id', 'period_key'])
    .execute();

  await db.schema
    .createTable('problem_list')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_title', 'text')
    .addColumn('issued_date', 'text', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('problem_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('list_id', 'text', (c) => c.notNull().references('problem_list.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('department.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('closed_date', 'text')
    .addColumn('evidence', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('problem_item_list_idx')
    .on('problem_item')
    .columns(['list_id', 'position'])
    .execute();
  await db.schema
    .createIndex('problem_item_dept_idx')
    .on('problem_item')
    .columns(['department_id', 'closed_date', 'deadline'])
    .execute();

  // Figures of a programme (对口支援: students per cohort, pass rate) or a campaign (pilot counts).
  await db.schema
    .createTable('figure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text')
    // '' for a running total; a year or a cohort ('2015级') for a per-period figure.
    .addColumn('period', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('figure_uq')
    .on('figure')
    .columns(['owner_kind', 'owner_id', 'key', 'period'])
    .unique()
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    // Makes "tell this user about this event" idempotent (escalation sweeps, repeated moves).
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_user_idx')
    .on('notification')
    .columns(['user_id', 'read_at', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_dedupe_uq')
    .on('notification')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('outbound_channel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // smtp | webhook
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('config_json', 'text', (c) => c.notNull())
    // SMTP password or the bot's webhook key: never returned by the API, never in the audit log.
    .addColumn('secret', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbound_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('outbound_channel.id').onDelete('cascade'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // pending | sent | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbound_delivery_uq')
    .on('outbound_delivery')
    .columns(['channel_id', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('outbound_delivery_due_idx')
    .on('outbound_delivery')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'outbound_delivery',
    'outbound_channel',
    'notification',
    'figure',
    'problem_item',
    'problem_list',
    'task_report',
    'task_milestone',
    'task_unit',
    'task',
    'campaign_action',
    'campaign',
    'attachment',
    'escalation',
    'request_event',
    'factor_request',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
