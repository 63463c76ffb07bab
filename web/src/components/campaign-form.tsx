import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Campaign, CampaignRequest } from '../../../src/contract/campaigns.ts';
import { api, ApiError } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';

interface Values {
  theme: string;
  period: [Dayjs, Dayjs];
  modelIds?: string[];
  participantIds?: string[];
  scopeUnitIds?: string[];
  courts?: string[];
  closed?: [Dayjs | null, Dayjs | null] | null;
  note?: string;
}

const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * 新建 / 修改专项活动: theme, period, the models it uses, the units taking part, and its scope
 * (units, courts, 终本日期). An edit sends the version it was made on (409 when someone saved first).
 */
export function CampaignForm({
  open,
  campaign,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** Editing this one; undefined: a new campaign. */
  campaign?: Campaign | undefined;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const models = useApi((s) => api.call('GET /api/models', {}, s), []);
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (campaign) {
      form.setFieldsValue({
        theme: campaign.theme,
        period: [dayjs(campaign.startsOn ?? undefined), dayjs(campaign.endsOn ?? undefined)],
        modelIds: campaign.modelIds,
        participantIds: campaign.participantIds,
        scopeUnitIds: campaign.scopeUnitIds,
        courts: campaign.courts,
        closed: [
          campaign.closedFrom ? dayjs(campaign.closedFrom) : null,
          campaign.closedTo ? dayjs(campaign.closedTo) : null,
        ],
        note: campaign.note,
      });
    }
  }, [open, campaign, form]);

  const save = async () => {
    const v = await form.validateFields();
    const body: CampaignRequest = {
      theme: v.theme,
      startsOn: ymd(v.period[0]) ?? '',
      endsOn: ymd(v.period[1]) ?? '',
      modelIds: v.modelIds ?? [],
      participantIds: v.participantIds ?? [],
      scopeUnitIds: v.scopeUnitIds ?? [],
      courts: v.courts ?? [],
      closedFrom: ymd(v.closed?.[0]),
      closedTo: ymd(v.closed?.[1]),
      note: v.note ?? '',
    };
    setBusy(true);
    try {
      const saved = campaign
        ? await api.call('PUT /api/campaigns/:id', {
            params: { id: String(campaign.id) },
            body: { ...body, version: campaign.version },
          })
        : await api.call('POST /api/campaigns', { body });
      message.success(campaign ? '已保存' : '已新建专项活动');
      onSaved(saved.id);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={campaign ? '修改专项活动' : '新建专项活动'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="campaign-form">
        <Form.Item
          name="theme"
          label="活动主题"
          rules={[{ required: true, message: '请填写主题' }]}
        >
          <Input maxLength={200} placeholder="如：终本案件专项监督" />
        </Form.Item>
        <Form.Item
          name="period"
          label="活动期间"
          rules={[{ required: true, message: '请选择活动期间' }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="modelIds" label="使用的模型" tooltip="不选为不限模型">
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            placeholder="不限"
            options={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.id} ${m.name}` }))}
          />
        </Form.Item>
        <Form.Item name="participantIds" label="参加单位" tooltip="参加单位可在本活动下运行模型">
          <Select mode="multiple" allowClear optionFilterProp="label" options={unitOptions} />
        </Form.Item>
        <Form.Item name="scopeUnitIds" label="范围：单位" tooltip="不选为运行单位的全部案件">
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            placeholder="不限"
            options={unitOptions}
          />
        </Form.Item>
        <Form.Item name="courts" label="范围：法院">
          <Select mode="tags" placeholder="不限" tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="closed" label="范围：终本日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
