import { CheckOutlined, CloseOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { isProjectStage, projectStageLabel } from '../../../../../shared/src/project-stage';
import { useFormatMoney } from '../../../components/money-text';
import { useFieldLabel } from '../../../lib/intake-field-label';
import { useI18n } from '../../../locales/i18n-context';
import type { IntakeProposal } from '../api/use-intake';
import '../../../locales/intake.messages';

/** What the officer decided about a proposal on this screen (nothing is written before apply). */
export type LocalDecision = { action: 'accept' | 'drop' | 'undecided'; payload?: Record<string, unknown> };

const KIND_COLORS: Record<IntakeProposal['kind'], string> = {
  create_firm: 'purple',
  create_lead: 'blue',
  update_project_stage: 'magenta',
  update_project_figures: 'gold',
  add_signal_tag: 'red',
};

const MONEY_KEYS = new Set(['totalInvestment', 'expectedOutput', 'expectedTax', 'estimatedInvestment']);

/** A readable value: money as 5.6亿元, stages by name, lists joined. */
export function useFormatValue() {
  const money = useFormatMoney();
  const { pick, t } = useI18n();
  return (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (MONEY_KEYS.has(key) && typeof value === 'number') return money(value);
    if ((key === 'to' || key === 'stage') && isProjectStage(value)) return pick(projectStageLabel(value));
    if (Array.isArray(value)) return value.length ? value.join('、') : t('common.none');
    return String(value);
  };
}

/** The rows a proposal shows: for updates current vs proposed side by side, for creates the values. */
export function proposalRows(p: IntakeProposal, payload: Record<string, unknown>) {
  if (p.kind === 'update_project_figures') {
    const fields = (payload.fields ?? {}) as Record<string, unknown>;
    const clear = Array.isArray(payload.clear) ? (payload.clear as string[]) : [];
    return [
      // An empty field keeps the stored value, so it is shown as the stored value.
      ...Object.entries(fields)
        .filter(([key]) => !clear.includes(key))
        .map(([key, value]) => ({
          key,
          current: p.current?.[key],
          proposed: value === null || value === undefined || value === '' ? p.current?.[key] : value,
          cleared: false,
        })),
      ...clear.map((key) => ({ key, current: p.current?.[key], proposed: null, cleared: true })),
    ];
  }
  if (p.kind === 'update_project_stage') {
    return [
      { key: 'stage', current: p.current?.stage, proposed: payload.to, cleared: false },
      { key: 'stageDate', current: p.current?.stageDate, proposed: payload.date, cleared: false },
    ];
  }
  if (p.kind === 'add_signal_tag') {
    const proposed = `+ ${String(payload.tag ?? '')}`;
    return [{ key: 'tags', current: p.current?.tags ?? null, proposed, cleared: false }];
  }
  return Object.entries(payload)
    .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
    .map(([key, value]) => ({
      key,
      current: undefined,
      // A firm is shown by its name, never by its id.
      proposed: typeof value === 'string' && p.names[value] ? p.names[value] : value,
      cleared: false,
    }));
}

const ENTITY_PATH = { firm: '/firms', lead: '/leads', project: '/projects' } as const;

/**
 * One proposal: what it would do, the values side by side (a conflict — a stored value that
 * differs — in red), the match it rests on, and accept / edit / drop.
 */
export function ProposalCard({
  proposal: p,
  decision,
  dependsOnPosition,
  articleTitle,
  readOnly,
  selected,
  onSelect,
  onDecide,
  onEdit,
}: {
  proposal: IntakeProposal;
  decision: LocalDecision;
  dependsOnPosition: number | null;
  articleTitle: string | null;
  readOnly: boolean;
  selected: boolean;
  onSelect: () => void;
  onDecide: (action: 'accept' | 'drop' | 'undecided') => void;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const format = useFormatValue();
  const label = useFieldLabel();
  const payload = decision.payload ?? p.payload;
  const rows = proposalRows(p, payload);
  const isUpdate = p.kind !== 'create_firm' && p.kind !== 'create_lead';
  const status = readOnly ? p.status : decision.action;
  const statusTag =
    status === 'accept' || status === 'applied' ? (
      <Tag color="green">{t(status === 'applied' ? 'intake.status.applied' : 'intake.decision.accept')}</Tag>
    ) : status === 'drop' || status === 'dropped' ? (
      <Tag>{t('intake.decision.drop')}</Tag>
    ) : null;
  const resultId = p.resultId ?? p.targetId;

  return (
    <Card
      size="small"
      data-testid={`intake-proposal-${p.position}`}
      onClick={onSelect}
      style={{
        cursor: 'pointer',
        borderColor: selected ? '#1677ff' : undefined,
        opacity: status === 'drop' || status === 'dropped' ? 0.6 : 1,
      }}
      title={
        <Space size={6} wrap>
          <Typography.Text type="secondary">#{p.position}</Typography.Text>
          <Tag color={KIND_COLORS[p.kind]}>{t(`intake.proposalKind.${p.kind}`)}</Tag>
          {decision.payload ? <Tag color="orange">{t('intake.edited')}</Tag> : null}
          {statusTag}
        </Space>
      }
      extra={
        readOnly ? (
          p.status === 'applied' && resultId ? (
            <Link to={`${ENTITY_PATH[p.targetEntity]}/${resultId}`} onClick={(e) => e.stopPropagation()}>
              <LinkOutlined /> {t('intake.openRecord')}
            </Link>
          ) : null
        ) : (
          <Space size={4} onClick={(e) => e.stopPropagation()}>
            <Button
              size="small"
              type={decision.action === 'accept' ? 'primary' : 'default'}
              icon={<CheckOutlined />}
              data-testid={`intake-accept-${p.position}`}
              // Accept is not a toggle: pressing it again (say after an edit) keeps the proposal accepted.
              onClick={() => onDecide('accept')}
            >
              {t('intake.accept')}
            </Button>
            <Button
              size="small"
              icon={<EditOutlined />}
              data-testid={`intake-edit-${p.position}`}
              onClick={onEdit}
            >
              {t('common.edit')}
            </Button>
            <Button
              size="small"
              danger={decision.action === 'drop'}
              icon={<CloseOutlined />}
              data-testid={`intake-drop-${p.position}`}
              onClick={() => onDecide(decision.action === 'drop' ? 'undecided' : 'drop')}
            >
              {t('intake.drop')}
            </Button>
          </Space>
        )
      }
    >
      <Flex vertical gap={6}>
        <Typography.Text strong>{p.title}</Typography.Text>
        {p.match ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('intake.matchedTo', { name: p.match.name, score: Math.round(p.match.score * 100) })}
          </Typography.Text>
        ) : null}
        {dependsOnPosition ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('intake.dependsOn', { n: dependsOnPosition })}
          </Typography.Text>
        ) : null}
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: t('intake.col.field'), dataIndex: 'key', width: 120, render: (k: string) => label(k) },
            ...(isUpdate
              ? [
                  {
                    title: t('intake.col.current'),
                    key: 'current',
                    render: (_: unknown, r: (typeof rows)[number]) => format(r.key, r.current),
                  },
                ]
              : []),
            {
              title: t('intake.col.proposed'),
              key: 'proposed',
              render: (_: unknown, r: (typeof rows)[number]) => {
                // A conflict: the project already holds a different figure (side by side, in red).
                const conflict =
                  p.kind === 'update_project_figures' &&
                  r.current !== null &&
                  r.current !== undefined &&
                  r.current !== r.proposed;
                if (r.cleared) {
                  return (
                    <Typography.Text type="danger" delete data-testid={`intake-cleared-${r.key}`}>
                      {format(r.key, r.current)} {t('intake.cleared')}
                    </Typography.Text>
                  );
                }
                return (
                  <Typography.Text type={conflict ? 'danger' : undefined} strong={conflict}>
                    {format(r.key, r.proposed)}
                  </Typography.Text>
                );
              },
            },
          ]}
        />
        {articleTitle ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('intake.fromArticle', { title: articleTitle })}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
