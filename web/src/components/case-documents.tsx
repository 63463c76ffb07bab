import { useState } from 'react';
import { App, Button, Card, Input, Modal, Select, Space, Switch, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import type { CaseDocumentVersion } from '../../../src/contract/documents.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/domain/vocabulary.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';
import { formatDateTime } from './format.ts';

/**
 * 文书 of a supervision case: generate a 检察建议书, 线索移送函 or 审查终结报告 (the unit's own
 * template when it has one, else the standard layout), every version listed and downloadable, an
 * edited .docx uploaded as the next version. Issuing a recommendation makes its 定稿.
 */
export function CaseDocumentsCard({ caseId, canWork }: { caseId: number; canWork: boolean }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const params = { id: String(caseId) };
  const loaded = useApi(
    (s) => api.call('GET /api/supervision-cases/:id/documents', { params }, s),
    [caseId],
  );
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [recommendationId, setRecommendationId] = useState<number | null>(null);
  const [addressee, setAddressee] = useState('');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const data = loaded.data;
  const recs = data?.recommendations ?? [];

  const run = async (
    fn: () => Promise<CaseDocumentVersion>,
    done: (v: CaseDocumentVersion) => string,
  ) => {
    setBusy(true);
    try {
      const v = await fn();
      message.success(done(v));
      setKind(null);
      loaded.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  const generate = () =>
    kind &&
    void run(
      () =>
        api.call('POST /api/supervision-cases/:id/documents', {
          params,
          body: {
            kind,
            recommendationId: kind === '线索移送函' ? null : recommendationId,
            ...(addressee.trim() ? { addressee: addressee.trim() } : {}),
            reveal,
          },
        }),
      (v) => `已生成${v.kind}第 ${v.version} 版`,
    );

  const upload = (file: File, k: DocumentKind) => {
    const form = new FormData();
    form.append('file', file, file.name);
    void run(
      () =>
        api.call('POST /api/supervision-cases/:id/documents/upload', {
          params,
          query: { kind: k },
          body: form,
        }),
      (v) => `已上传为${v.kind}第 ${v.version} 版`,
    );
  };

  const get = (v: CaseDocumentVersion) =>
    downloadRoute(
      'GET /api/case-documents/:id',
      { params: { id: String(v.id) } },
      `${v.kind}.docx`,
    ).catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '下载失败'));

  return (
    <Card
      title="文书"
      size="small"
      data-testid="case-documents"
      extra={
        canWork && (
          <Space wrap>
            {DOCUMENT_KINDS.map((k) => (
              <Button key={k} size="small" icon={<FileWordOutlined />} onClick={() => setKind(k)}>
                生成{k}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Table<CaseDocumentVersion>
        size="small"
        rowKey="id"
        loading={loaded.loading}
        pagination={false}
        dataSource={data?.versions ?? []}
        locale={{ emptyText: '尚未生成文书' }}
        columns={[
          { title: '文书', dataIndex: 'kind' },
          {
            title: '检察建议',
            dataIndex: 'recommendationId',
            render: (id: number | null) => {
              const r = recs.find((x) => x.id === id);
              return r ? (r.docNo ?? `草稿 #${r.id}`) : '—';
            },
          },
          { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag color={s === '定稿' ? 'green' : 'default'}>{s}</Tag>,
          },
          {
            title: '来源',
            dataIndex: 'source',
            render: (s: string, v) => (s === '上传' && v.fileName ? `上传：${v.fileName}` : s),
          },
          { title: '时间', dataIndex: 'at', render: (t: string) => formatDateTime(t) },
          { title: '经办', dataIndex: 'by', render: (b: string | null) => b ?? '—' },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, v) => (
              <Space>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void get(v)}>
                  下载
                </Button>
                {canWork && v.status === '草稿' && (
                  <Upload
                    accept=".docx"
                    showUploadList={false}
                    beforeUpload={(file) => (upload(file, v.kind), false)}
                  >
                    <Button size="small" icon={<UploadOutlined />} loading={busy}>
                      上传修改稿
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
        ]}
      />
      {data && data.templateKinds.length > 0 && (
        <div style={{ marginTop: 8, color: '#888' }}>
          本单位模板：{data.templateKinds.join('、')}（其余文书用标准格式）
        </div>
      )}
      <Modal
        open={kind !== null}
        title={`生成${kind ?? ''}`}
        okText="生成"
        confirmLoading={busy}
        onOk={generate}
        onCancel={() => setKind(null)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {kind !== '线索移送函' && recs.length > 0 && (
            <Select<number | null>
              style={{ width: '100%' }}
              value={recommendationId}
              onChange={setRecommendationId}
              options={[
                { value: null, label: '不对应检察建议（主送单位取执行法院）' },
                ...recs.map((r) => ({
                  value: r.id,
                  label: `${r.docNo ?? `草稿 #${r.id}`} · ${r.addressee} · ${r.state}`,
                })),
              ]}
            />
          )}
          <Input
            placeholder={
              kind === '线索移送函'
                ? '主送单位（如：杭州市公安局上城区分局）'
                : '主送单位（留空取执行法院）'
            }
            value={addressee}
            onChange={(e) => setAddressee(e.target.value)}
            maxLength={100}
          />
          {user?.canViewFullId && (
            <Space>
              <Switch checked={reveal} onChange={setReveal} />
              文书中显示完整证件号码（将记入审计）
            </Space>
          )}
          <div style={{ color: '#888' }}>
            草稿的文号和日期留空；检察建议发出后生成带文号、日期的定稿。被执行人姓名照录，证件号码默认脱敏。
          </div>
        </Space>
      </Modal>
    </Card>
  );
}
