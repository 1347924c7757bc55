import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectList, ProjectListItem } from '../../../../../shared/src/contract/project';
import { fakeApi } from '../../../test/fake-api';
import { renderWithProviders } from '../../../test/render';
import { ProjectsTable } from './projects-table';

// A desk by default; the phone test turns the screen into a phone's (the list then draws cards).
const screenSize = vi.hoisted(() => ({ phone: false }));
vi.mock('../../../lib/use-is-phone', () => ({
  useIsPhone: () => screenSize.phone,
  usePhoneModalProps: () => ({}),
}));
afterEach(() => {
  screenSize.phone = false;
});

/** A list row as the API answers it (the list's columns only). */
const ROW: ProjectListItem = {
  id: 'project-1',
  code: 'XM-2026-001',
  name: '宠物食品智能工厂',
  investors: [{ firmId: 'firm-1', firmName: '坤源宠物', sharePct: null }],
  park: null,
  parkRef: null,
  landMu: null,
  totalInvestment: 500_000_000,
  expectedOutput: null,
  expectedTax: null,
  priority: null,
  officerId: null,
  officerName: null,
  chainLink: null,
  link: null,
  stage: 'signed',
  stageDate: '2026-03-02',
  lateMilestones: 0,
  maxDaysLate: 0,
  figures: { fundsInPlaceCumulative: null },
  figureSources: {
    totalInvestment: null,
    expectedOutput: null,
    expectedTax: null,
    fundsInPlaceCumulative: null,
  },
  isSample: false,
};

function renderList(
  page: Pick<ProjectList, 'total' | 'totalIsEstimate'>,
  lang: 'zh' | 'en' = 'zh',
  onPage: (page: { current: number; pageSize: number }) => void = () => {},
) {
  // The table's cells ask who is signed in; the fake API answers (nobody) instead of the network.
  fakeApi({});
  return renderWithProviders(
    <ProjectsTable
      data={{ items: [ROW], nextCursor: null, ...page }}
      loading={false}
      sort="-totalInvestment"
      defaultSort="-totalInvestment"
      page={{ current: 1, pageSize: 20 }}
      onSort={() => {}}
      onPage={onPage}
    />,
    { lang },
  );
}

describe('project list total (issue 19)', () => {
  it('shows an exact total as a count', async () => {
    await renderList({ total: 2, totalIsEstimate: false });
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    expect(screen.getByText('宠物食品智能工厂')).toBeTruthy();
    expect(screen.getByText('坤源宠物')).toBeTruthy();
  });

  it('labels an estimated total as one, in Chinese and in English', async () => {
    const zh = await renderList({ total: 120_000, totalIsEstimate: true });
    expect(await screen.findByText('约 120,000 条（估）')).toBeTruthy();
    expect(screen.queryByText('共 120000 条')).toBeNull();
    zh.unmount();
    await renderList({ total: 120_000, totalIsEstimate: true }, 'en');
    expect(await screen.findByText('about 120,000 (est.)')).toBeTruthy();
  });

  it('on a phone the cards show the estimated total and page through the server', async () => {
    screenSize.phone = true;
    const onPage = vi.fn();
    const { user } = await renderList({ total: 120_000, totalIsEstimate: true }, 'zh', onPage);
    expect(await screen.findByText('约 120,000 条（估）')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /下一页/ }));
    expect(onPage).toHaveBeenCalledWith({ current: 2, pageSize: 20 });
  });
});
