import { Space, Tooltip, Typography } from 'antd';
import type { StatsTable } from '../../../src/contract/stats.ts';
import { formatMoney, formatRate, type Figures } from '../../../src/domain/stats-definitions.ts';
import { api } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';

/** Every model's figures in the user's scope (one request for the whole models page). */
export function useModelRecords(): Map<string, Figures> {
  const table = useApi((s) => api.call('GET /api/stats', { query: { by: 'model' } }, s), []);
  return new Map((table.data?.rows ?? []).map((r) => [r.key, r.figures]));
}

/** One model's figures (the model page). */
export function useModelRecord(modelId: string): StatsTable | undefined {
  const table = useApi(
    (s) => api.call('GET /api/stats', { query: { by: 'total', modelId } }, s),
    [modelId],
  );
  return table.data;
}

/** A model's track record: what its leads became (cases, recommendations, adopted, money). */
export function ModelTrackRecord({ figures }: { figures: Figures | undefined }) {
  if (!figures || figures.leads + figures.cases === 0) {
    return <Typography.Text type="secondary">成效：暂无</Typography.Text>;
  }
  return (
    <Tooltip title="本单位及下级；成案率 = (已成案 + 已合并) ÷ 已研判">
      <Space size={12} wrap style={{ fontSize: 12 }} data-testid="model-track-record">
        <span>成案 {figures.cases} 件</span>
        <span>成案率 {formatRate(figures.caseRate)}</span>
        <span>检察建议 {figures.recommendations} 件</span>
        <span>采纳 {figures.adopted} 件</span>
        <span>执行到位 {formatMoney(figures.moneyRecovered)} 元</span>
      </Space>
    </Tooltip>
  );
}
