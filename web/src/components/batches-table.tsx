import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import type { Batch, Dataset } from '../../../src/contract/data.ts';
import { BATCH_STATUS_LABELS } from '../../../src/contract/vocabulary.ts';
import { api, ApiError } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';
import { ErrorResult } from './error-result.tsx';
import { formatCount, formatDateTime } from './format.ts';

/** 导入批次: every batch with its files and counts; a data admin can roll one back. */
export function BatchesTable({
  datasets,
  canRollback,
  refreshKey,
}: {
  datasets: Dataset[];
  canRollback: boolean;
  refreshKey: number;
}) {
  const { message } = App.useApp();
  const [dataset, setDataset] = useState<string>();
  const [busyId, setBusyId] = useState<number>();
  const batches = useApi(
    (signal) => api.call('GET /api/batches', { query: { dataset } }, signal),
    [dataset, refreshKey],
  );

  const rollback = async (b: Batch) => {
    setBusyId(b.id);
    try {
      await api.call('POST /api/batches/:id/rollback', { params: { id: String(b.id) } });
      message.success(`批次 #${b.id} 已回滚，数据恢复到导入前`);
      batches.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '回滚失败');
    } finally {
      setBusyId(undefined);
    }
  };

  if (batches.error) return <ErrorResult error={batches.error} onRetry={batches.reload} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="按数据集筛选"
          style={{ width: 240 }}
          value={dataset}
          onChange={setDataset}
          options={datasets.map((d) => ({ value: d.name, label: d.label }))}
        />
      </Space>
      <Table<Batch>
        size="small"
        rowKey="id"
        loading={batches.loading}
        dataSource={batches.data ?? []}
        locale={{ emptyText: '尚无导入批次' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 批` }}
        columns={[
          { title: '批次', dataIndex: 'id', width: 64, render: (v: number) => `#${v}` },
          { title: '数据集', dataIndex: 'datasetLabel', width: 140 },
          {
            title: '文件 / 来源',
            dataIndex: 'files',
            render: (f: string[], b) => (
              <div style={{ minWidth: 0 }}>
                <Typography.Text ellipsis={{ tooltip: f.join('、') }} style={{ maxWidth: 280 }}>
                  {f.join('、') || '—'}
                </Typography.Text>
                {b.source && !f.some((x) => x.startsWith(b.source ?? '')) && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      来源：{b.source}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: '单位 / 导入人',
            dataIndex: 'unitName',
            width: 170,
            render: (v: string | null, b) => (
              <div>
                <div>{v ?? '—'}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {b.createdBy ?? '—'}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: '导入时间',
            dataIndex: 'createdAt',
            width: 160,
            render: (v: string) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>
            ),
          },
          {
            title: '导入 / 覆盖 / 问题行',
            key: 'rows',
            width: 150,
            align: 'right',
            render: (_: unknown, b) =>
              `${formatCount(b.rowsImported)} / ${formatCount(b.rowsSuperseded)} / ${formatCount(b.rowsRejected)}`,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: Batch['status'], b) => (
              <Tag
                color={s === 'committed' ? 'green' : undefined}
                title={b.rolledBackAt ? formatDateTime(b.rolledBackAt) : undefined}
              >
                {BATCH_STATUS_LABELS[s]}
              </Tag>
            ),
          },
          ...(canRollback
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 90,
                  render: (_: unknown, b: Batch) =>
                    b.status === 'committed' ? (
                      <Popconfirm
                        title={`回滚批次 #${b.id}？`}
                        description="该批次导入的数据将被撤销，被它覆盖的旧版本恢复有效。"
                        okText="回滚"
                        cancelText="取消"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => rollback(b)}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<RollbackOutlined />}
                          loading={busyId === b.id}
                        >
                          回滚
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
