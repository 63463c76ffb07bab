import type { Role } from '../vocabulary.ts';

export const DATA: readonly Role[] = ['data_admin', 'admin'];
export const LEADS: readonly Role[] = ['prosecutor', 'dept_head', 'data_admin'];
export const HEAD: readonly Role[] = ['dept_head'];
/** 文书复核: prosecutors read the rulings of their cases themselves, not only data staff. */
export const EXTRACT: readonly Role[] = ['prosecutor', 'dept_head', 'data_admin', 'admin'];
