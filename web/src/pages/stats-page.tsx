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
  Table,
  Tooltip,
} from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { StatsQuery, TerminationQuery } from '../../../src/contract/stats.ts';
import { formatMoney, formatRate } from '../../../src/domain/stats-definitions.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { EChart } from '../components/echart.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { barsOf, funnelOf } from '../components/stats-charts.ts';
import { StatsFiguresTable } from '../components/stats-table.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useUrlState } from '../hooks/use-url-state.ts';

const BY_OPTIONS = [
  { value: 'unit', label: '按单位' },
  { value: 'model', label: '按模型' },
  { value: 'court', label: '按法院' },
  { value: 'month', label: '按月份' },
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
  const by = (BY_OPTIONS.find((o) => o.value === url.get('by'))?.value ??
    'unit') as StatsQuery['by'];
  const judgeBy = url.get('tz') === 'judge' ? 'judge' : 'court';
  const [period, setPeriod] = useState(lastQuarter());
  const base = useMemo(
    () => ({ ...(unitId ? { unitId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [unitId, from, to],
  );

  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
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
      return { total, month, unit, model, court: by === 'court' ? await get('court') : undefined };
    },
    [base, by],
  );
  const tq: TerminationQuery = { ...base, by: judgeBy };
  const termination = useApi(
    (s) => api.call('GET /api/stats/termination', { query: tq }, s),
    [base, judgeBy],
  );

  /** The leads behind a chart element, with the page's unit and period. */
  const leads = (extra: Record<string, string>) => {
    const q = new URLSearchParams({
      ...(unitId ? { unitId } : {}),
      ...(from ? { dateFrom: from } : {}),
      ...(to ? { dateTo: to } : {}),
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
      ...extra,
    });
    void navigate(`/supervision-cases?${q.toString()}`);
  };
  const funnelClick = (name: string) => {
    if (name === '线索') leads({});
    else if (name === '已研判') leads({ status: '已成案,已合并,已排除' });
    else if (name === '成案') cases();
    else cases({ state: '制发检察建议,法院回复,跟进监督,结案' });
  };

  if (data.loading && !data.data) return <PageLoading />;
  if (data.error) return <ErrorResult error={data.error} onRetry={data.reload} />;
  if (!data.data) return null;
  const d = data.data;
  const f = d.total.total;
  const table =
    { unit: d.unit, model: d.model, month: d.month, court: d.court, total: d.total }[by] ?? d.unit;
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
    },
    {
      title: '采纳率',
      value: formatRate(f.adoptionRate),
      tip: `${f.adoptionRate.numerator} / ${f.adoptionRate.denominator}`,
    },
    { title: '恢复执行数', value: String(f.resumed) },
    { title: '执行到位金额（元）', value: formatMoney(f.moneyRecovered) },
    { title: '移送刑事线索', value: String(f.referrals) },
    { title: '公安立案', value: String(f.policeCases) },
  ];

  return (
    <div data-testid="stats-page">
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
              { query: { period, ...(unitId ? { unitId } : {}) } },
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
              { query: { period, ...(unitId ? { unitId } : {}) } },
              `通报-${period}.xlsx`,
            ).catch(fail)
          }
        >
          通报 Excel
        </Button>
      </Space>
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
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card title="按月趋势" size="small">
            <EChart option={barsOf(d.month)} onClick={(e) => leads(month(e.name))} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="从线索到执行到位" size="small">
            <EChart
              option={funnelOf(d.total, formatMoney(f.moneyRecovered) + ' 元')}
              onClick={(e) => funnelClick(e.name)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="按单位（含下级）" size="small">
            <EChart
              option={barsOf(d.unit, true)}
              onClick={(e) => leads({ unitId: d.unit.rows[e.dataIndex]?.key ?? '' })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="按模型" size="small">
            <EChart
              option={barsOf(d.model, true)}
              onClick={(e) => leads({ modelId: d.model.rows[e.dataIndex]?.key ?? '' })}
            />
          </Card>
        </Col>
      </Row>
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
          }}
        />
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title="终本情况（执行案件台账，按结案日期）"
        extra={
          <Space>
            <Radio.Group
              optionType="button"
              size="small"
              value={judgeBy}
              options={[
                { value: 'court', label: '按法院' },
                { value: 'judge', label: '按承办人' },
              ]}
              onChange={(e) => url.set({ tz: e.target.value as string })}
            />
            <Button
              size="small"
              icon={<FileExcelOutlined />}
              onClick={() =>
                void downloadRoute(
                  'GET /api/stats/termination.xlsx',
                  { query: tq },
                  '终本统计.xlsx',
                ).catch(fail)
              }
            >
              导出 Excel
            </Button>
          </Space>
        }
      >
        <Table
          size="small"
          rowKey={(r) => `${r.court}|${r.judge ?? ''}`}
          loading={termination.loading}
          dataSource={termination.data?.rows ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '执行法院', dataIndex: 'court' },
            ...(judgeBy === 'judge'
              ? [
                  {
                    title: '承办人',
                    dataIndex: 'judge',
                    render: (v: string | null) => v ?? '（未填）',
                  },
                ]
              : []),
            { title: '已结案件', dataIndex: 'closed', align: 'right' },
            { title: '终本数', dataIndex: 'terminated', align: 'right' },
            {
              title: '终本占比',
              key: 'share',
              align: 'right',
              render: (_, r) => formatRate(r.share),
            },
            {
              title: '立案至结案天数（中位数）',
              dataIndex: 'medianDays',
              align: 'right',
              render: (v: number | null) => v ?? '—',
            },
          ]}
        />
      </Card>
    </div>
  );
}
