import { Card, Empty, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { EvidenceRow } from '../../../src/contract/leads.ts';
import { formatMoney } from './format.ts';

/** Amount columns (执行标的金额, 涉赌金额 …) read as money: 11,000.00 元. */
function display(label: string, value: string): string {
  return /金额|标的额|余额|价款|价格/.test(label) && /^-?\d+(\.\d+)?$/.test(value)
    ? formatMoney(value)
    : value;
}

/** Where a row came from, in the words a data clerk uses: file, sheet, row, batch. */
export function sourceOf(e: EvidenceRow): string {
  const parts = [e.file ?? '（未知文件）'];
  if (e.sheet) parts.push(`工作表“${e.sheet}”`);
  if (e.row !== null) parts.push(`第 ${e.row} 行`);
  parts.push(`批次 #${e.batchId}`);
  return parts.join(' · ');
}

/**
 * The evidence rows of a lead side by side (one card per source row), each with its source file
 * and row, so the prosecutor can check the finding against the data it came from.
 */
export function EvidenceRows({ evidence }: { evidence: EvidenceRow[] }) {
  if (evidence.length === 0) return <Empty description="该线索没有记录证据行" />;
  return (
    <div
      data-testid="evidence"
      style={{
        display: 'flex',
        gap: 12,
        overflowX: 'auto',
        alignItems: 'stretch',
        paddingBottom: 4,
      }}
    >
      {evidence.map((e, i) => (
        <Card
          key={`${e.dataset}-${e.batchId}-${e.row ?? i}-${i}`}
          size="small"
          title={e.datasetLabel}
          style={{ minWidth: 300, flex: '1 0 300px', maxWidth: 440 }}
          styles={{ body: { padding: 0 } }}
        >
          <div
            style={{
              padding: '6px 12px',
              background: '#fafafa',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <FileExcelOutlined /> {sourceOf(e)}
            </Typography.Text>
          </div>
          {e.values === null ? (
            <div style={{ padding: 12 }}>
              <Typography.Text type="warning">源数据行已被回滚或更新，无法显示。</Typography.Text>
            </div>
          ) : (
            <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}>
              <tbody>
                {e.values.map((v) => (
                  <tr key={v.column} style={{ borderBottom: '1px solid #f5f5f5' }}>
                    <td
                      style={{
                        padding: '4px 12px',
                        color: '#888',
                        whiteSpace: 'nowrap',
                        width: '40%',
                        verticalAlign: 'top',
                      }}
                    >
                      {v.label}
                    </td>
                    <td style={{ padding: '4px 12px', wordBreak: 'break-all' }}>
                      {v.value === null ? (
                        <Typography.Text type="secondary">—</Typography.Text>
                      ) : (
                        display(v.label, v.value)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      ))}
    </div>
  );
}
