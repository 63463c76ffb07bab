import { Button, message, Table, Tooltip } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { StatsQuery, StatsTable } from '../../../src/contract/stats.ts';
import { FIGURES, formatFigure, type Figures } from '../../../src/domain/stats-definitions.ts';
import { ApiError, downloadRoute } from '../api/client.ts';

const DIMENSION_LABELS: Record<StatsTable['by'], string> = {
  unit: '单位',
  model: '模型',
  court: '法院',
  month: '月份',
  total: '范围',
  campaign: '专项活动',
};

type Row = { key: string; label: string; figures: Figures };

/** A statistics table with each figure's formula in its header tooltip and an Excel export. */
export function StatsFiguresTable({
  table,
  query,
  onRow,
}: {
  table: StatsTable;
  query: StatsQuery;
  /** Drill-down of a row (e.g. to the leads of that unit). */
  onRow?: (key: string) => void;
}) {
  const rows: Row[] = [...table.rows, { key: '__total', label: '合计', figures: table.total }];
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      title={() => (
        <Button
          size="small"
          icon={<FileExcelOutlined />}
          onClick={() =>
            void downloadRoute(
              'GET /api/stats/export.xlsx',
              { query },
              `统计-${DIMENSION_LABELS[table.by]}.xlsx`,
            ).catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'))
          }
        >
          导出 Excel
        </Button>
      )}
      columns={[
        {
          title: DIMENSION_LABELS[table.by],
          dataIndex: 'label',
          fixed: 'left',
          render: (label: string, r) =>
            onRow && r.key !== '__total' ? <a onClick={() => onRow(r.key)}>{label}</a> : label,
        },
        ...FIGURES.map((f) => ({
          title: <Tooltip title={f.formula}>{f.name}</Tooltip>,
          key: f.key,
          align: 'right' as const,
          render: (_: unknown, r: Row) => {
            const v = r.figures[f.key];
            const text = formatFigure(r.figures, f.key);
            return typeof v === 'object' ? (
              <Tooltip title={`${v.numerator} / ${v.denominator}`}>{text}</Tooltip>
            ) : (
              text
            );
          },
        })),
      ]}
    />
  );
}
