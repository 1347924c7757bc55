import { InboxOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Segmented, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { INTAKE_FILE_EXTENSIONS, INTAKE_LIMITS } from '../../../../../shared/src/intake-terms';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { ResponsiveTable } from '../../../components/responsive-table';
import { formatDateTime } from '../../../lib/date-format';
import { errorText } from '../../../lib/error-text';
import { useCan } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import { type IntakeListItem, useCreateIntake, useIntakeList } from '../api/use-intake';
import '../../../locales/intake.messages';

const PAGE_SIZE = 20;

/** `/intake` 资讯录入: paste a news text or upload a file, then review it; earlier intakes below. */
export function IntakePage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [articleDate, setArticleDate] = useState('');
  const [page, setPage] = useState(1);
  const create = useCreateIntake();
  const list = useIntakeList({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const canRun = can('intake.run');
  const tooBig = file !== null && file.size > INTAKE_LIMITS.maxFileBytes;

  const handleSubmit = () => {
    create.mutate(
      mode === 'file' && file
        ? { file, articleDate: articleDate || null }
        : { text, articleDate: articleDate || null },
      { onSuccess: (intake) => navigate(`/intake/${intake.id}`) },
    );
  };

  return (
    <>
      <PageHeader title={t('intake.title')} subtitle={t('intake.subtitle')} />
      <Flex vertical gap={16}>
        {canRun ? (
          <Card title={t('intake.new')}>
            <Flex vertical gap={12}>
              <Segmented
                value={mode}
                onChange={(v) => setMode(v as 'text' | 'file')}
                options={[
                  { value: 'text', label: t('intake.mode.text') },
                  { value: 'file', label: t('intake.mode.file') },
                ]}
              />
              {mode === 'text' ? (
                <Input.TextArea
                  data-testid="intake-text"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  rows={12}
                  placeholder={t('intake.textPlaceholder')}
                  maxLength={INTAKE_LIMITS.maxTextChars}
                  showCount
                />
              ) : (
                <Upload.Dragger
                  accept={INTAKE_FILE_EXTENSIONS.join(',')}
                  maxCount={1}
                  beforeUpload={(f) => {
                    setFile(f);
                    return false;
                  }}
                  onRemove={() => setFile(null)}
                  fileList={file ? [{ uid: '1', name: file.name, status: tooBig ? 'error' : 'done' }] : []}
                  data-testid="intake-file"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p>{t('intake.fileHint')}</p>
                  <Typography.Text type="secondary">
                    {t('intake.fileLimit', { mb: INTAKE_LIMITS.maxFileBytes / 1024 / 1024 })}
                  </Typography.Text>
                </Upload.Dragger>
              )}
              {tooBig ? <Alert type="error" showIcon message={t('intake.fileTooBig')} /> : null}
              <Space wrap align="center">
                <Typography.Text>{t('intake.articleDate')}</Typography.Text>
                <Input
                  type="date"
                  value={articleDate}
                  onChange={(e) => setArticleDate(e.target.value)}
                  style={{ width: 180 }}
                  data-testid="intake-article-date"
                />
                <Typography.Text type="secondary">{t('intake.articleDateHint')}</Typography.Text>
              </Space>
              {create.isError ? (
                <Alert
                  type="error"
                  showIcon
                  message={errorText(create.error, pick)}
                  data-testid="intake-error"
                />
              ) : null}
              <div>
                <Button
                  type="primary"
                  icon={<ReadOutlined />}
                  loading={create.isPending}
                  disabled={mode === 'text' ? text.trim() === '' : !file || tooBig}
                  onClick={handleSubmit}
                  data-testid="intake-submit"
                >
                  {t('intake.submit')}
                </Button>
              </div>
            </Flex>
          </Card>
        ) : null}
        <Card title={t('intake.history')}>
          {list.isError ? (
            <LoadErrorResult error={list.error} onRetry={() => list.refetch()} />
          ) : (
            <ResponsiveTable<IntakeListItem>
              rowKey="id"
              size="small"
              loading={list.isPending}
              dataSource={list.data?.items ?? []}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                onChange: setPage,
                showTotal: (total) => t('common.total', { total }),
              }}
              columns={[
                {
                  title: t('intake.col.title'),
                  key: 'title',
                  render: (_v, r) => (
                    <Link to={`/intake/${r.id}`}>{r.title ?? r.fileName ?? t('intake.untitled')}</Link>
                  ),
                },
                {
                  title: t('intake.col.source'),
                  key: 'source',
                  width: 160,
                  render: (_v, r) => (
                    <Space size={4}>
                      <Tag>{t(`intake.source.${r.sourceKind}`)}</Tag>
                      {r.fileName ? <Typography.Text ellipsis>{r.fileName}</Typography.Text> : null}
                    </Space>
                  ),
                },
                {
                  title: t('intake.articleDate'),
                  dataIndex: 'articleDate',
                  width: 120,
                  render: (d) => d ?? '—',
                },
                { title: t('intake.col.articles'), dataIndex: 'articleCount', width: 80 },
                {
                  title: t('intake.col.proposals'),
                  key: 'proposals',
                  width: 120,
                  render: (_v, r) => `${r.appliedCount} / ${r.proposalCount}`,
                },
                {
                  title: t('intake.col.status'),
                  dataIndex: 'status',
                  width: 100,
                  render: (s: IntakeListItem['status']) => (
                    <Tag color={s === 'applied' ? 'green' : 'blue'}>{t(`intake.status.${s}`)}</Tag>
                  ),
                },
                { title: t('intake.col.by'), dataIndex: 'createdByName', width: 120 },
                {
                  title: t('intake.col.at'),
                  dataIndex: 'createdAt',
                  width: 170,
                  render: (at: string) => formatDateTime(at),
                },
              ]}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
