/**
 * Cells of CSV files oba writes. A cell starting with `=`, `+`, `-`, `@`, tab or carriage return
 * would run as a formula when the file is opened in a spreadsheet (CSV injection, OWASP), so it
 * is prefixed with an apostrophe. Numbers are written by oba itself and never pass through here.
 */
export function protectCsvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
