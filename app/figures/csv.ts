/**
 * CSV for the figures' tables, written for a Danish spreadsheet: Excel and
 * LibreOffice with Danish settings split columns on semicolons (the comma is
 * the decimal mark there), and read UTF-8 only behind a byte-order mark
 * (without it æ, ø, å come out garbled). Decimals are written with a comma;
 * CRLF line ends and quoting as in RFC 4180, with ';' as the separator.
 */
const BOM = '\uFEFF';
const SEPARATOR = ';';

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : typeof value === 'number' ? String(value).replace('.', ',') : value;
    // A leading = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
    return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return BOM + [header, ...rows].map((row) => row.map(field).join(SEPARATOR)).join('\r\n') + '\r\n';
}
