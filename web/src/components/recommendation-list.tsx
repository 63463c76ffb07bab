import { App, Button, DatePicker, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type {
  RecommendationListItem,
  RecommendationListQuery,
} from '../../../src/contract/recommendations.ts';
import { RECOMMENDATION_STATES, REPLY_FILTERS } from '../../../src/contract/vocabulary.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';
import { useUrlState } from '../hooks/use-url-state.ts';
import { ErrorResult } from './error-result.tsx';
import { formatDate } from './format.ts';
import { DeadlineTag } from './recommendation-sections.tsx';

const FILTER_KEYS = [
  'unitId',
  'campaign',
  'state',
  'result',
  'issuedFrom',
  'issuedTo',
  'repliedFrom',
  'repliedTo',
] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

const RESULT_COLORS: Record<string, string> = { 采纳: 'green', 部分采纳: 'gold', 不采纳: 'red' };

/**
 * 检察建议台账: every recommendation of my unit and those below, filtered by unit, campaign, state,
 * the reply in force and the issue date (all in the URL: the ledger and the statistics open it
 * with theirs); Excel export of the whole filtered list (audited).
 */
export function RecommendationList() {
  const { message } = App.useApp();
  const url = useUrlState();
  const filters: Filters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, url.get(k)]).filter(([, v]) => v),
  );
  const page = Number(url.get('page')) || 1;
  // The URL's values go as they are: a wrong one is the server's 400, shown as the error.
  const query = filters as Omit<RecommendationListQuery, 'page' | 'pageSize'>;
  const loaded = useApi(
    (s) =>
      api.call(
        'GET /api/recommendations',
        { query: { ...query, page: String(page), pageSize: '20' } },
        s,
      ),
    [page, ...FILTER_KEYS.map((k) => filters[k])],
  );
  const campaigns = useApi((s) => api.call('GET /api/campaigns', { query: {} }, s), []);
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  if (loaded.error && !loaded.data) {
    return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  }
  const set = (patch: Filters) => url.set({ ...patch, page: null });
  const select = (key: keyof Filters, placeholder: string, options: readonly string[]) => (
    <Select
      allowClear
      placeholder={placeholder}
      style={{ width: 130 }}
      data-testid={`recommendations-${key}`}
      value={filters[key]}
      onChange={(v?: string) => set({ [key]: v ?? '' })}
      options={options.map((o) => ({ value: o, label: o }))}
    />
  );
  return (
    <>
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
        {select('state', '状态', RECOMMENDATION_STATES)}
        {select('result', '回复结果', REPLY_FILTERS)}
        <DatePicker.RangePicker
          placeholder={['发出日期起', '发出日期止']}
          value={[
            filters.issuedFrom ? dayjs(filters.issuedFrom) : null,
            filters.issuedTo ? dayjs(filters.issuedTo) : null,
          ]}
          allowEmpty={[true, true]}
          onChange={(v) =>
            set({
              issuedFrom: v?.[0]?.format('YYYY-MM-DD') ?? '',
              issuedTo: v?.[1]?.format('YYYY-MM-DD') ?? '',
            })
          }
        />
        {(filters.repliedFrom || filters.repliedTo) && (
          <Tag closable color="blue" onClose={() => set({ repliedFrom: '', repliedTo: '' })}>
            回复日期 {filters.repliedFrom ?? ''}～{filters.repliedTo ?? ''}
          </Tag>
        )}
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadRoute(
              'GET /api/recommendations/export.xlsx',
              { query },
              '检察建议台账.xlsx',
            ).catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'))
          }
        >
          导出 Excel
        </Button>
      </Space>
      <Table<RecommendationListItem>
        rowKey="id"
        size="middle"
        data-testid="recommendation-list"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的检察建议' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: loaded.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 件`,
          showSizeChanger: false,
          onChange: (p) => url.set({ page: String(p) }),
        }}
        columns={[
          {
            title: '文号',
            dataIndex: 'docNo',
            render: (v: string | null, r) => v ?? <Tag>草稿 #{r.id}</Tag>,
          },
          {
            title: '监督案件',
            dataIndex: 'caseNo',
            render: (v: string, r) => <Link to={`/supervision-cases/${r.caseId}`}>{v}</Link>,
          },
          { title: '主送法院', dataIndex: 'addressee' },
          { title: '发出日期', dataIndex: 'issuedOn', render: formatDate },
          {
            title: '回复期限',
            dataIndex: 'due',
            render: (v: string | null, r) => (
              <Space size={4} wrap>
                {`${formatDate(v)}${r.extendedDue ? '（已延长）' : ''}`}
                <DeadlineTag rec={r} />
              </Space>
            ),
          },
          {
            title: '最新回复结果',
            dataIndex: 'latestResult',
            render: (v: string | null, r) =>
              v ? (
                <Tag color={RESULT_COLORS[v]}>
                  {v}（{formatDate(r.latestReplyDate)}）
                </Tag>
              ) : r.state === '已发出' ? (
                '未回复'
              ) : (
                '—'
              ),
          },
          { title: '办案单位', dataIndex: 'unitName' },
        ]}
      />
    </>
  );
}
