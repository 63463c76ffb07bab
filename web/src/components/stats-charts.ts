import type { StatsTable } from '../../../src/contract/stats.ts';
import type { ChartOption } from './echart.tsx';

/** The funnel steps, in chain order, with where a click on each leads. */
export const FUNNEL_STEPS = [
  { name: '线索', key: 'leads' },
  { name: '已研判', key: 'judged' },
  { name: '成案', key: 'cases' },
  { name: '检察建议', key: 'recommendations' },
  { name: '采纳', key: 'adopted' },
  { name: '恢复执行', key: 'resumed' },
] as const;

/** Bars of leads, cases and recommendations per row of a table (months, units, models). */
export function barsOf(table: StatsTable, horizontal = false): ChartOption {
  const names = table.rows.map((r) => r.label);
  const series = (
    [
      ['线索数', 'leads', '#1f4e9c'],
      ['成案数', 'cases', '#52c41a'],
      ['检察建议数', 'recommendations', '#fa8c16'],
    ] as const
  ).map(([name, key, color]) => ({
    name,
    type: 'bar' as const,
    itemStyle: { color },
    data: table.rows.map((r) => r.figures[key]),
  }));
  const category = {
    type: 'category' as const,
    data: names,
    axisLabel: { width: 160, overflow: 'truncate' as const },
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: horizontal ? { type: 'value' } : category,
    yAxis: horizontal ? { ...category, inverse: true } : { type: 'value', minInterval: 1 },
    series,
  };
}

/** lead → judged → case → recommendation → adopted → resumed; the money in the title. */
export function funnelOf(table: StatsTable, money: string): ChartOption {
  const f = table.total;
  return {
    title: { text: `执行到位 ${money}`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: '{b}：{c}' },
    series: [
      {
        type: 'funnel',
        top: 36,
        bottom: 8,
        sort: 'none',
        minSize: '10%',
        label: { show: true, position: 'inside', formatter: '{b}：{c}' },
        data: FUNNEL_STEPS.map((s) => ({ name: s.name, value: f[s.key] })),
      },
    ],
  };
}
