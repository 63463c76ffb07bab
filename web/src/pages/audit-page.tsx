import { useMemo } from 'react';
import { App, Button, Card, DatePicker, Input, Result, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '../../../src/contract/audit.ts';
import type { AuditEntry } from '../../../src/contract/audit.ts';
import { holdersOf } from '../../../src/contract/rights.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { formatDateTime } from '../components/format.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';
import { useUrlState } from '../hooks/use-url-state.ts';

const KEYS = ['username', 'action', 'target', 'from', 'to'] as const;

/** 审计日志 (administrators): who did what, when, from where; filters in the URL; Excel export. */
export default function AuditPage() {
  const { message } = App.useApp();
  const { hasRight } = useSession();
  const url = useUrlState();
  const filter = useMemo(
    () =>
      Object.fromEntries(KEYS.map((k) => [k, url.get(k)]).filter(([, v]) => v)) as Record<
        string,
        string
      >,
    [url],
  );
  const page = Number(url.get('page') ?? 1) || 1;
  const pageSize = Number(url.get('pageSize') ?? 50) || 50;
  const canView = hasRight('view_audit');
  const entries = useApi(
    (s) =>
      canView
        ? api.call('GET /api/audit', { query: { ...filter, page, pageSize } }, s)
        : Promise.resolve(undefined),
    [JSON.stringify(filter), page, pageSize, canView],
  );
  if (!canView)
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`审计日志仅限${holdersOf('view_audit')}查看。`}
      />
    );
  const set = (patch: Record<string, string | undefined>) => url.set({ ...patch, page: null });

  return (
    <Card
      title="审计日志"
      data-testid="audit-page"
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadRoute(
              'GET /api/audit/export.xlsx',
              { query: filter },
              '审计日志.xlsx',
            ).catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'))
          }
        >
          导出 Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="用户名"
          style={{ width: 160 }}
          defaultValue={filter.username}
          onSearch={(v) => set({ username: v.trim() || undefined })}
        />
        <Select
          allowClear
          placeholder="操作类型"
          style={{ width: 160 }}
          value={filter.action}
          onChange={(v?: string) => set({ action: v })}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }))}
        />
        <Input.Search
          allowClear
          placeholder="对象（线索号、案号…）"
          style={{ width: 220 }}
          defaultValue={filter.target}
          onSearch={(v) => set({ target: v.trim() || undefined })}
        />
        <DatePicker.RangePicker
          value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
          onChange={(r) =>
            set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </Space>
      {entries.error ? (
        <ErrorResult error={entries.error} onRetry={entries.reload} />
      ) : (
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          loading={entries.loading}
          dataSource={entries.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的记录' }}
          pagination={{
            current: page,
            pageSize,
            total: entries.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
          }}
          onChange={(p) =>
            url.set({
              page: p.current && p.current > 1 ? p.current : null,
              pageSize: p.pageSize && p.pageSize !== 50 ? p.pageSize : null,
            })
          }
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
            {
              title: '用户',
              dataIndex: 'username',
              width: 120,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: '单位',
              dataIndex: 'unitName',
              width: 160,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: '操作',
              dataIndex: 'action',
              width: 130,
              render: (a: AuditEntry['action']) => AUDIT_ACTION_LABELS[a] ?? a,
            },
            {
              title: '对象',
              dataIndex: 'target',
              ellipsis: true,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: '详情',
              dataIndex: 'detail',
              ellipsis: true,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: '来源 IP',
              dataIndex: 'ip',
              width: 130,
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      )}
    </Card>
  );
}
