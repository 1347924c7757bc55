import { DesktopOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FullPageSpin } from '../../../components/full-page-spin';
import { LoadErrorResult } from '../../../components/load-error-result';
import { PageHeader } from '../../../components/page-header';
import { ReportButtons } from '../../../components/report-buttons';
import { lazyComponent } from '../../../lib/lazy-component';
import { useCan } from '../../../lib/use-me';
import { useParkOptions } from '../../../lib/use-park-options';
import { useI18n } from '../../../locales/i18n-context';
import { type CockpitFilters, useCockpit } from '../api/use-cockpit';
import { CockpitBoard } from '../components/cockpit-board';

// The year, park and chain pickers (the select widgets) load after the figures.
const CockpitFilterBar = lazyComponent(() =>
  import('../components/cockpit-filter-bar').then((m) => m.CockpitFilterBar),
);

/** The filters in the address (`?year=&park=&chain=`), so "back" from a list restores them. */
function filtersFromSearch(search: URLSearchParams): CockpitFilters {
  const year = Number(search.get('year'));
  return {
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(search.get('park') ? { park: search.get('park') as string } : {}),
    ...(search.get('chain') ? { chain: search.get('chain') as string } : {}),
  };
}

/** `/cockpit` 驾驶舱: the leaders' page, filtered by year, park and chain; every chart clicks through. */
export function CockpitPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const setFilters = (next: (f: CockpitFilters) => CockpitFilters) => {
    const f = next(filters);
    const q: Record<string, string> = {};
    if (f.year !== undefined) q.year = String(f.year);
    if (f.park) q.park = f.park;
    if (f.chain) q.chain = f.chain;
    setSearch(q, { replace: true });
  };
  const cockpit = useCockpit(filters);
  const data = cockpit.data;
  const can = useCan();
  const parks = useParkOptions(can('park.read'));
  // The cockpit's park is the projects' park text; the map wants the park record of that name.
  const parkId = filters.park ? parks.data?.items.find((p) => p.name === filters.park)?.id : undefined;
  const mapQuery = new URLSearchParams({
    ...(parkId ? { parkId } : {}),
    ...(filters.chain ? { chainId: filters.chain } : {}),
  }).toString();
  return (
    <>
      <PageHeader
        title={t('cockpit.title')}
        subtitle={t('cockpit.clickHint')}
        extra={
          <Space wrap>
            <ReportButtons />
            {can('park.read') && (
              <Link to={`/map${mapQuery ? `?${mapQuery}` : ''}`} data-testid="cockpit-to-map">
                <Button>{t('cockpit.onMap')}</Button>
              </Link>
            )}
            <Button
              icon={<DesktopOutlined />}
              onClick={() => navigate('/screen')}
              data-testid="cockpit-wall-screen"
            >
              {t('cockpit.wallScreen')}
            </Button>
          </Space>
        }
      />
      <CockpitFilterBar filters={filters} cockpit={data} onChange={setFilters} />
      {cockpit.isError ? (
        <LoadErrorResult error={cockpit.error} onRetry={() => cockpit.refetch()} />
      ) : data ? (
        <CockpitBoard data={data} />
      ) : (
        <FullPageSpin />
      )}
    </>
  );
}
