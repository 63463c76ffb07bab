import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { DatasetNeed, ModelSummary } from '../../../src/contract/models.ts';
import { api, ApiError } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { formatCount, formatDateTime, lastRunText } from '../components/format.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { RunForm } from '../components/run-form.tsx';
import { RunJobCard } from '../components/run-job-card.tsx';
import { ModelTrackRecord, useModelRecords } from '../components/model-track-record.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';
import { useUrlState } from '../hooks/use-url-state.ts';

/** A dataset a model needs, coloured by what the database holds. */
export function DatasetNeedTag({ need }: { need: DatasetNeed }) {
  if (need.state === 'present') return <Tag color="green">{need.label}</Tag>;
  if (need.state === 'stand-in')
    return (
      <Tooltip title={`以“${need.standIn ?? ''}”替代`}>
        <Tag color="orange">{need.label}（替代）</Tag>
      </Tooltip>
    );
  return (
    <Tooltip title={need.required ? '必需数据缺失：模型无法运行' : '可选数据缺失'}>
      <Tag color={need.required ? 'red' : 'default'}>{need.label}（缺失）</Tag>
    </Tooltip>
  );
}

function caseRateText(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** 监督模型: the library by category, with what data each needs and its track record. */
export default function ModelsPage() {
  const { message } = App.useApp();
  const { hasRight } = useSession();
  const url = useUrlState();
  const jobId = url.get('job');
  const canRun = hasRight('run_models');
  const [importing, setImporting] = useState(false);
  const models = useApi((s) => api.call('GET /api/models', {}, s), []);
  const records = useModelRecords();

  const byCategory = useMemo(() => {
    const m = new Map<string, ModelSummary[]>();
    for (const x of models.data ?? []) m.set(x.category, [...(m.get(x.category) ?? []), x]);
    return [...m.entries()];
  }, [models.data]);

  const importModel = async (file: File) => {
    setImporting(true);
    try {
      const content = await file.text();
      const r = await api.call('POST /api/models/import', {
        body: { content, fileName: file.name },
      });
      message.success(`已导入模型 ${r.id}（版本 ${r.version}）`);
      models.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导入模型失败');
    } finally {
      setImporting(false);
    }
  };

  if (models.loading && !models.data) return <PageLoading />;
  if (models.error) return <ErrorResult error={models.error} onRetry={models.reload} />;
  const runnable = (models.data ?? []).filter((m) => m.runnable).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="models-page">
      <Card
        title="监督模型库"
        extra={
          canRun && (
            <Upload
              accept=".yaml,.yml,.json"
              showUploadList={false}
              beforeUpload={(f) => {
                void importModel(f);
                return false;
              }}
            >
              <Button icon={<ImportOutlined />} loading={importing}>
                导入模型文件
              </Button>
            </Upload>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          共 {models.data?.length ?? 0} 个模型，其中 {runnable} 个所需数据齐备、可以运行。
          标签颜色：<Tag color="green">已有数据</Tag>
          <Tag color="orange">以替代数据运行</Tag>
          <Tag color="red">缺失</Tag>
        </Typography.Paragraph>
        {canRun && (
          <RunForm
            modelIds={undefined}
            label="运行全部可运行模型"
            disabled={runnable === 0}
            onStarted={(id) => url.set({ job: id })}
          />
        )}
      </Card>
      {jobId && (
        <RunJobCard
          jobId={jobId}
          onClose={() => url.set({ job: null })}
          onFinished={models.reload}
          names={Object.fromEntries((models.data ?? []).map((m) => [m.id, m.name]))}
        />
      )}
      {byCategory.length === 0 && (
        <Card>
          <Empty description="模型库为空" />
        </Card>
      )}
      {byCategory.map(([category, list]) => (
        <Card key={category} title={`${category}（${list.length}）`} size="small">
          <Row gutter={[12, 12]}>
            {list.map((m) => (
              <Col key={m.id} xs={24} lg={12} xxl={8}>
                <Card
                  size="small"
                  hoverable
                  title={
                    <Link to={`/models/${encodeURIComponent(m.id)}`}>
                      <Typography.Text type="secondary">{m.id}</Typography.Text> {m.name}
                    </Link>
                  }
                  extra={
                    <Space size={4}>
                      {!m.builtIn && <Tag color="purple">自定义</Tag>}
                      {m.runnable ? <Tag color="green">可运行</Tag> : <Tag color="red">缺数据</Tag>}
                    </Space>
                  }
                  style={{ height: '100%' }}
                >
                  <Typography.Paragraph
                    ellipsis={{ rows: 2, tooltip: m.purpose }}
                    style={{ minHeight: 44 }}
                  >
                    {m.purpose}
                  </Typography.Paragraph>
                  <div style={{ marginBottom: 8 }}>
                    {m.datasets.map((d) => (
                      <DatasetNeedTag key={d.dataset} need={d} />
                    ))}
                  </div>
                  <Row>
                    <Col span={6}>
                      <Statistic
                        title="线索"
                        value={formatCount(m.leadCount)}
                        styles={{ content: { fontSize: 18 } }}
                      />
                    </Col>
                    <Col span={6}>
                      <Statistic
                        title="待处理"
                        value={formatCount(m.openLeadCount)}
                        styles={{ content: { fontSize: 18 } }}
                      />
                    </Col>
                    <Col span={6}>
                      <Statistic
                        title="成案率"
                        value={caseRateText(m.caseRate)}
                        styles={{ content: { fontSize: 18 } }}
                      />
                    </Col>
                    <Col span={6}>
                      <Statistic
                        title="最近运行"
                        value={m.lastRunAt ? formatDateTime(m.lastRunAt).slice(0, 10) : '未运行'}
                        styles={{ content: { fontSize: 14 } }}
                      />
                    </Col>
                  </Row>
                  {m.lastRun && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {lastRunText(m.lastRun)}
                    </Typography.Text>
                  )}
                  <div>
                    <ModelTrackRecord figures={records.get(m.id)} />
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
        </Card>
      ))}
    </Space>
  );
}
