import { App, Button, Card, InputNumber, Space, Table, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { RecommendationDetail } from '../../../src/contract/recommendations.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { CaseStateTag } from '../components/case-state-tag.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { formatDate } from '../components/format.ts';
import { RecommendationList } from '../components/recommendation-list.tsx';
import { DeadlineTag } from '../components/recommendation-sections.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useUrlState } from '../hooks/use-url-state.ts';

/**
 * 检察建议: 已逾期 (issued, unanswered, past the deadline, 两高监督规定 第十三条; the default, the
 * 逾期未回复 menu's page), 即将到期 (due within N days) — the case page escalates them to 跟进监督
 * (第十四条) — and 全部 (the 检察建议台账 with its filters, where the ledger and statistics drill to).
 */
export default function DueRecommendationsPage() {
  const { message } = App.useApp();
  const url = useUrlState();
  const days = Number(url.get('days')) || 15;
  const asked = url.get('tab');
  const tab = asked === 'soon' || asked === 'all' ? asked : 'overdue';
  const loaded = useApi(
    (s) => api.call('GET /api/recommendations/due', { query: { days: String(days) } }, s),
    [days],
  );
  if (loaded.error && !loaded.data) {
    return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  }
  const table = (rows: RecommendationDetail[], empty: string) => (
    <Table<RecommendationDetail>
      rowKey="id"
      size="middle"
      loading={loaded.loading}
      dataSource={rows}
      locale={{ emptyText: empty }}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      columns={[
        {
          title: '检察建议',
          dataIndex: 'docNo',
          render: (v: string | null, r) => (
            <Link to={`/supervision-cases/${r.caseId}`}>{v ?? `草稿 #${r.id}`}</Link>
          ),
        },
        { title: '监督案件', dataIndex: 'caseNo' },
        {
          title: '案件状态',
          dataIndex: 'caseState',
          render: (v: string) => <CaseStateTag state={v} />,
        },
        { title: '主送法院', dataIndex: 'addressee' },
        { title: '办案单位', dataIndex: 'unitName' },
        { title: '发出日期', dataIndex: 'issuedOn', render: formatDate },
        {
          title: '回复期限',
          dataIndex: 'due',
          render: (v: string | null, r) => `${formatDate(v)}${r.extendedDue ? '（已延长）' : ''}`,
        },
        { title: '', key: 'tag', render: (_: unknown, r) => <DeadlineTag rec={r} /> },
        {
          title: '执行案件',
          dataIndex: 'enforcementCases',
          render: (v: string[]) =>
            v.length > 2 ? `${v.slice(0, 2).join('、')} 等 ${v.length} 件` : v.join('、'),
        },
      ]}
    />
  );
  const data = loaded.data;
  return (
    <Card
      title={tab === 'all' ? '检察建议台账' : '逾期未回复的检察建议'}
      data-testid="due-recommendations-page"
      extra={
        tab !== 'all' && (
          <Space>
            <span>提前提醒</span>
            <InputNumber
              min={0}
              max={92}
              value={days}
              onChange={(v) => url.set({ days: String(v ?? 15) })}
            />
            <span>天</span>
            <Button
              icon={<DownloadOutlined />}
              data-testid="due-export"
              onClick={() =>
                void downloadRoute(
                  'GET /api/recommendations/due/export.xlsx',
                  { query: { days: String(days) } },
                  '逾期未回复检察建议.xlsx',
                ).then(
                  () => message.success('已导出（本次导出已记入审计日志）'),
                  (e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'),
                )
              }
            >
              导出 Excel
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        法院应在收到检察建议后三个月内回复，可延长一个月（两高监督规定
        第十三条）；逾期未回复或回复不当的，可在案件页转入跟进监督（第十四条）。
        {data && `今天 ${data.today}。`}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        // The 全部 tab's filters and page belong to it alone.
        onChange={(k) =>
          url.set({
            tab: k,
            page: null,
            unitId: null,
            campaign: null,
            state: null,
            result: null,
            issuedFrom: null,
            issuedTo: null,
            repliedFrom: null,
            repliedTo: null,
          })
        }
        items={[
          { key: 'all', label: '全部', children: tab === 'all' && <RecommendationList /> },
          {
            key: 'overdue',
            label: `已逾期（${data?.overdue.length ?? 0}）`,
            children: table(data?.overdue ?? [], '没有逾期未回复的检察建议'),
          },
          {
            key: 'soon',
            label: `即将到期（${data?.dueSoon.length ?? 0}）`,
            children: table(data?.dueSoon ?? [], `${days} 天内没有到期的检察建议`),
          },
        ]}
      />
    </Card>
  );
}
