// Issue 13, figures attached to the right project (the round of heldout12): a plant named again by its
// capacity alone, a firm's whole plan with its project after 其中, a phase's amount joined by "，建设" to
// the works it names, a count of started projects without 项目. Sentences of our own in those shapes.
import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';

const named = (text: string, part: string) =>
  projectsOf(text).find((p) => !p.isAggregate && p.name.includes(part));

describe('figures of the sentence go to the project it is about', () => {
  it('gives a paragraph that opens with a plant’s capacity to the project named by it', () => {
    const text =
      '园区有华兴电厂2×35万千瓦扩建项目和华兴电厂2×60万千瓦新建项目两个重点工程。\n2×60万千瓦超临界机组,总投资42亿元,两台机组已投产发电。';
    expect(named(text, '2×60万千瓦')?.investment?.yuan).toBe(4_200_000_000);
    expect(named(text, '2×35万千瓦')?.investment).toBeNull();
  });

  it('keeps a whole before 其中 off the project named after it', () => {
    const text = '“今年集团计划总投资18亿元,其中绿源循环化项目全部建成后,年产值可达25亿元。”';
    const p = named(text, '绿源循环化');
    expect(p?.investment).toBeNull();
    expect(p?.outputValue?.yuan).toBe(2_500_000_000);
  });

  it('gives a phase’s amount to the works it builds after a comma', () => {
    const text =
      '该项目分两期建设,其中一期工程投资12亿元,建设年产20万吨乙二醇项目;二期投资30亿元,建设年产8万吨碳纤维原丝项目。';
    expect(named(text, '年产20万吨')?.investment?.yuan).toBe(1_200_000_000);
    expect(named(text, '碳纤维原丝')?.investment?.yuan).toBe(3_000_000_000);
  });

  it('reads an amount after a count of started projects as the batch total', () => {
    const text =
      '宏远年产5万吨锂电隔膜项目当天开工,建成后年产值8亿元。目前,第一批集中开工了28个,总投资额96亿元。';
    expect(named(text, '锂电隔膜')?.investment).toBeNull();
    expect(projectsOf(text).some((p) => p.isAggregate && p.investment?.yuan === 9_600_000_000)).toBe(true);
  });
});
