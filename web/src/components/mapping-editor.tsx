import { useMemo, useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dataset, FilePreview, SheetPreview } from '../../../src/contract/data.ts';

/** What the user decided for one uploaded file: the dataset and each header's column. */
export interface FileChoice {
  uploadId: string;
  dataset: string | null;
  /** header → column name (null = ignore) */
  mapping: Record<string, string | null>;
}

/** The sheet a file is imported from: the first one detection recognised, else the first. */
export function primarySheet(file: FilePreview): SheetPreview | undefined {
  return file.sheets.find((s) => s.dataset) ?? file.sheets[0];
}

export function initialChoice(file: FilePreview): FileChoice {
  const sheet = primarySheet(file);
  return {
    uploadId: file.uploadId,
    dataset: sheet?.dataset ?? null,
    mapping: Object.fromEntries((sheet?.mapping ?? []).map((m) => [m.header, m.column])),
  };
}

/** Required columns of the chosen dataset that no header maps to (recomputed as the user edits). */
export function missingRequired(choice: FileChoice, datasets: Dataset[]): string[] {
  const ds = datasets.find((d) => d.name === choice.dataset);
  if (!ds) return [];
  const mapped = new Set(Object.values(choice.mapping).filter(Boolean));
  return ds.columns.filter((c) => c.required && !mapped.has(c.name)).map((c) => c.label);
}

function confidenceTag(c: number) {
  if (c >= 0.9) return <Tag color="green">确定</Tag>;
  if (c >= 0.6) return <Tag color="gold">较确定</Tag>;
  if (c > 0) return <Tag color="orange">待确认</Tag>;
  return <Tag>未识别</Tag>;
}

/**
 * One uploaded file: the detected dataset and its header mapping, shown with sample cells, for
 * the user to confirm or correct (a Select per source header) before anything is imported.
 */
export function MappingEditor({
  file,
  choice,
  datasets,
  onChange,
  onRemove,
}: {
  file: FilePreview;
  choice: FileChoice;
  datasets: Dataset[];
  onChange: (c: FileChoice) => void;
  /** Drop this file from the import (a wrong file in the batch of uploads). */
  onRemove?: () => void;
}) {
  const sheet = primarySheet(file);
  const ds = datasets.find((d) => d.name === choice.dataset);
  const missing = missingRequired(choice, datasets);
  const detectedDataset = sheet?.dataset ?? null;
  // With many files, the sure ones start folded: the user's attention goes to those that need it.
  const needsLook =
    !detectedDataset ||
    missing.length > 0 ||
    file.problems.length > 0 ||
    (sheet?.mapping ?? []).some((m) => m.column !== null && m.confidence < 0.6);
  const [open, setOpen] = useState(needsLook);
  const mappedCount = Object.values(choice.mapping).filter(Boolean).length;

  const columnOptions = useMemo(
    () => [
      { value: '', label: '（忽略此列）' },
      ...(ds?.columns ?? []).map((c) => ({
        value: c.name,
        label: `${c.label}${c.required ? ' *' : ''}`,
        title: c.description,
      })),
    ],
    [ds],
  );

  // When the dataset changes, keep mappings that still name a column of the new dataset.
  const changeDataset = (name: string) => {
    const next = datasets.find((d) => d.name === name);
    const valid = new Set(next?.columns.map((c) => c.name));
    const sameAsDetected = name === detectedDataset;
    const mapping = Object.fromEntries(
      (sheet?.mapping ?? []).map((m) => {
        const current = choice.mapping[m.header] ?? null;
        if (sameAsDetected && current === null) return [m.header, m.column];
        if (current && valid.has(current)) return [m.header, current];
        // Fall back to a header that literally is a column label or synonym of the new dataset.
        const hit = next?.columns.find(
          (c) => c.label === m.header || c.synonyms.includes(m.header),
        );
        return [m.header, hit?.name ?? null];
      }),
    );
    onChange({ ...choice, dataset: name, mapping });
  };

  const rows = (sheet?.mapping ?? []).map((m) => ({
    ...m,
    samples: (sheet?.sampleRows ?? [])
      .slice(0, 3)
      .map((r) => r[m.header])
      .filter((v): v is string => !!v),
  }));

  return (
    <Card
      size="small"
      data-testid="mapping-card"
      title={
        <Space wrap>
          <Typography.Text strong>{file.fileName}</Typography.Text>
          {sheet?.sheet && (
            <Typography.Text type="secondary">工作表：{sheet.sheet}</Typography.Text>
          )}
          {sheet?.rowCount !== null && sheet?.rowCount !== undefined && (
            <Typography.Text type="secondary">
              约 {sheet.rowCount.toLocaleString('zh-CN')} 行
            </Typography.Text>
          )}
          {needsLook ? (
            <Tag color="orange">请核对</Tag>
          ) : (
            <Tag color="green">
              已识别 {mappedCount} / {rows.length} 列
            </Tag>
          )}
          <Button type="link" size="small" onClick={() => setOpen((o) => !o)}>
            {open ? '收起表头对应' : '查看表头对应'}
          </Button>
        </Space>
      }
      extra={
        <Space>
          <span>数据集：</span>
          <Select
            style={{ width: 240 }}
            showSearch
            optionFilterProp="label"
            placeholder="请选择数据集"
            value={choice.dataset ?? undefined}
            onChange={changeDataset}
            status={choice.dataset ? undefined : 'error'}
            data-testid="dataset-select"
            options={datasets.map((d) => ({
              value: d.name,
              label: d.label,
              name: d.name,
              hint:
                d.name === detectedDataset
                  ? '识别结果'
                  : sheet?.candidates.some((c) => c.dataset === d.name)
                    ? '候选'
                    : '',
            }))}
            optionRender={(o) => (
              <span>
                {o.data.label}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.data.name}
                </Typography.Text>
                {o.data.hint && (
                  <Tag
                    color={o.data.hint === '识别结果' ? 'green' : 'blue'}
                    style={{ marginLeft: 6 }}
                  >
                    {o.data.hint}
                  </Tag>
                )}
              </span>
            )}
          />
          {onRemove && (
            <Button size="small" onClick={onRemove}>
              不导入此文件
            </Button>
          )}
        </Space>
      }
      style={{ marginBottom: 12 }}
      styles={open ? undefined : { body: { display: 'none' } }}
    >
      {file.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title="读取文件时发现问题"
          description={file.problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      )}
      {!detectedDataset && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="未能自动识别数据集，请手动选择。"
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`缺少必填列：${missing.join('、')}。请为对应的表头选择列，或检查文件。`}
        />
      )}
      {file.sheets.length > 1 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          该文件共 {file.sheets.length} 个工作表，导入“{sheet?.sheet ?? '第一个'}”。
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '未找到表头行' }}
        columns={[
          { title: '文件中的表头', dataIndex: 'header', width: 180 },
          {
            title: '示例值',
            dataIndex: 'samples',
            render: (v: string[]) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                {v.join(' ｜ ') || '—'}
              </Typography.Text>
            ),
          },
          {
            title: '对应平台列',
            dataIndex: 'header',
            key: 'column',
            width: 240,
            render: (h: string) => (
              <Select
                style={{ width: '100%' }}
                size="small"
                showSearch
                optionFilterProp="label"
                disabled={!ds}
                value={choice.mapping[h] ?? ''}
                options={columnOptions}
                onChange={(v: string) =>
                  onChange({ ...choice, mapping: { ...choice.mapping, [h]: v || null } })
                }
              />
            ),
          },
          {
            title: '识别',
            dataIndex: 'confidence',
            width: 90,
            render: (c: number, r) =>
              (choice.mapping[r.header] ?? null) !== r.column ? (
                <Tag color="blue">已更正</Tag>
              ) : (
                confidenceTag(c)
              ),
          },
        ]}
      />
    </Card>
  );
}
