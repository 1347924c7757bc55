import { Empty, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import { fieldLabel, valueText } from './audit-labels';
import './audit-messages';

type ChangeKind = 'changed' | 'added' | 'removed' | 'unchanged';

interface DiffLine {
  field: string;
  before: unknown;
  after: unknown;
  kind: ChangeKind;
}

const KIND_TAG: Record<ChangeKind, { color: string; label: MessageKey }> = {
  changed: { color: 'orange', label: 'audit.changed' },
  added: { color: 'green', label: 'audit.added' },
  removed: { color: 'red', label: 'audit.removed' },
  unchanged: { color: 'default', label: 'audit.unchanged' },
};

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field comparison of two snapshots; a field missing on one side is added or removed. */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): DiffLine[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => {
    const hasBefore = before !== null && Object.hasOwn(before, field);
    const hasAfter = after !== null && Object.hasOwn(after, field);
    const b = hasBefore ? before?.[field] : undefined;
    const a = hasAfter ? after?.[field] : undefined;
    let kind: ChangeKind = 'changed';
    if (!hasBefore) kind = 'added';
    else if (!hasAfter) kind = 'removed';
    else if (sameValue(b, a)) kind = 'unchanged';
    return { field, before: b, after: a, kind };
  });
}

function Value({ field, value, present }: { field: string; value: unknown; present: boolean }) {
  if (!present || value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {valueText(field, value)}
    </Typography.Text>
  );
}

/** The expanded part of an audit row: what each field was and became. */
export function AuditDiff({
  before,
  after,
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}) {
  const { t } = useI18n();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = diffRecords(before, after);
  const changed = rows.filter((row) => row.kind !== 'unchanged');
  const shown = showUnchanged ? rows : changed;
  const unchangedCount = rows.length - changed.length;

  if (rows.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChanges')} />;
  }
  return (
    <div data-testid="audit-diff">
      {unchangedCount > 0 ? (
        <div style={{ marginBottom: 8 }}>
          <Switch size="small" checked={showUnchanged} onChange={setShowUnchanged} />{' '}
          <Typography.Text type="secondary">{`${t('audit.showUnchanged')} (${unchangedCount})`}</Typography.Text>
        </div>
      ) : null}
      <Table<DiffLine>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={shown}
        locale={{ emptyText: t('audit.noChanges') }}
        columns={[
          {
            title: t('audit.field'),
            dataIndex: 'field',
            width: 200,
            render: (field: string, row) => (
              <>
                <Typography.Text strong title={field}>
                  {fieldLabel(field, t)}
                </Typography.Text>{' '}
                <Tag color={KIND_TAG[row.kind].color}>{t(KIND_TAG[row.kind].label)}</Tag>
              </>
            ),
          },
          {
            title: t('audit.before'),
            dataIndex: 'before',
            render: (_value, row) => (
              <Value field={row.field} value={row.before} present={row.kind !== 'added'} />
            ),
          },
          {
            title: t('audit.after'),
            dataIndex: 'after',
            render: (_value, row) => (
              <Value field={row.field} value={row.after} present={row.kind !== 'removed'} />
            ),
          },
        ]}
      />
    </div>
  );
}
