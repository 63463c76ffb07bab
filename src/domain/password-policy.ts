/**
 * The password rule (等保 2.0 第三级 practice, GB/T 22239-2019 身份鉴别: 口令复杂度): at least 10
 * characters, three of the four classes (capitals, small letters, digits, symbols), not a common
 * password or an obvious variant of one, not mostly a keyboard walk, a sequence or repeats, and not
 * containing the user name. Pure: the list of common passwords is the caller's (`isCommon`).
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_CLASSES = 3;

export interface PasswordContext {
  /** The account's user name (its login); refused inside the password from 3 characters on. */
  username?: string | undefined;
  /** Whether a lower-case word is on the list of common passwords. */
  isCommon: (word: string) => boolean;
}

export const PASSWORD_MESSAGES = {
  short: `密码至少 ${PASSWORD_MIN_LENGTH} 位`,
  classes: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
  username: '密码不能包含用户名',
  common:
    '密码过于常见（常见密码或其简单变形，如 Password123!、P@ssw0rd2026），请换一个不易猜到的密码',
  pattern:
    '密码不能主要由键盘连续键、顺序字符或重复字符组成（如 123456、abcdef、qwerty、1qaz2wsx、aaaa）',
} as const;

/** The Chinese reason the password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext): string | undefined {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.short;
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) return PASSWORD_MESSAGES.classes;
  const lower = password.normalize('NFKC').toLowerCase();
  if (containsUsername(lower, context.username)) return PASSWORD_MESSAGES.username;
  if (commonCandidates(lower).some((w) => context.isCommon(w))) return PASSWORD_MESSAGES.common;
  // A common word that is half the password or more, whatever follows it (`Passw0rd-e2e`).
  for (const part of lower.split(SEPARATORS)) {
    if ([...part].length * 2 < chars.length) continue;
    if (commonCandidates(part).some((w) => context.isCommon(w))) return PASSWORD_MESSAGES.common;
  }
  if (isMostlyPattern(lower)) return PASSWORD_MESSAGES.pattern;
  return undefined;
}

/** How many of capitals, small letters, digits and other characters the password has. */
export function characterClasses(password: string): number {
  return [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{Lu}\p{Ll}\p{Nd}]/u].filter((r) => r.test(password))
    .length;
}

/** Symbols that separate words (those that stand for letters in l33t spelling are not). */
const SEPARATORS = /[^\p{L}\p{Nd}@$!|+(]+/u;

/** l33t spellings undone; `1`, `!` and `|` read both as i and as l. */
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '(': 'c',
  '3': 'e',
  '6': 'g',
  '9': 'g',
  '0': 'o',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '2': 'z',
};

function unleet(s: string, one: 'i' | 'l'): string {
  let out = '';
  for (const ch of s) out += ch === '1' || ch === '!' || ch === '|' ? one : (LEET[ch] ?? ch);
  return out;
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

function containsUsername(lower: string, username: string | undefined): boolean {
  const name = username?.normalize('NFKC').toLowerCase().trim() ?? '';
  if ([...name].length < 3) return false;
  const forms = [lower, unleet(lower, 'i'), unleet(lower, 'l')];
  return forms.some((f) => f.includes(name) || f.includes(reverse(name)));
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * The words to look up: the password itself, without its symbols, and every "core" left when
 * digits and symbols are taken off either end (`Password123!` → `password`, `!!Welcome1` →
 * `welcome1`, `welcome`), in plain, l33t-undone and reversed spelling; plus the digits left when
 * letters and symbols are taken off the ends (`5201314Ab!` → `5201314`).
 */
export function commonCandidates(lower: string): string[] {
  const chars = [...lower];
  const out = new Set<string>([lower, lower.replace(/[^\p{L}\p{Nd}]/gu, '')]);
  let lead = 0;
  while (lead < chars.length && !LETTER.test(chars[lead] ?? '')) lead++;
  let trail = 0;
  while (trail < chars.length - lead && !LETTER.test(chars[chars.length - 1 - trail] ?? ''))
    trail++;
  for (let p = 0; p <= lead; p++) {
    for (let s = 0; s <= trail; s++) {
      const core = chars.slice(p, chars.length - s).join('');
      if ([...core].length < 3) continue;
      for (const w of [core, unleet(core, 'i'), unleet(core, 'l')]) {
        out.add(w);
        out.add(reverse(w));
      }
    }
  }
  let start = 0;
  while (start < chars.length && !DIGIT.test(chars[start] ?? '')) start++;
  let end = chars.length;
  while (end > start && !DIGIT.test(chars[end - 1] ?? '')) end--;
  if (end - start >= 4) out.add(chars.slice(start, end).join(''));
  return [...out];
}

/** US keyboard rows; the shifted row below each maps its keys onto the same positions. */
const ROWS = ['1234567890-=', 'qwertyuiop[]', "asdfghjkl;'", 'zxcvbnm,./'];
const SHIFTED = ['!@#$%^&*()_+', 'qwertyuiop{}', 'asdfghjkl:"', 'zxcvbnm<>?'];
const KEY = new Map<string, [number, number]>();
for (const rows of [ROWS, SHIFTED]) {
  rows.forEach((row, r) => [...row].forEach((ch, col) => KEY.set(ch, [r, col])));
}

/**
 * Neighbours: the same key (repeats), the next letter or digit (`abcd`, `4321`), or keys touching
 * on the keyboard — along a row (`qwer`) or down the staggered columns (`1qaz`, `zaq1`, `1q2w`).
 */
function adjacent(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  const bothLetters = /[a-z]/.test(a) && /[a-z]/.test(b);
  const bothDigits = /\d/.test(a) && /\d/.test(b);
  if ((bothLetters || bothDigits) && Math.abs(x - y) === 1) return true;
  const p = KEY.get(a);
  const q = KEY.get(b);
  if (!p || !q) return false;
  if (p[0] === q[0]) return Math.abs(p[1] - q[1]) === 1;
  if (Math.abs(p[0] - q[0]) !== 1) return false;
  const [upper, lower] = p[0] < q[0] ? [p, q] : [q, p];
  const shift = lower[1] - upper[1];
  return shift === 0 || shift === -1;
}

/** Runs of 4+ neighbouring characters, or a password that is one short unit repeated. */
function isMostlyPattern(lower: string): boolean {
  const chars = [...lower];
  const n = chars.length;
  for (let unit = 1; unit <= n / 2; unit++) {
    if (chars.every((ch, i) => ch === chars[i % unit])) return true;
  }
  let marked = 0;
  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && adjacent(chars[i - 1] ?? '', chars[i] ?? '')) continue;
    if (i - runStart >= 4) marked += i - runStart;
    runStart = i;
  }
  return marked * 2 >= n;
}
