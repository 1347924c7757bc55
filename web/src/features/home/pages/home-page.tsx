import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { zoneHour } from '../../../lib/date-format';
import { lazyComponent } from '../../../lib/lazy-component';
import { useModuleRegistry, visibleModules } from '../../../lib/module-registry';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useCan, useSignedInMe } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import { useListTotal, useRoundsToFile, useWorkSections } from '../api/use-workbench';
import { WorkList, type WorkTile, WorkTiles } from '../components/work-tiles';

// The module cards' icons come in the menu icons' own chunk (lib/module-icons.tsx), after the page.
const ModuleIcon = lazyComponent(() => import('../../../lib/module-icons').then((m) => m.ModuleIcon));

function greetingKey(hour: number): MessageKey {
  if (hour < 12) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/**
 * `/` 工作台 the workbench: the user's own work with counts, one tap from each — to confirm, overdue,
 * due this week, assigned (from the inbox), and by role the rounds to file (a firm), my leads and
 * projects (an officer) — then the modules they can open. All figures come from the list endpoints.
 */
export function HomePage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const { user, permissions } = useSignedInMe();
  const modules = visibleModules(useModuleRegistry(), permissions).filter((module) => module.path !== '/');
  const work = useWorkSections();
  const rounds = useRoundsToFile(can('round.report'));
  const officer = user.role === 'officer';
  const myLeads = useListTotal('/api/leads', { mine: true }, officer && can('lead.read'));
  const myProjects = useListTotal('/api/projects', { officerId: user.id }, officer && can('project.read'));
  const sections = work.data;
  const tiles: WorkTile[] = [
    { key: 'toConfirm', label: t('inbox.toConfirm'), count: sections?.toConfirm.length, to: '/inbox' },
    {
      key: 'overdue',
      label: t('inbox.overdue'),
      count: sections?.overdue.length,
      to: '/inbox',
      danger: true,
    },
    { key: 'dueThisWeek', label: t('inbox.dueThisWeek'), count: sections?.dueThisWeek.length, to: '/inbox' },
    { key: 'assigned', label: t('inbox.assigned'), count: sections?.assigned.length, to: '/inbox' },
    ...(can('round.report')
      ? [
          {
            key: 'roundsToFile',
            label: t('workbench.roundsToFile'),
            count: rounds.data?.length,
            to: rounds.data?.length === 1 ? `/rounds/${rounds.data[0]?.id}` : '/rounds',
            danger: true,
          },
        ]
      : []),
    ...(officer && can('lead.read')
      ? [{ key: 'myLeads', label: t('workbench.myLeads'), count: myLeads.data, to: '/leads' }]
      : []),
    ...(officer && can('project.read')
      ? [{ key: 'myProjects', label: t('workbench.myProjects'), count: myProjects.data, to: '/projects' }]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        variant="borderless"
        style={{ background: 'linear-gradient(120deg, #0f2a4d 0%, #1d5bbf 100%)' }}
        styles={{ body: { padding: isPhone ? '16px' : '28px 32px' } }}
      >
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>
          {t('app.zoneName')} · {t('app.platformName')}
        </Typography.Text>
        <Typography.Title
          level={isPhone ? 4 : 2}
          style={{ color: '#fff', margin: '8px 0' }}
          data-testid="home-greeting"
        >
          {t(greetingKey(zoneHour()), { name: user.displayName })}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t(`role.${user.role}`)}
          </Tag>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.9)' }}>
            {t(`role.${user.role}.desc`)}
          </Typography.Text>
        </Flex>
      </Card>

      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('workbench.title')}
      </Typography.Title>
      <WorkTiles tiles={tiles} />
      <Row gutter={[16, 16]}>
        {(['toConfirm', 'overdue', 'dueThisWeek'] as const).map((section) => (
          <Col xs={24} lg={8} key={section}>
            <WorkList section={section} items={sections?.[section] ?? []} loading={work.isPending} />
          </Col>
        ))}
        {rounds.data && rounds.data.length > 0 ? (
          <Col xs={24}>
            <Card size="small" title={t('workbench.roundsToFile')} data-testid="workbench-rounds">
              <Flex vertical gap={8}>
                {rounds.data.map((round) => (
                  <Link key={round.id} to={`/rounds/${round.id}`} style={{ minHeight: 44 }}>
                    {round.title} · {t('round.deadline')} {round.deadline} ·{' '}
                    {t('workbench.reportedOf', { reported: round.reported, expected: round.expected })}
                  </Link>
                ))}
              </Flex>
            </Card>
          </Col>
        ) : null}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('home.whatYouCanDo')} style={{ height: '100%' }}>
            {modules.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            <Row gutter={[16, 16]}>
              {modules.map((module) => {
                return (
                  <Col xs={24} md={12} key={module.key}>
                    <Link to={module.path} data-testid={`home-module-${module.key}`}>
                      <Card hoverable size="small" style={{ height: '100%' }}>
                        <Flex gap={12} align="flex-start">
                          <div
                            style={{
                              flex: '0 0 40px',
                              height: 40,
                              borderRadius: 8,
                              background: '#e8f0fc',
                              color: '#1d5bbf',
                              display: 'grid',
                              placeItems: 'center',
                              fontSize: 20,
                            }}
                          >
                            <ModuleIcon name={module.icon} />
                          </div>
                          <div style={{ minWidth: 0 }}>
                            <Typography.Text strong>{t(module.labelKey)}</Typography.Text>
                            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                              {t(module.descriptionKey)}
                            </Typography.Paragraph>
                          </div>
                          <ArrowRightOutlined
                            style={{ marginLeft: 'auto', color: '#1d5bbf', paddingTop: 4 }}
                          />
                        </Flex>
                      </Card>
                    </Link>
                  </Col>
                );
              })}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card title={t('header.userMenu')}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'username', label: t('home.username'), children: user.username },
                  { key: 'role', label: t('users.role'), children: t(`role.${user.role}`) },
                  ...(user.departmentName
                    ? [{ key: 'department', label: t('home.department'), children: user.departmentName }]
                    : []),
                  ...(user.firmName ? [{ key: 'firm', label: t('home.firm'), children: user.firmName }] : []),
                ]}
              />
            </Card>
            <Card title={t('home.about')}>
              <Typography.Paragraph style={{ margin: 0 }}>{t('home.aboutText')}</Typography.Paragraph>
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
