import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { DocumentTemplate } from '../../../src/contract/documents.ts';
import { holdersOf } from '../../../src/contract/rights.ts';
import {
  DOCUMENT_KINDS,
  TEMPLATE_LIST_FIELDS,
  TEMPLATE_PLACEHOLDERS,
  type DocumentKind,
} from '../../../src/domain/vocabulary.ts';
import { api, ApiError } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { formatDateTime } from '../components/format.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';

/**
 * 文书模板: the unit's own Word templates, one per kind. The placeholders are the one vocabulary of
 * the server; a template with an unknown or a missing one is refused, naming them.
 */
export default function DocumentTemplatesPage() {
  const { message } = App.useApp();
  const { hasRight } = useSession();
  const canManage = hasRight('number_cases');
  const loaded = useApi((s) => api.call('GET /api/document-templates', {}, s), []);
  const [busy, setBusy] = useState<DocumentKind | null>(null);
  const [refusal, setRefusal] = useState<string>();
  const byKind = new Map((loaded.data?.items ?? []).map((t) => [t.kind, t]));

  const upload = async (kind: DocumentKind, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    setBusy(kind);
    setRefusal(undefined);
    try {
      await api.call('POST /api/document-templates', { query: { kind }, body: form });
      message.success(`已启用本单位${kind}模板`);
      loaded.reload();
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.message : '上传失败');
    } finally {
      setBusy(null);
    }
  };

  const remove = async (kind: DocumentKind) => {
    try {
      await api.call('DELETE /api/document-templates', { query: { kind } });
      message.success(`${kind}改用标准格式`);
      loaded.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  if (loaded.error) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="templates-page">
      <Card title="文书模板" size="small">
        {!canManage && (
          <Alert type="info" showIcon title={`上传模板需要${holdersOf('number_cases')}角色`} />
        )}
        {refusal && (
          <Alert
            type="error"
            showIcon
            title={refusal}
            closable
            onClose={() => setRefusal(undefined)}
          />
        )}
        <Table<{ kind: DocumentKind; t: DocumentTemplate | undefined }>
          size="small"
          rowKey="kind"
          pagination={false}
          loading={loaded.loading}
          dataSource={DOCUMENT_KINDS.map((kind) => ({ kind, t: byKind.get(kind) }))}
          columns={[
            { title: '文书', dataIndex: 'kind' },
            {
              title: '在用格式',
              render: (_: unknown, r) =>
                r.t ? <Tag color="blue">本单位模板：{r.t.fileName}</Tag> : <Tag>标准格式</Tag>,
            },
            {
              title: '上传',
              render: (_: unknown, r) => (r.t ? `${formatDateTime(r.t.at)} ${r.t.by ?? ''}` : '—'),
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, r) =>
                canManage && (
                  <Space>
                    <Upload
                      accept=".docx"
                      showUploadList={false}
                      beforeUpload={(file) => (void upload(r.kind, file), false)}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={busy === r.kind}>
                        上传模板
                      </Button>
                    </Upload>
                    {r.t && (
                      <Popconfirm
                        title="停用模板，改用标准格式？"
                        onConfirm={() => void remove(r.kind)}
                      >
                        <Button size="small">停用</Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card title="可用的占位符" size="small">
        <Descriptions size="small" bordered column={1}>
          {TEMPLATE_PLACEHOLDERS.map((p) => (
            <Descriptions.Item key={p.name} label={`{${p.name}}`}>
              {p.label}
              {p.required.length > 0 && `（必需：${p.required.join('、')}）`}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="循环内">
            {TEMPLATE_LIST_FIELDS.map((f) => `{${f}}`).join(' ')}（写在 {'{#案件列表}'} 与{' '}
            {'{/案件列表}'} 之间，类案每件执行案件一行）
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
