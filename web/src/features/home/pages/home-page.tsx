import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { zoneHour } from '../../../lib/date-format';
import { useModuleRegistry, visibleModules } from '../../../lib/module-registry';
import { useSignedInMe } from '../../../lib/use-me';
import { useI18n } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';

function greetingKey(hour: number): MessageKey {
  if (hour < 12) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/** `/`: who you are, what your role is for, and the modules you can open — no figures until there are real ones. */
export function HomePage() {
  const { t } = useI18n();
  const { user, permissions } = useSignedInMe();
  const modules = visibleModules(useModuleRegistry(), permissions).filter((module) => module.path !== '/');

  return (
    <Flex vertical gap={16}>
      <Card
        variant="borderless"
        style={{ background: 'linear-gradient(120deg, #0f2a4d 0%, #1d5bbf 100%)' }}
        styles={{ body: { padding: '28px 32px' } }}
      >
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>
          {t('app.zoneName')} · {t('app.platformName')}
        </Typography.Text>
        <Typography.Title level={2} style={{ color: '#fff', margin: '8px 0' }} data-testid="home-greeting">
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

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('home.whatYouCanDo')} style={{ height: '100%' }}>
            {modules.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            <Row gutter={[16, 16]}>
              {modules.map((module) => {
                const Icon = module.icon;
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
                            <Icon />
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
