/**
 * Which character encoding a legacy spreadsheet is written in. UTF-8 (with or without BOM) and
 * UTF-16 (by its BOM, or without one by the NUL bytes every ASCII character brings) are
 * recognised; Windows-1252 is read only when the user asks for it (`--encoding windows-1252`):
 * any byte sequence is "valid" Windows-1252, so guessing it turns broken UTF-8 into wrong
 * names (`MÃ¼ller`) instead of an error.
 */
export const LEGACY_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: LegacyEncoding;
  /** The file starts with the byte order mark of that encoding (it is not part of the text). */
  bom: boolean;
  /** How it was decided: the BOM, the NUL-byte pattern of UTF-16, the option, or the default. */
  by: 'bom' | 'pattern' | 'option' | 'default';
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Decides the encoding from the first bytes of the file (a few KiB are enough). A BOM decides;
 * the option decides when there is none; otherwise UTF-16 is recognised by NUL bytes in only
 * the odd (LE) or only the even (BE) positions — a CSV header is ASCII, and a text file in
 * UTF-8 or Windows-1252 has no NUL byte at all (a few letters such as `Ā` U+0100 bring one in the
 * other position) — and everything else is read as UTF-8.
 */
export function detectEncoding(head: Uint8Array, requested?: LegacyEncoding): DetectedEncoding {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true, by: 'bom' };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true, by: 'bom' };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true, by: 'bom' };
  if (requested) return { encoding: requested, bom: false, by: 'option' };
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul += 1;
    if (head[i + 1] === 0) oddNul += 1;
  }
  if (pairs >= 2 && oddNul >= pairs * 0.3 && evenNul <= oddNul / 10) {
    return { encoding: 'utf-16le', bom: false, by: 'pattern' };
  }
  if (pairs >= 2 && evenNul >= pairs * 0.3 && oddNul <= evenNul / 10) {
    return { encoding: 'utf-16be', bom: false, by: 'pattern' };
  }
  return { encoding: 'utf-8', bom: false, by: 'default' };
}

/** "UTF-8 mit BOM" | "UTF-8 with BOM": what the command line states. */
export function encodingLabel({ encoding, bom, by }: DetectedEncoding) {
  const name = encoding === 'windows-1252' ? 'Windows-1252' : encoding.toUpperCase();
  const de = `${name}${bom ? ' mit BOM' : ''}${by === 'pattern' ? ' (ohne BOM, erkannt)' : ''}`;
  const en = `${name}${bom ? ' with BOM' : ''}${by === 'pattern' ? ' (no BOM, recognised)' : ''}`;
  return { de, en };
}

/**
 * The first byte the encoding cannot read: line and character in the line (from 1), and the
 * byte (UTF-8) or 16-bit code unit (UTF-16) in hex, e.g. `C3` or `D800`.
 */
export interface UndecodablePosition {
  line: number;
  column: number;
  code: string;
}

/**
 * Finds the first byte sequence that `encoding` cannot decode (the decoder only says "invalid",
 * not where): the file is split into lines at LF, the first line that does not decode is
 * searched for its longest decodable prefix. Null when the whole file decodes.
 */
export function locateUndecodable(
  bytes: Uint8Array,
  encoding: Exclude<LegacyEncoding, 'windows-1252'>,
): UndecodablePosition | null {
  const unit = encoding === 'utf-8' ? 1 : 2;
  const lf = encoding === 'utf-16be' ? [0, 0x0a] : encoding === 'utf-16le' ? [0x0a, 0] : [0x0a];
  const decoder = () => new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const decodes = (part: Uint8Array, stream: boolean) => {
    try {
      return decoder().decode(part, { stream });
    } catch {
      return null;
    }
  };
  const bom = detectEncoding(bytes.subarray(0, 3)).bom ? (unit === 1 ? 3 : 2) : 0;
  let start = bom;
  let line = 1;
  for (let i = bom; i <= bytes.length; i += unit) {
    const end = i >= bytes.length || lf.every((b, k) => bytes[i + k] === b);
    if (!end) continue;
    const text = bytes.subarray(start, Math.min(i + unit, bytes.length));
    if (decodes(text, false) === null) {
      // The longest prefix that decodes as a stream (a sequence cut at its end is allowed).
      let good = 0;
      let bad = text.length;
      while (bad - good > unit) {
        const mid = good + Math.floor((bad - good) / (2 * unit)) * unit || good + unit;
        if (decodes(text.subarray(0, mid), true) === null) bad = mid;
        else good = mid;
      }
      const decoded = decodes(text.subarray(0, good), true) ?? '';
      const consumed = unit === 1 ? Buffer.byteLength(decoded) : decoded.length * 2;
      const code =
        unit === 1
          ? (text[consumed] ?? 0)
          : encoding === 'utf-16le'
            ? (text[consumed] ?? 0) + 256 * (text[consumed + 1] ?? 0)
            : 256 * (text[consumed] ?? 0) + (text[consumed + 1] ?? 0);
      const hex = code
        .toString(16)
        .toUpperCase()
        .padStart(unit * 2, '0');
      return { line, column: [...decoded].length + 1, code: hex };
    }
    start = i + unit;
    line += 1;
  }
  return null;
}
