import { useState } from 'react';
import { App, Button, DatePicker, Form, Select, Space } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { RunRequest } from '../../../src/contract/models.ts';
import { api, ApiError } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';

interface ScopeValues {
  unitIds?: string[];
  courts?: string[];
  closed?: [Dayjs | null, Dayjs | null] | null;
  campaignId?: number;
  asOf?: Dayjs | null;
}

/**
 * The scope of a run (units, courts, closure dates), the campaign it is made under (one the user's
 * unit takes part in, running today: the server bounds the run by it and fills in what is left
 * open), the day it looks from, and the run button. Parameter overrides come from the caller (the
 * model detail page edits them).
 */
export function RunForm({
  modelIds,
  params,
  disabled,
  label,
  onStarted,
}: {
  modelIds: string[] | undefined;
  params?: RunRequest['params'];
  disabled?: boolean;
  label: string;
  onStarted: (jobId: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ScopeValues>();
  const [busy, setBusy] = useState(false);
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  const campaigns = useApi((s) => api.call('GET /api/campaigns', { query: { mine: '1' } }, s), []);

  const run = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      const body: RunRequest = {
        modelIds,
        params: params ?? {},
        scope: {
          unitIds: v.unitIds?.length ? v.unitIds : undefined,
          courts: v.courts?.length ? v.courts : undefined,
          closedFrom: v.closed?.[0]?.format('YYYY-MM-DD'),
          closedTo: v.closed?.[1]?.format('YYYY-MM-DD'),
          campaignId: v.campaignId ?? undefined,
        },
        asOf: v.asOf ? v.asOf.format('YYYY-MM-DD') : undefined,
      };
      const started = await api.call('POST /api/runs', { body });
      onStarted(started.jobId);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '运行失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="inline" style={{ rowGap: 8 }}>
      <Form.Item name="unitIds" label="范围：单位">
        <Select
          mode="multiple"
          allowClear
          placeholder="全部（本单位及下级）"
          style={{ minWidth: 200 }}
          optionFilterProp="label"
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="courts" label="法院">
        <Select
          mode="tags"
          placeholder="全部"
          style={{ minWidth: 160 }}
          tokenSeparators={[',', '，']}
        />
      </Form.Item>
      <Form.Item name="closed" label="结案日期">
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item
        name="asOf"
        label="基准日期"
        tooltip="模型按此日期计算期限（如“终本后 N 年内”）；不填为今天"
      >
        <DatePicker placeholder="今天" data-testid="run-as-of" />
      </Form.Item>
      <Form.Item
        name="campaignId"
        label="专项活动"
        tooltip="在专项活动下运行：模型、单位、法院和终本日期须在活动范围内，未填的按活动设定；发现的线索计入该活动"
      >
        <Select
          allowClear
          placeholder="不属于专项活动"
          style={{ minWidth: 180 }}
          optionFilterProp="label"
          data-testid="run-campaign"
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.theme }))}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={busy}
            disabled={disabled}
            onClick={() => void run()}
            data-testid="run-models"
          >
            {label}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
