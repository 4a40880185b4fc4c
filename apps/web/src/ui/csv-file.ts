/**
 * The import routes take a CSV of up to 25 MiB inside a JSON body; the file must leave room
 * for escaping and the JSON around it.
 */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export type CsvDecoding =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' }
  | { ok: false; reason: 'empty' | 'too_large' | 'binary' };

/**
 * Turns the bytes of a CSV file into text. UTF-8 (with or without BOM) is the format; a file
 * that is no valid UTF-8 is read as Windows-1252, which is what Excel on a German desktop
 * writes by default, so umlauts survive either way.
 */
export function decodeCsvBytes(bytes: Uint8Array): CsvDecoding {
  if (bytes.length > MAX_CSV_BYTES) return { ok: false, reason: 'too_large' };
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  if (body.includes(0)) return { ok: false, reason: 'binary' };
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder('windows-1252').decode(body);
    encoding = 'windows-1252';
  }
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  return { ok: true, text, encoding };
}

/** Reads a picked file in the browser; nothing leaves the machine until the user imports. */
export async function readCsvFile(file: Blob): Promise<CsvDecoding> {
  if (file.size > MAX_CSV_BYTES) return { ok: false, reason: 'too_large' };
  return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
}

/** The number of data rows (lines after the header that are not blank), for the preview. */
export function countDataRows(text: string): number {
  return text
    .split(/\r\n|\n|\r/)
    .slice(1)
    .filter((line) => line.trim() !== '').length;
}
