import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, CheckOutlined, SaveOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { PendingDocument, ReviewDocument } from '../../../src/contract/extract.ts';
import { api, ApiError } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { ExtractUpload } from '../components/extract-upload.tsx';
import { formatDateTime } from '../components/format.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { useApi } from '../hooks/use-api.ts';

function confidenceTag(c: number | null) {
  if (c === null) return null;
  if (c >= 0.9) return <Tag color="green">{Math.round(c * 100)}%</Tag>;
  if (c >= 0.6) return <Tag color="gold">{Math.round(c * 100)}%</Tag>;
  return <Tag color="red">{Math.round(c * 100)}% 请核对</Tag>;
}

/** The document text with the passage a field was read from marked (as text, never as HTML). */
function DocumentText({ text, mark }: { text: string; mark: string | null }) {
  const at = mark ? text.indexOf(mark) : -1;
  const style = {
    whiteSpace: 'pre-wrap' as const,
    fontFamily: "'Noto Serif CJK SC', 'SimSun', serif",
    fontSize: 14,
    lineHeight: 1.9,
    maxHeight: '70vh',
    overflow: 'auto',
    background: '#fffef8',
    padding: 16,
    border: '1px solid #f0f0f0',
  };
  if (at < 0 || !mark) return <div style={style}>{text}</div>;
  return (
    <div style={style}>
      {text.slice(0, at)}
      <mark style={{ background: '#ffe58f' }} ref={(el) => el?.scrollIntoView({ block: 'center' })}>
        {mark}
      </mark>
      {text.slice(at + mark.length)}
    </div>
  );
}

function ReviewView({ id }: { id: string }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Record<string, string>>();
  const [focus, setFocus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<ReviewDocument>();
  const loaded = useApi(
    (s) => api.call('GET /api/extract/documents/:id', { params: { id } }, s),
    [id],
  );
  const doc = saved ?? loaded.data;
  const initial = useMemo(
    () => Object.fromEntries((doc?.fields ?? []).map((f) => [f.name, f.value ?? ''])),
    [doc],
  );
  useEffect(() => form.setFieldsValue(initial), [form, initial]);

  if (loaded.loading && !doc) return <PageLoading />;
  if (loaded.error && !doc) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!doc) return null;

  const save = async (confirm: boolean) => {
    const values = form.getFieldsValue();
    setBusy(true);
    try {
      const next = await api.call('PUT /api/extract/documents/:id', {
        params: { id },
        body: {
          fields: doc.fields.map((f) => ({ name: f.name, value: values[f.name]?.trim() || null })),
          confirm,
        },
      });
      setSaved(next);
      message.success(confirm ? '已确认复核' : '已保存更正');
      if (confirm) void navigate('/extract');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setBusy(false);
    }
  };
  const focused = doc.fields.find((f) => f.name === focus);

  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate('/extract')}
          />
          {doc.fileName}
        </Space>
      }
      extra={
        <Space>
          <Button icon={<SaveOutlined />} loading={busy} onClick={() => void save(false)}>
            保存
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy}
            onClick={() => void save(true)}
          >
            保存并确认
          </Button>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>文书原文</Typography.Title>
          <DocumentText text={doc.text} mark={focused?.source ?? null} />
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>抽取字段</Typography.Title>
          <Form form={form} layout="vertical" initialValues={initial}>
            {doc.fields.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={
                  <Space size={4}>
                    {f.label}
                    {confidenceTag(f.confidence)}
                    {f.corrected && <Tag color="blue">已更正</Tag>}
                  </Space>
                }
                // Why the value is uncertain, so the reviewer knows what to look for in the text.
                extra={
                  f.reason ? <span data-testid={`reason-${f.name}`}>{f.reason}</span> : undefined
                }
                style={{ marginBottom: 12 }}
              >
                <Input onFocus={() => setFocus(f.name)} allowClear />
              </Form.Item>
            ))}
          </Form>
        </Col>
      </Row>
    </Card>
  );
}

/** 文书提取复核: documents whose extracted fields await review; one opens text-left, fields-right. */
export default function ExtractPage() {
  const { id } = useParams();
  const pending = useApi(
    (s) => (id ? Promise.resolve(undefined) : api.call('GET /api/extract/pending', {}, s)),
    [id],
  );
  if (id) return <ReviewView id={id} />;
  if (pending.error) return <ErrorResult error={pending.error} onRetry={pending.reload} />;
  return (
    <>
      <ExtractUpload onDone={pending.reload} />
      <Card title="文书提取复核">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="从裁定书等文书中自动抽取的字段，请对照原文核对；置信度低的字段以红色标出。"
        />
        <Table<PendingDocument>
          size="small"
          rowKey="documentId"
          loading={pending.loading}
          dataSource={pending.data ?? []}
          locale={{ emptyText: <Empty description="没有待复核的文书" /> }}
          columns={[
            {
              title: '文件',
              dataIndex: 'fileName',
              render: (v: string, d) => (
                <Link to={`/extract/${encodeURIComponent(d.documentId)}`}>{v}</Link>
              ),
            },
            { title: '数据集', dataIndex: 'dataset', render: (v: string | null) => v ?? '—' },
            { title: '字段数', dataIndex: 'fieldCount', align: 'right' },
            {
              title: '低置信度',
              dataIndex: 'lowConfidenceCount',
              align: 'right',
              render: (v: number) =>
                v > 0 ? <Tag color="red">{v}</Tag> : <Tag color="green">0</Tag>,
            },
            { title: '抽取时间', dataIndex: 'createdAt', render: formatDateTime },
          ]}
        />
      </Card>
    </>
  );
}
