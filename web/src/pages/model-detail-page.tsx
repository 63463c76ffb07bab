import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { ModelParameter } from '../../../src/contract/models.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { formatCount, formatDateTime, lastRunText } from '../components/format.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { RunForm } from '../components/run-form.tsx';
import { RunJobCard } from '../components/run-job-card.tsx';
import { ModelTrackRecord, useModelRecord } from '../components/model-track-record.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';
import { useUrlState } from '../hooks/use-url-state.ts';
import { DatasetNeedTag } from './models-page.tsx';

/** An input fitting a parameter's type; the value starts at the model's default. */
function ParamInput({
  p,
  value,
  onChange,
}: {
  p: ModelParameter;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const t = p.type.toLowerCase();
  if (t.includes('int') || t.includes('number') || t.includes('days') || t.includes('money'))
    return (
      <InputNumber value={value as number} onChange={(v) => onChange(v)} style={{ width: 160 }} />
    );
  if (t.includes('bool')) return <Switch checked={!!value} onChange={onChange} />;
  return (
    <Input
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value)}
      style={{ width: 200 }}
    />
  );
}

/** 模型详情: purpose, legal basis, parameters (editable for a run), its SQL, fixture status. */
export default function ModelDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { hasRight } = useSession();
  const url = useUrlState();
  const jobId = url.get('job');
  const [overrides, setOverrides] = useState<Record<string, unknown>>({});
  const model = useApi((s) => api.call('GET /api/models/:id', { params: { id } }, s), [id]);
  const record = useModelRecord(id);

  if (model.loading && !model.data) return <PageLoading />;
  if (model.error) return <ErrorResult error={model.error} onRetry={model.reload} />;
  const m = model.data;
  if (!m) return null;
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '下载失败');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="model-detail">
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/models')} />
            <span>
              {m.id} {m.name}
            </span>
            <Tag>v{m.version}</Tag>
            {m.runnable ? <Tag color="green">可运行</Tag> : <Tag color="red">缺数据</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() =>
                void downloadRoute(
                  'GET /api/templates/:dataset',
                  { params: { dataset: `model:${m.id}` } },
                  `${m.id}数据模板.xlsx`,
                ).catch(fail)
              }
            >
              数据模板
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadRoute(
                  'GET /api/models/:id/export',
                  { params: { id: m.id } },
                  `${m.id}.model.yaml`,
                ).catch(fail)
              }
            >
              导出模型文件
            </Button>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, lg: 2 }} bordered size="small">
          <Descriptions.Item label="类别">{m.category}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {m.builtIn ? '内置模型' : '自定义 / 导入'}
          </Descriptions.Item>
          <Descriptions.Item label="监督目的" span="filled">
            {m.purpose}
          </Descriptions.Item>
          <Descriptions.Item label="建议措施" span="filled">
            {m.action || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="所需数据" span="filled">
            {m.datasets.map((d) => (
              <DatasetNeedTag key={d.dataset} need={d} />
            ))}
          </Descriptions.Item>
          <Descriptions.Item label="线索 / 待处理">
            {formatCount(m.leadCount)} / {formatCount(m.openLeadCount)}
          </Descriptions.Item>
          <Descriptions.Item label="成案率">
            {m.caseRate === null ? '—' : `${(m.caseRate * 100).toFixed(1)}%`}
          </Descriptions.Item>
          <Descriptions.Item label="监督成效" span="filled">
            <ModelTrackRecord figures={record?.total} />
          </Descriptions.Item>
          <Descriptions.Item label="最近运行">
            {m.lastRunAt ? formatDateTime(m.lastRunAt) : '未运行'}
            {m.lastRun && <div>{lastRunText(m.lastRun)}</div>}
          </Descriptions.Item>
          <Descriptions.Item label="样例测试">
            {m.fixture.state === 'passed' && <Tag color="green">通过 {m.fixture.passed} 项</Tag>}
            {m.fixture.state === 'failed' && (
              <Tag color="red">
                失败 {m.fixture.failed} 项 / 通过 {m.fixture.passed} 项
              </Tag>
            )}
            {m.fixture.state === 'not-run' && <Tag>未运行</Tag>}
            {m.fixture.fixtures.map((f) => (
              <Tag key={f.name} color={f.passed ? 'green' : 'red'}>
                夹具“{f.name}”{f.passed ? '通过' : '未通过'}（{f.leads} 条线索）
              </Tag>
            ))}
            {m.fixture.messages.map((x) => (
              <div key={x}>
                <Typography.Text type="secondary">{x}</Typography.Text>
              </div>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="法律依据" size="small">
        {m.legalBasis.length === 0 ? (
          <Empty description="未列明法律依据" />
        ) : (
          m.legalBasis.map((b) => (
            <div key={b.ref} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{b.ref}</Typography.Text>
              <Typography.Paragraph style={{ margin: '4px 0 0', color: '#555' }}>
                {b.text}
              </Typography.Paragraph>
            </div>
          ))
        )}
      </Card>

      <Card title="参数与运行" size="small">
        <Table<ModelParameter>
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={m.parameters}
          locale={{ emptyText: '该模型没有可调参数' }}
          style={{ marginBottom: 12 }}
          columns={[
            {
              title: '参数',
              dataIndex: 'label',
              render: (v: string, p) => (
                <span>
                  {v}{' '}
                  <Typography.Text type="secondary" code>
                    {p.name}
                  </Typography.Text>
                </span>
              ),
            },
            { title: '说明', dataIndex: 'description' },
            {
              title: '默认值',
              dataIndex: 'default',
              render: (v: unknown) => (v === null || v === undefined ? '—' : String(v)),
            },
            {
              title: '本次取值',
              key: 'value',
              render: (_: unknown, p) => (
                <ParamInput
                  p={p}
                  value={p.name in overrides ? overrides[p.name] : p.default}
                  onChange={(v) => setOverrides({ ...overrides, [p.name]: v })}
                />
              ),
            },
          ]}
        />
        {hasRight('run_models') && (
          <RunForm
            modelIds={[m.id]}
            params={Object.keys(overrides).length ? { [m.id]: overrides } : {}}
            disabled={!m.runnable}
            label="运行此模型"
            onStarted={(j) => url.set({ job: j })}
          />
        )}
      </Card>
      {jobId && (
        <RunJobCard
          jobId={jobId}
          onClose={() => url.set({ job: null })}
          onFinished={model.reload}
        />
      )}

      <Card title="模型 SQL" size="small">
        <pre
          style={{
            fontFamily: "Consolas, 'Courier New', monospace",
            fontSize: 12,
            background: '#f6f8fa',
            padding: 12,
            maxHeight: 480,
            overflow: 'auto',
            margin: 0,
            whiteSpace: 'pre',
          }}
          data-testid="model-sql"
        >
          {m.sql}
        </pre>
      </Card>
    </Space>
  );
}
