import { Button, Card, Col, message, Radio, Row, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type {
  StatsTable,
  TerminationQuery,
  TerminationTable,
} from '../../../src/contract/stats.ts';
import { formatMoney, formatRate } from '../../../src/domain/stats-definitions.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';
import { EChart } from './echart.tsx';
import { barsOf, funnelOf } from './stats-charts.ts';

type TerminationRow = TerminationTable['rows'][number];

const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '下载失败');

export type StatsData = Record<'total' | 'month' | 'unit' | 'model', StatsTable> & {
  court?: StatsTable;
  campaign?: StatsTable;
};

/** 终本 per court or judge of the ledger, with its Excel export. */
export function TerminationCard({
  base,
  judgeBy,
  onBy,
}: {
  base: Omit<TerminationQuery, 'by'>;
  judgeBy: TerminationQuery['by'];
  onBy: (by: string) => void;
}) {
  const tq: TerminationQuery = { ...base, by: judgeBy };
  const termination = useApi(
    (s) => api.call('GET /api/stats/termination', { query: tq }, s),
    [base, judgeBy],
  );
  return (
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
            onChange={(e) => onBy(e.target.value as string)}
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
        columns={terminationColumns(judgeBy)}
      />
    </Card>
  );
}

/** Trend, funnel, by unit and by model; each element clicks through to its rows. */
export function StatsChartsRow({
  d,
  leads,
  month,
  funnelClick,
}: {
  d: StatsData;
  leads: (extra: Record<string, string>) => void;
  month: (m: string) => Record<string, string>;
  funnelClick: (name: string) => void;
}) {
  const f = d.total.total;
  return (
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
  );
}

function terminationColumns(judgeBy: TerminationQuery['by']): TableColumnsType<TerminationRow> {
  return [
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
  ];
}
