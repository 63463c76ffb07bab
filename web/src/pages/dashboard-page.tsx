import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { isLeadStatus, LEAD_STATUSES, type LeadStatus } from '../../../src/contract/vocabulary.ts';
import { api } from '../api/client.ts';
import { EChart } from '../components/echart.tsx';
import type { ChartOption } from '../components/echart.tsx';
import { DueThisWeek } from '../components/due-this-week.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { formatCount, formatDate } from '../components/format.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { useApi } from '../hooks/use-api.ts';

const STATUS_COLORS: Record<LeadStatus, string> = {
  待研判: '#fa8c16',
  研判中: '#1677ff',
  已成案: '#52c41a',
  已排除: '#bfbfbf',
  已合并: '#722ed1',
};

/** Days since the last import, as the freshness a data admin checks. */
function freshness(lastImportAt: string | null): { text: string; color: string } {
  if (!lastImportAt) return { text: '未导入', color: 'default' };
  const days = Math.floor((Date.now() - new Date(lastImportAt).getTime()) / 86_400_000);
  if (days <= 30) return { text: days <= 0 ? '今日更新' : `${days} 天前`, color: 'green' };
  if (days <= 90) return { text: `${days} 天前`, color: 'gold' };
  return { text: `${days} 天前`, color: 'red' };
}

/** 工作台: the numbers a leader asks for first. */
export default function DashboardPage() {
  const { data, error, loading, reload } = useApi(
    (signal) => api.call('GET /api/dashboard', {}, signal),
    [],
  );

  const byModel = useMemo<ChartOption | null>(() => {
    if (!data || data.byModel.length === 0) return null;
    const models = data.byModel.slice(0, 30);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: models.map((m) => `${m.modelId} ${m.modelName}`),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: LEAD_STATUSES.map((s) => ({
        name: s,
        type: 'bar' as const,
        stack: 'total',
        itemStyle: { color: STATUS_COLORS[s] },
        data: models.map((m) => m.byStatus[s] ?? 0),
      })),
    };
  }, [data]);

  const byStatus = useMemo<ChartOption | null>(() => {
    if (!data || data.totalLeads === 0) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          data: data.byStatus.map((s) => ({
            name: s.status,
            value: s.count,
            itemStyle: { color: isLeadStatus(s.status) ? STATUS_COLORS[s.status] : undefined },
          })),
          label: { formatter: '{b}\n{c}' },
        },
      ],
    };
  }, [data]);

  const courts = useMemo<ChartOption | null>(() => {
    if (!data || data.topCourts.length === 0) return null;
    const top = data.topCourts.slice(0, 10);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: top.map((c) => c.court),
        axisLabel: { width: 200, overflow: 'truncate' },
      },
      series: [{ type: 'bar', data: top.map((c) => c.count), itemStyle: { color: '#1f4e9c' } }],
    };
  }, [data]);

  if (loading && !data) return <PageLoading />;
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return null;

  const count = (s: LeadStatus) => data.byStatus.find((x) => x.status === s)?.count ?? 0;
  // 已合并 (leads of a class case) counts as judged and made a case (src/domain/stats-definitions.ts).
  const made = count('已成案') + count('已合并');
  const judged = made + count('已排除');
  const caseRate = judged > 0 ? ((made / judged) * 100).toFixed(1) + '%' : '—';

  return (
    <div data-testid="dashboard">
      <Row gutter={[16, 16]}>
        {[
          { title: '线索总数', value: formatCount(data.totalLeads), link: '/leads' },
          {
            title: '本周新增',
            value: formatCount(data.newThisWeek),
            link: '/leads?sort=firstSeenAt',
          },
          { title: '待研判', value: formatCount(count('待研判')), link: '/leads?status=待研判' },
          { title: '研判中', value: formatCount(count('研判中')), link: '/leads?status=研判中' },
          { title: '成案率', value: caseRate, link: '/leads?status=已成案' },
        ].map((c) => (
          <Col key={c.title} flex="1 1 200px">
            <Link to={c.link}>
              <Card hoverable size="small">
                <Statistic title={c.title} value={c.value} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24}>
          <DueThisWeek />
        </Col>
        <Col xs={24} xl={16}>
          <Card title="各模型线索（按状态）" size="small">
            {byModel ? (
              <EChart
                option={byModel}
                height={Math.max(260, data.byModel.slice(0, 30).length * 28 + 60)}
              />
            ) : (
              <Empty description="暂无线索：请先导入数据并运行监督模型" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="线索状态分布" size="small">
            {byStatus ? <EChart option={byStatus} /> : <Empty description="暂无线索" />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="线索最多的法院（前 10）" size="small">
            {courts ? <EChart option={courts} /> : <Empty description="暂无数据" />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="数据集与更新情况" size="small" extra={<Link to="/data">数据管理</Link>}>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              scroll={{ y: 260 }}
              dataSource={[...data.datasets].sort((a, b) => b.rows - a.rows)}
              locale={{ emptyText: '尚未导入任何数据' }}
              columns={[
                {
                  title: '数据集',
                  dataIndex: 'label',
                  render: (v: string, r) => (
                    <span>
                      {v} <Typography.Text type="secondary">{r.name}</Typography.Text>
                    </span>
                  ),
                },
                {
                  title: '行数',
                  dataIndex: 'rows',
                  align: 'right',
                  render: (v: number) => formatCount(v),
                },
                {
                  title: '最近导入',
                  dataIndex: 'lastImportAt',
                  render: (v: string | null) => formatDate(v),
                },
                {
                  title: '新鲜度',
                  dataIndex: 'lastImportAt',
                  key: 'fresh',
                  render: (v: string | null) => {
                    const f = freshness(v);
                    return <Tag color={f.color}>{f.text}</Tag>;
                  },
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
