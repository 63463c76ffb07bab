import type { Rng } from './prng.ts';

/** Common surnames (weighted by repetition) and given-name characters for synthetic people. */
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '邓', '冯', '韩', '曹', '曾', '彭',
  '萧', '蔡', '潘', '田', '董', '袁', '于', '余', '叶', '蒋', '杜', '苏', '魏', '程', '吕', '丁',
  '沈', '任', '姚', '卢', '傅', '钟', '姜', '崔', '谭', '廖', '范', '汪', '陆', '金', '石', '戴',
  '贾', '韦', '夏', '邱', '方', '侯', '邹', '熊', '孟', '秦', '白', '江', '阎', '薛', '尹', '段',
  '陈', '王', '张', '李', '徐', '吴', '周', '沈', '钱', '俞', '楼', '应', '舒', '章', '裘', '屠',
] as const;

const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明',
  '超', '秀', '霞', '平', '刚', '桂', '英', '华', '建', '国', '志', '红', '文', '斌', '辉', '玲',
  '海', '燕', '飞', '鹏', '晨', '浩', '宇', '婷', '雪', '琳', '俊', '凯', '峰', '波', '亮', '慧',
  '德', '林', '春', '梅', '永', '荣', '新', '兰', '云', '忠', '福', '晓', '佳', '嘉', '欣', '怡',
] as const;

/** Simplified → traditional for a few characters, so some names arrive in traditional script. */
const TRADITIONAL: Record<string, string> = {
  陈: '陳', 刘: '劉', 张: '張', 赵: '趙', 吴: '吳', 孙: '孫', 马: '馬', 郑: '鄭', 谢: '謝',
  许: '許', 邓: '鄧', 冯: '馮', 韩: '韓', 罗: '羅', 叶: '葉', 苏: '蘇', 华: '華', 国: '國',
  伟: '偉', 丽: '麗', 军: '軍', 艳: '艷', 杰: '傑', 涛: '濤', 辉: '輝', 玲: '玲', 飞: '飛',
  鹏: '鵬', 俊: '俊', 凯: '凱', 峰: '峰', 亮: '亮', 荣: '榮', 晓: '曉', 兰: '蘭', 云: '雲',
};

export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** The name in traditional characters where a mapping exists (opencc turns it back). */
export function toTraditional(name: string): string {
  return [...name].map((ch) => TRADITIONAL[ch] ?? ch).join('');
}

export function hasTraditionalForm(name: string): boolean {
  return [...name].some((ch) => ch in TRADITIONAL);
}

const COMPANY_WORDS = [
  '恒达', '宏远', '鑫源', '华茂', '锦程', '天成', '瑞丰', '永泰', '金鼎', '信诚', '博远', '汇通',
  '嘉禾', '海诚', '中联', '启航', '润泽', '东方', '新锐', '盛世', '远景', '万通', '正和', '安泰',
];
const COMPANY_TRADES = [
  '建材', '贸易', '纺织', '机械', '电子', '物流', '餐饮', '建筑工程', '服饰', '五金', '化工', '科技',
  '房地产开发', '装饰工程', '汽车销售', '食品', '印务', '塑业',
] as const;
const COMPANY_FORMS = ['有限公司', '有限公司', '有限责任公司', '股份有限公司'] as const;

/** `杭州恒达建材有限公司`; a few carry a bracketed place (`浙江鑫源（杭州）贸易有限公司`). */
export function companyName(rng: Rng, cityShort: string): string {
  const word = rng.pick(COMPANY_WORDS);
  const trade = rng.pick(COMPANY_TRADES);
  if (rng.chance(0.1)) return `浙江${word}（${cityShort}）${trade}${rng.pick(COMPANY_FORMS)}`;
  return `${cityShort}${word}${trade}${rng.pick(COMPANY_FORMS)}`;
}

export const BANK_APPLICANTS = [
  '中国工商银行股份有限公司杭州分行',
  '中国农业银行股份有限公司宁波分行',
  '杭州银行股份有限公司',
  '浙江泰隆商业银行股份有限公司',
  '中国建设银行股份有限公司温州分行',
  '浙商银行股份有限公司绍兴分行',
] as const;
