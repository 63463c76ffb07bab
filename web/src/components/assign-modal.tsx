import { useEffect, useState } from 'react';
import { Modal, Select } from 'antd';
import type { UserOption } from '../../../src/contract/org.ts';
import { api } from '../api/client.ts';

/** 指派承办人: the users of the signed-in user's units. */
export function AssignModal({
  open,
  count,
  onCancel,
  onSubmit,
  busy,
}: {
  open: boolean;
  count: number;
  onCancel: () => void;
  onSubmit: (assigneeId: string) => void | Promise<void>;
  busy?: boolean;
}) {
  const [options, setOptions] = useState<UserOption[]>([]);
  const [value, setValue] = useState<string>();
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!open) return;
    setValue(undefined);
    setLoading(true);
    api
      .call('GET /api/user-options')
      .then(setOptions)
      .catch(() => setOptions([]))
      .finally(() => setLoading(false));
  }, [open]);
  return (
    <Modal
      title={count > 1 ? `指派所选 ${count} 条线索` : '指派线索'}
      open={open}
      onCancel={onCancel}
      okText="确认指派"
      okButtonProps={{ disabled: !value, loading: busy }}
      onOk={() => value && void onSubmit(value)}
    >
      <Select
        style={{ width: '100%' }}
        placeholder="选择承办检察官"
        loading={loading}
        showSearch
        optionFilterProp="label"
        value={value}
        onChange={setValue}
        notFoundContent="本单位暂无可指派的用户"
        options={options.map((o) => ({ value: o.id, label: `${o.displayName}（${o.unitName}）` }))}
      />
    </Modal>
  );
}
