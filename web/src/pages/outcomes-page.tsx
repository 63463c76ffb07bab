import { App, Button, Card, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type {
  OutcomeListItem,
  OutcomeListQuery,
  OutcomeTotal,
} from '../../../src/contract/recommendations.ts';
import { OUTCOME_KINDS } from '../../../src/contract/vocabulary.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { formatDate, formatMoney } from '../components/format.ts';
import { useApi } from '../hooks/use-api.ts';
import { useUrlState } from '../hooks/use-url-state.ts';

const FILTER_KEYS = ['unitId', 'campaign', 'kind', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** A total as one line: count, and the exact sum or persons where the kind has them. */
function totalText(t: OutcomeTotal): string {
  const extra = t.amount !== null ? `，${formatMoney(t.amount)}` : '';
  const persons = t.persons !== null ? `，${t.persons} 人` : '';
  return `${t.kind} ${t.count} 件${extra}${persons}`;
}

/** What an outcome names beyond its kind: the 执恢 案号, the crime, the persons. */
function detailOf(o: OutcomeListItem): string {
  return [o.enforcementCaseNo, o.crime, o.persons !== null && `${o.persons} 人`, o.note]
    .filter(Boolean)
    .join('，');
}

/**
 * 成效台账: the outcomes of my unit's cases and those below (恢复执行, 执行到位 …), filtered by unit,
 * campaign, kind and date (in the URL: the ledger and the statistics open it with theirs), with
 * the totals of every match (amounts exact).
 */
export default function OutcomesPage() {
  const url = useUrlState();
  const { message } = App.useApp();
  const filters: Filters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, url.get(k)]).filter(([, v]) => v),
  );
  const page = Number(url.get('page')) || 1;
  // The URL's values go as they are: a wrong one is the server's 400, shown as the error.
  const query = filters as Omit<OutcomeListQuery, 'page' | 'pageSize'>;
  const loaded = useApi(
    (s) =>
      api.call('GET /api/outcomes', { query: { ...query, page: String(page), pageSize: '20' } }, s),
    [page, ...FILTER_KEYS.map((k) => filters[k])],
  );
  const campaigns = useApi((s) => api.call('GET /api/campaigns', { query: {} }, s), []);
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  if (loaded.error && !loaded.data) {
    return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  }
  const set = (patch: Filters) => url.set({ ...patch, page: null });
  const totals = loaded.data?.totals ?? [];
  return (
    <Card
      title="成效台账"
      data-testid="outcomes-page"
      extra={
        <Button
          icon={<DownloadOutlined />}
          data-testid="outcomes-export"
          onClick={() =>
            void downloadRoute('GET /api/outcomes/export.xlsx', { query }, '成效台账.xlsx').then(
              () => message.success('已导出（本次导出已记入审计日志）'),
              (e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'),
            )
          }
        >
          导出 Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="单位（含下级）"
          style={{ width: 200 }}
          value={filters.unitId}
          onChange={(v?: string) => set({ unitId: v ?? '' })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="专项活动"
          style={{ width: 180 }}
          value={filters.campaign}
          onChange={(v?: string) => set({ campaign: v ?? '' })}
          options={(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.theme }))}
        />
        <Select
          allowClear
          placeholder="成效类型"
          style={{ width: 150 }}
          data-testid="outcomes-kind"
          value={filters.kind}
          onChange={(v?: string) => set({ kind: v ?? '' })}
          options={OUTCOME_KINDS.map((k) => ({ value: k, label: k }))}
        />
        <DatePicker.RangePicker
          placeholder={['成效日期起', '成效日期止']}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          allowEmpty={[true, true]}
          onChange={(v) =>
            set({
              from: v?.[0]?.format('YYYY-MM-DD') ?? '',
              to: v?.[1]?.format('YYYY-MM-DD') ?? '',
            })
          }
        />
      </Space>
      <Typography.Paragraph type="secondary" data-testid="outcomes-totals">
        合计：{totals.length ? totals.map(totalText).join('；') : '无'}
      </Typography.Paragraph>
      <Table<OutcomeListItem>
        rowKey="id"
        size="middle"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的监督成效' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: loaded.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 条`,
          showSizeChanger: false,
          onChange: (p) => url.set({ page: String(p) }),
        }}
        columns={[
          { title: '成效日期', dataIndex: 'date', render: formatDate },
          { title: '类型', dataIndex: 'kind', render: (v: string) => <Tag>{v}</Tag> },
          {
            title: '金额',
            dataIndex: 'amount',
            align: 'right',
            render: (v: string | null) => (v === null ? '' : formatMoney(v)),
          },
          { title: '内容', key: 'detail', render: (_: unknown, o) => detailOf(o) },
          {
            title: '监督案件',
            dataIndex: 'caseNo',
            render: (v: string, o) => <Link to={`/supervision-cases/${o.caseId}`}>{v}</Link>,
          },
          { title: '办案单位', dataIndex: 'unitName' },
          { title: '来源', dataIndex: 'source' },
        ]}
      />
    </Card>
  );
}
