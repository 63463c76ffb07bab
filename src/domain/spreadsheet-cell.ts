/**
 * A cell value that Excel (or WPS) will not run as a formula: text starting with = + - @ (or a tab /
 * carriage return that hides one) gets a leading apostrophe-like quote character. OWASP "CSV
 * injection": prefixing with a single quote makes it plain text.
 */
export function defuseCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
