import { Descriptions, Drawer, List, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { LeadStatus } from '../../../../../shared/src/lead-status';
import type { ProjectStage } from '../../../../../shared/src/project-stage';
import { LeadStatusTag } from '../../../components/lead-status-tag';
import { useFormatMoney } from '../../../components/money-text';
import { SampleTag } from '../../../components/sample-tag';
import { StageTag } from '../../../components/stage-tag';
import { useI18n } from '../../../locales/i18n-context';
import { type MapLink, useLinkRecords } from '../api/use-chains';
import { firmCount, LinkStateTag } from './link-state';
import { TargetsTable } from './targets-table';
import './chain-messages';

interface LinkDrawerProps {
  chainId: string;
  link: MapLink | null;
  onClose: () => void;
}

/** A link of the map: its counts, its firms, projects and leads, and its ranked targets. */
export function LinkDrawer({ chainId, link, onClose }: LinkDrawerProps) {
  const { t } = useI18n();
  const formatMoney = useFormatMoney();
  const records = useLinkRecords(chainId, link?.id ?? null);
  const r = records.data;
  // Gaps open on the targets: that is what a missing or weak link is looked at for.
  const defaultTab = link && link.state !== 'strong' ? 'targets' : 'firms';
  return (
    <Drawer
      open={!!link}
      onClose={onClose}
      size={1000}
      title={
        link ? (
          <Space>
            {link.name}
            <LinkStateTag state={link.state} />
          </Space>
        ) : null
      }
      destroyOnHidden
    >
      {link ? (
        <div data-testid="chain-link-drawer">
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('chain.position')}>
              {t(`chain.position.${link.position}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chain.count.firms')}>{firmCount(link)}</Descriptions.Item>
            <Descriptions.Item label={t('chain.count.projects')}>{link.total.projects}</Descriptions.Item>
            <Descriptions.Item label={t('chain.count.investment')}>
              {formatMoney(link.total.investment)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chain.link.codes')} span={2}>
              {link.industryCodes.join('、') || t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('chain.link.keywords')} span={2}>
              {link.keywords.map((k) => (
                <Tag key={k}>{k}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            defaultActiveKey={defaultTab}
            items={[
              {
                key: 'targets',
                label: <span data-testid="link-tab-targets">{t('chain.tab.targets')}</span>,
                children: <TargetsTable chainId={chainId} linkId={link.id} />,
              },
              {
                key: 'firms',
                label: `${t('chain.tab.firms')} (${r?.firms.length ?? 0})`,
                children: (
                  <List
                    size="small"
                    loading={records.isFetching}
                    dataSource={r?.firms ?? []}
                    renderItem={(f) => (
                      <List.Item>
                        <Space>
                          <Link to={`/firms/${f.id}`}>{f.name}</Link>
                          <Tag color={f.isLocal ? 'green' : 'default'}>
                            {t(f.isLocal ? 'chain.local' : 'chain.external')}
                          </Tag>
                          <SampleTag isSample={f.isSample} />
                        </Space>
                      </List.Item>
                    )}
                  />
                ),
              },
              {
                key: 'projects',
                label: `${t('chain.tab.projects')} (${r?.projects.length ?? 0})`,
                children: (
                  <List
                    size="small"
                    loading={records.isFetching}
                    dataSource={r?.projects ?? []}
                    renderItem={(p) => (
                      <List.Item extra={formatMoney(p.totalInvestment)}>
                        <Space>
                          <Link to={`/projects/${p.id}`}>{p.name}</Link>
                          <StageTag stage={p.stage as ProjectStage} />
                          <SampleTag isSample={p.isSample} />
                        </Space>
                      </List.Item>
                    )}
                  />
                ),
              },
              {
                key: 'leads',
                label: `${t('chain.tab.leads')} (${r?.leads.length ?? 0})`,
                children: (
                  <List
                    size="small"
                    loading={records.isFetching}
                    dataSource={r?.leads ?? []}
                    renderItem={(l) => (
                      <List.Item extra={<LeadStatusTag status={l.status as LeadStatus} />}>
                        <Space>
                          <Link to={`/leads/${l.id}`}>{l.title}</Link>
                          <Typography.Text type="secondary">{l.code}</Typography.Text>
                          <SampleTag isSample={l.isSample} />
                        </Space>
                      </List.Item>
                    )}
                  />
                ),
              },
            ]}
          />
        </div>
      ) : null}
    </Drawer>
  );
}
