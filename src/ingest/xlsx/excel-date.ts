/** Excel's date cell → ISO date, or date-time when it has a time of day. */
export function excelDateText(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/**
 * A date serial → our date text. 1900 system: serial 25569 is 1970-01-01 (Excel's fictitious
 * 1900-02-29 makes day 0 1899-12-30 for every date after February 1900, as ExcelJS computed it);
 * 1904 system: 1462 days later. undefined when out of a Date's range.
 */
export function serialDateText(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  // Beyond what a Date holds (a stray huge number in a date column): the caller keeps the number.
  return Math.abs(ms) <= 8.64e15 ? excelDateText(new Date(ms)) : undefined;
}
