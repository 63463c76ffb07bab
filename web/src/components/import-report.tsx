import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { BadRow, ImportReport } from '../../../src/contract/data.ts';
import { formatCount } from './format.ts';

/** 校验报告: what was imported per file, counts per reason, and the bad rows with their cells. */
export function ImportReportView({
  report,
  datasetLabel,
  onDownload,
}: {
  report: ImportReport;
  datasetLabel: (name: string) => string;
  onDownload: () => void;
}) {
  const imported = report.batches.reduce((n, b) => n + b.imported, 0);
  const rejected = report.batches.reduce((n, b) => n + b.rejected, 0);
  return (
    <Card
      size="small"
      title="校验报告"
      data-testid="import-report"
      extra={
        <Button icon={<DownloadOutlined />} onClick={onDownload}>
          下载校验报告（Excel）
        </Button>
      }
    >
      <Alert
        type={report.ok ? (rejected > 0 ? 'warning' : 'success') : 'error'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          report.dryRun
            ? `仅校验：读取 ${formatCount(report.rowsRead)} 行，未写入数据库`
            : report.ok
              ? `导入完成：读取 ${formatCount(report.rowsRead)} 行，导入 ${formatCount(imported)} 行${rejected ? `，跳过问题行 ${formatCount(rejected)} 行` : ''}`
              : '导入未完成：文件中有错误，整批未写入。可修正后重新导入，或勾选“跳过问题行”。'
        }
      />
      <Table
        size="small"
        rowKey={(b) => `${b.file}-${b.dataset}`}
        pagination={false}
        dataSource={report.batches}
        style={{ marginBottom: 12 }}
        columns={[
          { title: '文件', dataIndex: 'file' },
          { title: '数据集', dataIndex: 'dataset', render: (v: string) => datasetLabel(v) },
          {
            title: '批次',
            dataIndex: 'batchId',
            render: (v: number | null) => (v === null ? '—' : `#${v}`),
          },
          { title: '导入', dataIndex: 'imported', align: 'right', render: formatCount },
          { title: '覆盖旧版本', dataIndex: 'superseded', align: 'right', render: formatCount },
          { title: '问题行', dataIndex: 'rejected', align: 'right', render: formatCount },
        ]}
      />
      {report.reasons.length > 0 && (
        <>
          <Typography.Title level={5}>问题汇总</Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={report.reasons}
            style={{ marginBottom: 12 }}
            columns={[
              { title: '问题', dataIndex: 'message' },
              {
                title: '代码',
                dataIndex: 'code',
                width: 200,
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              {
                title: '行数',
                dataIndex: 'count',
                width: 100,
                align: 'right',
                render: formatCount,
              },
            ]}
          />
        </>
      )}
      {report.badRows.length > 0 && (
        <>
          <Typography.Title level={5}>
            问题行（前 {report.badRows.length} 条，完整清单见 Excel）
          </Typography.Title>
          <Table<BadRow & { key: number }>
            size="small"
            rowKey="key"
            dataSource={report.badRows.map((r, i) => ({ ...r, key: i }))}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            columns={[
              { title: '文件', dataIndex: 'file', render: (v: string | null) => v ?? '—' },
              { title: '工作表', dataIndex: 'sheet', render: (v: string | null) => v ?? '—' },
              { title: '行', dataIndex: 'row', width: 70, render: (v: number | null) => v ?? '—' },
              { title: '列', dataIndex: 'column', render: (v: string | null) => v ?? '—' },
              {
                title: '单元格内容',
                dataIndex: 'value',
                render: (v: string | null) =>
                  v === null ? '—' : <Typography.Text code>{v}</Typography.Text>,
              },
              {
                title: '级别',
                dataIndex: 'severity',
                width: 70,
                render: (v: string) =>
                  v === 'error' ? <Tag color="red">错误</Tag> : <Tag color="gold">警告</Tag>,
              },
              { title: '说明', dataIndex: 'message' },
            ]}
          />
        </>
      )}
      {report.reasons.length === 0 && report.badRows.length === 0 && (
        <Space>
          <Typography.Text type="success">未发现问题行。</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
