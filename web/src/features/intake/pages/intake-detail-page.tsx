import { CheckCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Modal,
  Result,
  Row,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadErrorResult } from '../../../components/load-error-result';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/date-format';
import { errorText } from '../../../lib/error-text';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type Intake, type IntakeProposal, type Touched, useApplyIntake, useIntake } from '../api/use-intake';
import { HighlightedText, HighlightLegend } from '../components/highlighted-text';
import { ProjectFacts } from '../components/project-facts';
import { type LocalDecision, ProposalCard } from '../components/proposal-card';
import { ProposalEditModal } from '../components/proposal-edit-modal';
import '../../../locales/intake.messages';

const ENTITY_PATH = { firm: '/firms', lead: '/leads', project: '/projects' } as const;

/** `/intake/:id`: the articles with what was read highlighted, and the proposals to accept, edit or drop. */
export function IntakeDetailPage() {
  const { id = '' } = useParams();
  const intake = useIntake(id);
  if (intake.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (intake.isError) {
    if (intake.error instanceof ApiError && intake.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult error={intake.error} onRetry={() => intake.refetch()} />;
  }
  return <IntakeReview intake={intake.data} />;
}

function IntakeReview({ intake }: { intake: Intake }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const [params] = useSearchParams();
  const apply = useApplyIntake(intake.id);
  const readOnly = intake.status !== 'open' || !can('intake.run');
  const [articleId, setArticleId] = useState(params.get('article') ?? intake.articles[0]?.id ?? '');
  const [selected, setSelected] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<Record<string, LocalDecision>>({});
  const [editing, setEditing] = useState<IntakeProposal | null>(null);
  const [touched, setTouched] = useState<Touched[] | null>(null);
  const [onlyArticle, setOnlyArticle] = useState(false);
  const [projectFocus, setProjectFocus] = useState<Array<{ start: number; end: number }>>([]);

  const byId = useMemo(() => new Map(intake.proposals.map((p) => [p.id, p])), [intake.proposals]);
  const article = intake.articles.find((a) => a.id === articleId) ?? intake.articles[0];
  const selectedProposal = selected ? byId.get(selected) : undefined;
  const focus = useMemo(
    () =>
      selectedProposal && selectedProposal.articleId === article?.id
        ? selectedProposal.highlights
        : projectFocus,
    [selectedProposal, article?.id, projectFocus],
  );
  const decisionOf = (p: IntakeProposal): LocalDecision => decisions[p.id] ?? { action: 'undecided' };
  const accepted = intake.proposals.filter((p) => decisionOf(p).action === 'accept');
  const shown = onlyArticle ? intake.proposals.filter((p) => p.articleId === article?.id) : intake.proposals;

  const decide = (p: IntakeProposal, action: LocalDecision['action']) => {
    setDecisions((current) => {
      const next = { ...current, [p.id]: { ...current[p.id], action } };
      // Dropping a new firm drops the tags that would go on it.
      if (action === 'drop' && p.kind === 'create_firm') {
        for (const q of intake.proposals) {
          if (q.dependsOn === p.id && q.kind === 'add_signal_tag') next[q.id] = { action: 'drop' };
        }
      }
      return next;
    });
  };

  const handleApply = () => {
    Modal.confirm({
      title: t('intake.applyConfirmTitle'),
      content: t('intake.applyConfirm', {
        accepted: accepted.length,
        dropped: intake.proposals.length - accepted.length,
      }),
      okText: t('intake.apply'),
      onOk: () =>
        apply.mutateAsync(
          intake.proposals.map((p) => {
            const d = decisionOf(p);
            return d.action === 'accept'
              ? { proposalId: p.id, action: 'accept' as const, ...(d.payload ? { payload: d.payload } : {}) }
              : { proposalId: p.id, action: 'drop' as const };
          }),
          { onSuccess: (result) => setTouched(result.touched) },
        ),
    });
  };

  const appliedLinks: Touched[] =
    touched ??
    intake.proposals
      .filter((p) => p.status === 'applied' && (p.resultId ?? p.targetId))
      .map((p) => ({
        entity: p.targetEntity,
        id: p.resultId ?? p.targetId ?? '',
        name: p.title,
        action: 'update' as const,
        proposalId: p.id,
      }));

  return (
    <>
      <PageHeader
        title={article?.title ?? intake.fileName ?? t('intake.untitled')}
        crumbs={[{ title: t('intake.title'), path: '/intake' }]}
        subtitle={
          <Space size={6} wrap>
            <Tag>{t(`intake.source.${intake.sourceKind}`)}</Tag>
            {intake.fileName ? <span>{intake.fileName}</span> : null}
            {intake.encoding && intake.encoding !== 'utf-8' ? <Tag>{intake.encoding}</Tag> : null}
            {intake.articleDate ? (
              <span>{t('intake.articleDateIs', { date: intake.articleDate })}</span>
            ) : null}
            <Tag color={intake.status === 'applied' ? 'green' : 'blue'}>
              {t(`intake.status.${intake.status}`)}
            </Tag>
            <Typography.Text type="secondary">
              {[intake.createdByName, formatDateTime(intake.createdAt)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Space>
        }
      />
      <Flex vertical gap={16}>
        {intake.warnings.length > 0 ? (
          <Alert type="warning" showIcon message={intake.warnings.join('；')} />
        ) : null}
        {appliedLinks.length > 0 && intake.status === 'applied' ? (
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={t('intake.appliedTitle', { count: appliedLinks.length })}
            subTitle={
              intake.appliedAt
                ? [intake.appliedByName, formatDateTime(intake.appliedAt)].filter(Boolean).join(' · ')
                : null
            }
            extra={
              <Flex vertical gap={4} data-testid="intake-touched">
                {appliedLinks.map((x) => (
                  <Link key={`${x.proposalId}`} to={`${ENTITY_PATH[x.entity]}/${x.id}`}>
                    {t(`intake.entity.${x.entity}`)}：{x.name}
                  </Link>
                ))}
              </Flex>
            }
          />
        ) : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              title={t('intake.articles', { count: intake.articles.length })}
              extra={<HighlightLegend />}
              styles={{ body: { paddingTop: 0 } }}
            >
              {intake.articles.length === 0 ? (
                <Empty description={t('intake.noArticles')} />
              ) : (
                <Tabs
                  activeKey={article?.id}
                  onChange={setArticleId}
                  items={intake.articles.map((a) => {
                    const n = intake.proposals.filter((p) => p.articleId === a.id).length;
                    return {
                      key: a.id,
                      label: (
                        <Badge count={n} size="small" offset={[8, -2]} color="blue">
                          <span data-testid={`intake-article-tab-${a.position}`}>
                            {(a.title ?? t('intake.untitled')).slice(0, 14)}
                          </span>
                        </Badge>
                      ),
                      children: (
                        <Flex vertical gap={8}>
                          {a.duplicateOf ? (
                            <Alert
                              type="info"
                              showIcon
                              data-testid={`intake-already-imported-${a.position}`}
                              message={t('intake.alreadyImported', {
                                date: formatDateTime(a.duplicateOf.importedAt),
                              })}
                              action={
                                <Link
                                  to={`/intake/${a.duplicateOf.intakeId}?article=${a.duplicateOf.articleId}`}
                                >
                                  {t('intake.openFirstImport')}
                                </Link>
                              }
                            />
                          ) : null}
                          <ProjectFacts
                            projects={a.projects}
                            onFocus={(spans) => {
                              setSelected(null);
                              setProjectFocus(spans);
                            }}
                          />
                          {a.byline || a.dateline ? (
                            <Typography.Text type="secondary">
                              {[a.byline, a.dateline].filter(Boolean).join(' ')}
                            </Typography.Text>
                          ) : null}
                          {a.matches.length > 0 ? (
                            <Space size={4} wrap>
                              <Typography.Text type="secondary">{t('intake.recognised')}</Typography.Text>
                              {a.matches.map((m) => (
                                <Link
                                  key={`${m.kind}-${m.recordId}`}
                                  to={`${m.kind === 'firm' ? '/firms' : '/projects'}/${m.recordId}`}
                                >
                                  <Tag color={m.kind === 'firm' ? 'purple' : 'geekblue'}>{m.recordName}</Tag>
                                </Link>
                              ))}
                            </Space>
                          ) : null}
                          <HighlightedText text={a.text} highlights={a.highlights} focus={focus} />
                        </Flex>
                      ),
                    };
                  })}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card
              title={t('intake.proposals', { count: intake.proposals.length })}
              extra={
                <Button
                  size="small"
                  type={onlyArticle ? 'primary' : 'default'}
                  onClick={() => setOnlyArticle((v) => !v)}
                >
                  {t('intake.onlyThisArticle')}
                </Button>
              }
            >
              <Flex vertical gap={12}>
                {shown.length === 0 ? <Empty description={t('intake.noProposals')} /> : null}
                {shown.map((p) => (
                  <ProposalCard
                    key={p.id}
                    proposal={p}
                    decision={decisionOf(p)}
                    dependsOnPosition={p.dependsOn ? (byId.get(p.dependsOn)?.position ?? null) : null}
                    articleTitle={
                      onlyArticle ? null : (intake.articles.find((a) => a.id === p.articleId)?.title ?? null)
                    }
                    readOnly={readOnly}
                    selected={selected === p.id}
                    onSelect={() => {
                      setSelected(p.id);
                      setArticleId(p.articleId);
                    }}
                    onDecide={(action) => decide(p, action)}
                    onEdit={() => setEditing(p)}
                  />
                ))}
                {!readOnly ? (
                  <Flex
                    vertical
                    gap={8}
                    style={{ position: 'sticky', bottom: 0, background: '#fff', paddingTop: 8 }}
                  >
                    {apply.isError ? (
                      <Alert
                        type="error"
                        showIcon
                        message={errorText(apply.error, pick)}
                        data-testid="intake-apply-error"
                      />
                    ) : null}
                    <Space wrap>
                      <Button
                        type="primary"
                        onClick={handleApply}
                        loading={apply.isPending}
                        disabled={accepted.length === 0}
                        data-testid="intake-apply"
                      >
                        {t('intake.applyCount', { count: accepted.length })}
                      </Button>
                      <Typography.Text type="secondary">{t('intake.applyHint')}</Typography.Text>
                    </Space>
                  </Flex>
                ) : null}
              </Flex>
            </Card>
          </Col>
        </Row>
      </Flex>
      {editing ? (
        <ProposalEditModal
          proposal={editing}
          payload={decisions[editing.id]?.payload ?? editing.payload}
          onClose={() => setEditing(null)}
          onSave={(payload) => {
            setDecisions((current) => ({ ...current, [editing.id]: { action: 'accept', payload } }));
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
