// Labels for the seed page's lead story, written from the facts in PRODUCT.md ("The facts on the page").
// Article date: the page is from late August 2024; the 市政府党组会议 story is dated 8月26日.

import type { GoldProject } from './eval-metrics';

export const SEED_ARTICLE_DATE = '2024-08-26';

export const SEED_GOLD: GoldProject[] = [
  {
    project: '年产5万吨的大型高端专用设备制造项目(瀚洋重工有限公司项目)',
    companies: ['瀚洋重工装备制造（天津）有限公司', '聊城市宏通地质工程机械设备有限公司'],
    investment_cny: null,
    capacity: '年产5万吨',
    jobs: null,
    output_value_cny: null,
    tax_cny: null,
    stage: '主体完工',
    park: '开发区',
    dates: [
      { event: '现场采访', date: '2024-08-15', as_written: '8月15日' },
      { event: '完工(预计)', date: '2024-10', as_written: '预计10月完工' },
      { event: '设备进厂调试(计划)', date: '2025-H1', as_written: '明年上半年，设备能够进厂调试' },
    ],
    notes: '以商招商 case; contact 赵夏. Project site is named 瀚洋重工有限公司.',
  },
  {
    project: '年产2万套产品的高端智能家居项目',
    companies: ['聊城正源家居'],
    investment_cny: null,
    capacity: '年产2万套',
    jobs: null,
    output_value_cny: null,
    tax_cny: null,
    stage: '在建',
    park: '开发区',
    dates: [{ event: '投产(预计)', date: '2024-12', as_written: '预计年底投产' }],
    notes: '聊城正源家居 has no legal suffix in the text; stage implied by 预计年底投产.',
  },
  {
    project: '年产10万吨高端宠物食品项目',
    companies: ['乖宝宠物食品集团'],
    investment_cny: 560000000,
    capacity: '年产10万吨',
    jobs: 1000,
    output_value_cny: 1500000000,
    tax_cny: 40000000,
    stage: ['主体完工', '在建'],
    park: null,
    dates: [
      { event: '开工', date: '2024-03', as_written: '3月份项目开工建设' },
      { event: '竣工验收(预计)', date: '2024-12', as_written: '预计年底竣工验收' },
    ],
    notes:
      '2 workshop frames done, 2 under construction; exports 4.86亿元 +近20% are the firm’s; contact 姜子振.',
  },
  {
    project: '智能工厂扩产项目',
    companies: [],
    investment_cny: null,
    capacity: null,
    jobs: null,
    output_value_cny: null,
    tax_cny: null,
    stage: '在建',
    park: null,
    dates: [],
    notes: '乖宝宠物 is implied, not stated, as the owner.',
  },
];
