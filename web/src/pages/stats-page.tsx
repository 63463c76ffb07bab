import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  message,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Tooltip,
} from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { StatsQuery } from '../../../src/contract/stats.ts';
import type { Figures } from '../../../src/domain/stats-definitions.ts';
import { formatMoney, formatRate } from '../../../src/domain/stats-definitions.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { StatsFiguresTable } from '../components/stats-table.tsx';
import { StatsChartsRow, TerminationCard, type StatsData } from '../components/stats-sections.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useUrlState } from '../hooks/use-url-state.ts';

const BY_OPTIONS = [
  { value: 'unit', label: '按单位' },
  { value: 'model', label: '按模型' },
  { value: 'court', label: '按法院' },
  { value: 'month', label: '按月份' },
  { value: 'campaign', label: '按专项活动' },
] as const;

/** The quarter before today, as the bulletin's default period (2025Q3). */
function lastQuarter(): string {
  const now = dayjs();
  const q = Math.floor(now.month() / 3);
  return q === 0 ? `${now.year() - 1}Q4` : `${now.year()}Q${q}`;
}

const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '下载失败');

/** 统计分析: the leader's figures, charts that click through to the rows, exports, the bulletin. */
export default function StatsPage() {
  const url = useUrlState();
  const navigate = useNavigate();
  const unitId = url.get('unitId');
  const from = url.get('from');
  const to = url.get('to');
  const campaign = url.get('campaign');
  const by = (BY_OPTIONS.find((o) => o.value === url.get('by'))?.value ??
    'unit') as StatsQuery['by'];
  const judgeBy = url.get('tz') === 'judge' ? 'judge' : 'court';
  // 终本 (the ledger's cases) has no campaign: it takes the unit and period only.
  const period = useMemo(
    () => ({ ...(unitId ? { unitId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [unitId, from, to],
  );
  const base = useMemo(
    () => ({ ...period, ...(campaign ? { campaign } : {}) }),
    [period, campaign],
  );

  const data = useApi(
    async (s) => {
      const get = (q: StatsQuery['by']) =>
        api.call('GET /api/stats', { query: { ...base, by: q } }, s);
      const [total, month, unit, model] = await Promise.all([
        get('total'),
        get('month'),
        get('unit'),
        get('model'),
      ]);
      return {
        total,
        month,
        unit,
        model,
        court: by === 'court' ? await get('court') : undefined,
        campaign: by === 'campaign' ? await get('campaign') : undefined,
      };
    },
    [base, by],
  );

  /** The leads behind a chart element, with the page's unit and period. */
  const leads = (extra: Record<string, string>) => {
    const q = new URLSearchParams({
      ...(unitId ? { unitId } : {}),
      ...(from ? { dateFrom: from } : {}),
      ...(to ? { dateTo: to } : {}),
      ...(campaign ? { campaign } : {}),
      ...extra,
    });
    void navigate(`/leads?${q.toString()}`);
  };
  const month = (m: string) => ({
    dateFrom: `${m}-01`,
    dateTo: dayjs(`${m}-01`).endOf('month').format('YYYY-MM-DD'),
  });
  /** The supervision cases behind a figure: unit, period (opening date) and model. */
  const cases = (extra: Record<string, string> = {}) => {
    const q = new URLSearchParams({
      open: '0',
      ...(unitId ? { unitId } : {}),
      ...(from ? { openedFrom: from } : {}),
      ...(to ? { openedTo: to } : {}),
      ...(campaign ? { campaign } : {}),
      ...extra,
    });
    void navigate(`/supervision-cases?${q.toString()}`);
  };
  /**
   * The recommendations behind a figure: issued in the period (检察建议数), or with the reply in
   * force 采纳 dated in it (采纳), as the statistics count them.
   */
  const recs = (adopted: boolean) => {
    const q = new URLSearchParams({
      tab: 'all',
      state: '已发出',
      ...(unitId ? { unitId } : {}),
      ...(adopted ? { result: '采纳' } : {}),
      ...(campaign ? { campaign } : {}),
      ...(from ? { [adopted ? 'repliedFrom' : 'issuedFrom']: from } : {}),
      ...(to ? { [adopted ? 'repliedTo' : 'issuedTo']: to } : {}),
    });
    void navigate(`/recommendations?${q.toString()}`);
  };
  /** The outcomes behind 恢复执行数 or 执行到位金额: unit and period (the outcome's date). */
  const outcomes = (kind: '恢复执行' | '执行到位') => {
    const q = new URLSearchParams({
      kind,
      ...(unitId ? { unitId } : {}),
      ...(campaign ? { campaign } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    void navigate(`/supervision-cases/outcomes?${q.toString()}`);
  };
  const funnelClick = (name: string) => {
    if (name === '线索') leads({});
    else if (name === '已研判') leads({ status: '已成案,已合并,已排除' });
    else if (name === '成案') cases();
    else if (name === '检察建议') recs(false);
    else if (name === '采纳') recs(true);
    else outcomes('恢复执行');
  };

  if (data.loading && !data.data) return <PageLoading />;
  if (data.error) return <ErrorResult error={data.error} onRetry={data.reload} />;
  if (!data.data) return null;
  const d = data.data;
  const f = d.total.total;

  return (
    <div data-testid="stats-page">
      <StatsFilterBar unitId={unitId} from={from} to={to} campaign={campaign} />
      <StatsCards f={f} leads={leads} cases={cases} recs={recs} outcomes={outcomes} />
      <StatsChartsRow d={d} leads={leads} month={month} funnelClick={funnelClick} />
      <StatsByTable d={d} by={by} base={base} leads={leads} month={month} />
      <TerminationCard base={period} judgeBy={judgeBy} onBy={(v) => url.set({ tz: v })} />
    </div>
  );
}

/** The unit, campaign and period of the page, and the bulletin of a period. */
function StatsFilterBar({
  unitId,
  from,
  to,
  campaign,
}: {
  unitId?: string;
  from?: string;
  to?: string;
  campaign?: string;
}) {
  const url = useUrlState();
  const [period, setPeriod] = useState(lastQuarter());
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  const campaigns = useApi((s) => api.call('GET /api/campaigns', { query: {} }, s), []);
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="单位（含下级）"
        style={{ width: 220 }}
        value={unitId}
        onChange={(v?: string) => url.set({ unitId: v })}
        options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="专项活动"
        style={{ width: 220 }}
        value={campaign}
        onChange={(v?: string) => url.set({ campaign: v })}
        options={(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.theme }))}
        data-testid="stats-campaign"
      />
      <DatePicker.RangePicker
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        onChange={(r) =>
          url.set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })
        }
      />
      <Input
        style={{ width: 110 }}
        value={period}
        onChange={(e) => setPeriod(e.target.value)}
        placeholder="2025Q3"
      />
      <Button
        icon={<FileWordOutlined />}
        onClick={() =>
          void downloadRoute(
            'GET /api/stats/report.docx',
            { query: { period, ...(unitId ? { unitId } : {}), ...(campaign ? { campaign } : {}) } },
            `通报-${period}.docx`,
          ).catch(fail)
        }
      >
        通报 Word
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        onClick={() =>
          void downloadRoute(
            'GET /api/stats/report.xlsx',
            { query: { period, ...(unitId ? { unitId } : {}), ...(campaign ? { campaign } : {}) } },
            `通报-${period}.xlsx`,
          ).catch(fail)
        }
      >
        通报 Excel
      </Button>
    </Space>
  );
}

/** The headline figures; those with rows behind them click through. */
function StatsCards({
  f,
  leads,
  cases,
  recs,
  outcomes,
}: {
  f: Figures;
  leads: (extra: Record<string, string>) => void;
  cases: () => void;
  recs: (adopted: boolean) => void;
  outcomes: (kind: '恢复执行' | '执行到位') => void;
}) {
  const cards = [
    { title: '线索数', value: String(f.leads), go: () => leads({}) },
    {
      title: '已研判',
      value: String(f.judged),
      go: () => leads({ status: '已成案,已合并,已排除' }),
    },
    { title: '成案数', value: String(f.cases), go: () => cases() },
    {
      title: '成案率',
      value: formatRate(f.caseRate),
      tip: `${f.caseRate.numerator} / ${f.caseRate.denominator}（已合并计入）`,
    },
    {
      title: '检察建议数',
      value: String(f.recommendations),
      tip: `个案 ${f.recIndividual}，类案 ${f.recClass}（涉及 ${f.recClassCases} 件）`,
      go: () => recs(false),
    },
    {
      title: '采纳率',
      value: formatRate(f.adoptionRate),
      tip: `${f.adoptionRate.numerator} / ${f.adoptionRate.denominator}`,
      go: () => recs(true),
    },
    { title: '恢复执行数', value: String(f.resumed), go: () => outcomes('恢复执行') },
    {
      title: '执行到位金额（元）',
      value: formatMoney(f.moneyRecovered),
      go: () => outcomes('执行到位'),
    },
    { title: '移送刑事线索', value: String(f.referrals) },
    { title: '公安立案', value: String(f.policeCases) },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.title} flex="1 1 160px">
          <Card size="small" hoverable={Boolean(c.go)} onClick={c.go}>
            <Tooltip title={c.tip}>
              <Statistic title={c.title} value={c.value} />
            </Tooltip>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The figures table of the chosen grouping; a row clicks through to its leads. */
function StatsByTable({
  d,
  by,
  base,
  leads,
  month,
}: {
  d: StatsData;
  by: StatsQuery['by'];
  base: Omit<StatsQuery, 'by'>;
  leads: (extra: Record<string, string>) => void;
  month: (m: string) => Record<string, string>;
}) {
  const url = useUrlState();
  const table =
    {
      unit: d.unit,
      model: d.model,
      month: d.month,
      court: d.court,
      total: d.total,
      campaign: d.campaign,
    }[by] ?? d.unit;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <Radio.Group
          optionType="button"
          size="small"
          value={by}
          options={[...BY_OPTIONS]}
          onChange={(e) => url.set({ by: e.target.value as string })}
        />
      }
    >
      <StatsFiguresTable
        table={table}
        query={{ ...base, by }}
        onRow={(key) => {
          if (by === 'unit') leads({ unitId: key });
          else if (by === 'model') leads({ modelId: key });
          else if (by === 'month') leads(month(key));
          else if (by === 'court' && !key.startsWith('（')) leads({ court: key });
          else if (by === 'campaign' && key) leads({ campaign: key });
        }}
      />
    </Card>
  );
}
