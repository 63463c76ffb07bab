/**
 * The periodic bulletin (月报/季报/年报) of a unit as Word and Excel, from figures already computed
 * (the service gathers them in the operator's scope). Word: the title
 * 〈单位〉民事执行检察监督工作月报（2025年9月）, generated sentences, the figures table, the tables by
 * unit, model and court and the charts as PNG images; Excel: one sheet per table.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { StatsTable, TerminationTable } from '../contract/stats.ts';
import {
  FIGURES,
  formatFigure,
  formatMoney,
  formatRate,
  type Figures,
  type FigureKey,
} from '../domain/stats-definitions.ts';
import { barOption, chartPng, funnelOption } from './charts.ts';
import { monthsOf, trendStart, type ReportPeriod } from './period.ts';
import { addDefinitionsSheet, addStatsSheet, addTerminationSheet } from './stats-workbook.ts';

export interface BulletinData {
  readonly unitName: string;
  readonly period: ReportPeriod;
  readonly generatedOn: string;
  readonly total: StatsTable;
  readonly previous: StatsTable;
  readonly byUnit: StatsTable;
  readonly byModel: StatsTable;
  readonly trend: StatsTable;
  readonly courts: TerminationTable;
  /** The campaign whose figures these are (the title says so); null or absent: all. */
  readonly campaignTheme?: string | null;
}

export function bulletinTitle(
  d: Pick<BulletinData, 'unitName' | 'period' | 'campaignTheme'>,
): string {
  const theme = d.campaignTheme ? `·${d.campaignTheme}` : '';
  return `${d.unitName}民事执行检察监督工作${d.period.kind}（${d.period.label}${theme}）`;
}

/** What a campaign's bulletin counts (its 终本 table is of every enforcement case). */
function campaignNote(theme: string): string {
  return `本通报仅统计专项活动「${theme}」的线索、监督案件及其检察建议、法院回复和成效；法院终本情况为全部执行案件。`;
}

/** The summary sentences: the chain in words, then the change on the period before. */
export function bulletinSentences(d: BulletinData): string[] {
  const f = d.total.total;
  const out = [
    `${d.period.label}，${d.unitName}共生成监督线索${f.leads}条，已研判${f.judged}条，其中成案${f.leadsMadeCases}条，` +
      `成案率${formatRate(f.caseRate)}；立案办理监督案件${f.cases}件。`,
    `发出检察建议${f.recommendations}件（个案${f.recIndividual}件、类案${f.recClass}件，类案涉及执行案件${f.recClassCases}件）；` +
      `法院回复${f.replied}件，采纳${f.adopted}件，采纳率${formatRate(f.adoptionRate)}。`,
    `推动恢复执行${f.resumed}件，执行到位金额${formatMoney(f.moneyRecovered)}元；移送刑事线索${f.referrals}件，公安立案${f.policeCases}件。`,
  ];
  const p = d.previous.total;
  const change = (now: number, before: number, unit: string) =>
    now === before ? '持平' : `${now > before ? '增加' : '减少'}${Math.abs(now - before)}${unit}`;
  out.push(
    `与上期相比，线索${change(f.leads, p.leads, '条')}，成案${change(f.cases, p.cases, '件')}，` +
      `检察建议${change(f.recommendations, p.recommendations, '件')}。`,
  );
  const units = d.byUnit.rows.filter((r) => r.key !== d.byUnit.unitId);
  const top = [...units].sort((a, b) => b.figures.cases - a.figures.cases)[0];
  if (top && top.figures.cases > 0)
    out.push(`各单位中，${top.label}立案数最多（${top.figures.cases}件）。`);
  const topModel = [...d.byModel.rows].sort(
    (a, b) => b.figures.leadsMadeCases - a.figures.leadsMadeCases,
  )[0];
  if (topModel && topModel.figures.leadsMadeCases > 0) {
    out.push(
      `各模型中，${topModel.label}成案线索最多（${topModel.figures.leadsMadeCases}条，成案率${formatRate(topModel.figures.caseRate)}）。`,
    );
  }
  return out;
}

const TABLE_KEYS: FigureKey[] = [
  'leads',
  'judged',
  'cases',
  'caseRate',
  'recommendations',
  'adopted',
  'adoptionRate',
  'resumed',
  'moneyRecovered',
];

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })],
  });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

function figuresTable(t: StatsTable, first: string): Table {
  const rows = t.rows.map((r) => [r.label, ...TABLE_KEYS.map((k) => formatFigure(r.figures, k))]);
  rows.push(['合计', ...TABLE_KEYS.map((k) => formatFigure(t.total, k))]);
  return table(
    [first, ...TABLE_KEYS.map((k) => FIGURES.find((f) => f.key === k)?.name ?? k)],
    rows,
  );
}

function summaryTable(f: Figures): Table {
  return table(
    ['指标', '数值', '口径'],
    FIGURES.map((d) => [d.name, formatFigure(f, d.key), d.formula]),
  );
}

const heading = (text: string) =>
  new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } });
const body = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, size: 24 })],
    indent: { firstLine: 480 },
    spacing: { after: 80 },
  });
const image = (data: Buffer) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data, transformation: { width: 600, height: 280 } })],
  });

/** The charts of the bulletin (trend, by unit, funnel) as PNG. */
export async function bulletinCharts(
  d: BulletinData,
): Promise<{ trend: Buffer; units: Buffer; funnel: Buffer }> {
  const months = monthsOf({ from: trendStart(d.period), to: d.period.to });
  const byMonth = new Map(d.trend.rows.map((r) => [r.key, r.figures]));
  const series = (key: 'leads' | 'cases' | 'recommendations') =>
    months.map((m) => byMonth.get(m)?.[key] ?? 0);
  const trend = await chartPng(
    barOption('线索、成案与检察建议趋势（按月）', months, [
      { name: '线索数', data: series('leads') },
      { name: '成案数', data: series('cases') },
      { name: '检察建议数', data: series('recommendations') },
    ]),
  );
  const units = d.byUnit.rows;
  const unitChart = await chartPng(
    barOption(
      '各单位成案与检察建议',
      units.map((r) => r.label),
      [
        { name: '成案数', data: units.map((r) => r.figures.cases) },
        { name: '检察建议数', data: units.map((r) => r.figures.recommendations) },
        { name: '采纳数', data: units.map((r) => r.figures.adopted) },
      ],
    ),
  );
  const f = d.total.total;
  const funnel = await chartPng(
    funnelOption('从线索到执行到位', [
      { name: '线索', value: f.leads },
      { name: '成案', value: f.cases },
      { name: '检察建议', value: f.recommendations },
      { name: '采纳', value: f.adopted },
      { name: '恢复执行', value: f.resumed },
    ]),
  );
  return { trend, units: unitChart, funnel };
}

export async function bulletinDocx(d: BulletinData): Promise<Buffer> {
  const charts = await bulletinCharts(d);
  const courts = d.courts.rows
    .slice(0, 20)
    .map((r) => [
      r.court,
      String(r.closed),
      String(r.terminated),
      formatRate(r.share),
      r.medianDays === null ? '—' : String(r.medianDays),
    ]);
  const doc = new Document({
    styles: { default: { document: { run: { font: '仿宋' } } } },
    sections: [
      {
        children: [
          new Paragraph({
            text: bulletinTitle(d),
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                text: `统计期间：${d.period.from} 至 ${d.period.to}　生成日期：${d.generatedOn}`,
                size: 20,
              }),
            ],
          }),
          ...(d.campaignTheme ? [body(campaignNote(d.campaignTheme))] : []),
          heading('一、总体情况'),
          ...bulletinSentences(d).map(body),
          summaryTable(d.total.total),
          image(charts.funnel),
          heading('二、各单位情况'),
          body('上级单位的数字包含其下级单位。'),
          figuresTable(d.byUnit, '单位'),
          image(charts.units),
          heading('三、工作趋势'),
          image(charts.trend),
          heading('四、各模型成效'),
          figuresTable(d.byModel, '模型'),
          heading('五、法院终本情况'),
          body(
            '本期结案的执行案件中终结本次执行程序的数量、占比及立案至结案天数的中位数（按终本数排序，列前20家）。',
          ),
          table(['执行法院', '已结案件', '终本数', '终本占比', '天数中位数'], courts),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function bulletinXlsx(d: BulletinData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('总体');
  summary.columns = [
    { header: '指标', key: 'name', width: 22 },
    { header: '数值', key: 'value', width: 22 },
  ];
  summary.addRow({ name: bulletinTitle(d) });
  if (d.campaignTheme) summary.addRow({ name: campaignNote(d.campaignTheme) });
  for (const f of FIGURES)
    summary.addRow({ name: f.name, value: formatFigure(d.total.total, f.key) });
  addStatsSheet(book, '按单位', d.byUnit);
  addStatsSheet(book, '按月份', d.trend);
  addStatsSheet(book, '按模型', d.byModel);
  addTerminationSheet(book, '终本（按法院）', d.courts, 'court');
  addDefinitionsSheet(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}
