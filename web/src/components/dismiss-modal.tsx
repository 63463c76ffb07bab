import { Form, Input, Modal, Radio } from 'antd';
import { DISMISS_REASONS } from '../../../src/contract/vocabulary.ts';
import type { DismissReason } from '../../../src/contract/vocabulary.ts';

export interface DismissValues {
  reason: DismissReason;
  note: string;
}

/** 排除线索: a reason from workflow.md's list, plus a note (required for 其他). */
export function DismissModal({
  open,
  count,
  onCancel,
  onSubmit,
  busy,
}: {
  open: boolean;
  count: number;
  onCancel: () => void;
  onSubmit: (v: DismissValues) => void | Promise<void>;
  busy?: boolean;
}) {
  const [form] = Form.useForm<DismissValues>();
  return (
    <Modal
      title={count > 1 ? `排除所选 ${count} 条线索` : '排除线索'}
      open={open}
      onCancel={onCancel}
      okText="确认排除"
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => void form.validateFields().then((v) => onSubmit({ ...v, note: v.note ?? '' }))}
      destroyOnHidden
      // Cleared once closed, not on opening: a reset on opening could land after the first click.
      afterClose={() => form.resetFields()}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="排除理由"
          rules={[{ required: true, message: '请选择排除理由' }]}
        >
          <Radio.Group>
            {DISMISS_REASONS.map((r) => (
              <Radio key={r} value={r} style={{ display: 'block', marginBottom: 6 }}>
                {r}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label="说明"
          dependencies={['reason']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                getFieldValue('reason') === '其他' && !v?.trim()
                  ? Promise.reject(new Error('理由为“其他”时请填写说明'))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder="如：经核实，该车辆已于终本前过户"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
