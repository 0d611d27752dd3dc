// Pure helpers for reading values out of spreadsheets as Indonesian offices save them: the text
// encoding of a CSV, its separator, dates in every common form, numbers Excel has mangled, the
// apostrophe an export puts before formula-looking values, control characters.

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Decodes the bytes of a CSV: a byte-order mark says UTF-8 or UTF-16; otherwise bytes that are
 * valid UTF-8 are UTF-8 (other encodings almost never are), and anything else is what Windows in
 * Indonesia writes, Windows-1252 (a superset of ISO-8859-1: curly quotes, dashes, é...).
 */
export function decodeTextFile(bytes: Uint8Array): {
  text: string;
  encoding: TextEncodingName;
} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder("utf-8").decode(bytes.subarray(3)),
      encoding: "utf-8-bom",
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "utf-16be",
    };
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encoding: "utf-8",
    };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Windows-1252's characters for the bytes 0x80-0x9F (the five it leaves undefined stay as they are). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes Windows-1252 by its own table: Node's TextDecoder("windows-1252") decodes as
 * ISO-8859-1, which turns curly quotes and dashes (0x91-0x97) into control characters.
 * Undefined bytes stay C1 controls, which the import refuses as unreadable.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b)));
  }
  return text;
}

/**
 * C0 and C1 control characters (tab, line feed and carriage return excepted), and U+FFFD, the
 * mark a decoder leaves for bytes it could not read: none belongs in a member's data.
 */
export function hasUnreadableCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) return true;
  }
  return false;
}

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Escapes a value for a CSV that Excel opens: a value starting with = + - @ (or a tab, a
 * carriage return, or the apostrophe itself) gets a leading apostrophe, so Excel never runs it.
 * unescapeFormula undoes exactly this.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** Undoes escapeFormula: one leading apostrophe before = + - @ tab CR or another apostrophe. */
export function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r']/.test(value) ? value.slice(1) : value;
}

/**
 * What Excel writes for a number it shows in scientific notation: "6.17102E+15", "6,17102E+15".
 * Such a value has lost its digits.
 */
export function isScientificNumber(value: string): boolean {
  return /^\s*[+-]?\d+(?:[.,]\d+)?\s*e\s*[+-]?\d+\s*$/i.test(value);
}

/** "6.171.015.708.900.000" or "6,171,015,708,900,000": a number written with thousands separators. */
export function isGroupedNumber(value: string): boolean {
  return /^\s*\d{1,3}(?:\.\d{3}){2,}\s*$/.test(value) || /^\s*\d{1,3}(?:,\d{3}){2,}\s*$/.test(value);
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  peb: 2,
  february: 2,
  maret: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  agus: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  des: 12,
  dec: 12,
  december: 12,
};

export type ImportDateResult =
  | { ok: true; iso: string }
  | {
      ok: false;
      problem: "notDate" | "yearOnly" | "number" | "monthFirst" | "shortYear";
    };

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A calendar date as people write it in Indonesia, day first: "17/08/1990", "17-8-1990",
 * "17.08.1990", "1990-08-17", "17 Agustus 1990", "17 Agt 1990", "Jumat, 17 Agustus 1990", with or
 * without a time after it (Google Forms' "17/08/1990 14:30:00"), which is ignored: the date is
 * taken as written, never moved to another day. A year alone, a bare number (an Excel serial
 * read as text), a two-digit year or a month-first date is not taken as a date.
 */
export function parseImportDate(input: string): ImportDateResult | { ok: true; iso: "" } {
  const v = input.trim().replace(/\s+/g, " ");
  if (!v) return { ok: true, iso: "" };
  if (/^\d{4}$/.test(v)) return { ok: false, problem: "yearOnly" };
  if (/^\d+(?:[.,]\d+)?$/.test(v)) return { ok: false, problem: "number" };
  const time = String.raw`(?:[ T,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT))?)?`;

  const ymd = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`, "i").exec(v);
  if (ymd) return result(isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])));

  const dmy = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})${time}$`, "i").exec(v);
  if (dmy) {
    const [day, month, yearText] = [Number(dmy[1]), Number(dmy[2]), dmy[3]!];
    if (yearText.length === 2) return { ok: false, problem: "shortYear" };
    const iso = isoOf(Number(yearText), month, day);
    if (!iso && month > 12 && day <= 12) return { ok: false, problem: "monthFirst" };
    return result(iso);
  }

  const named = new RegExp(`^(?:[a-z]+,? )?(\\d{1,2})[ -]([a-z]+)\\.?[ -](\\d{2}|\\d{4})${time}$`, "i").exec(v);
  if (named) {
    const month = MONTHS[named[2]!.toLowerCase()];
    if (named[3]!.length === 2) return { ok: false, problem: "shortYear" };
    return result(month ? isoOf(Number(named[3]), month, Number(named[1])) : null);
  }
  return { ok: false, problem: "notDate" };
}

function result(iso: string | null): ImportDateResult {
  return iso ? { ok: true, iso } : { ok: false, problem: "notDate" };
}

/** The calendar date of a spreadsheet date cell (a UTC instant): its day as written, time dropped. */
export function spreadsheetDateIso(value: Date): string {
  // A second of slack for float noise in the serial; a time of day never moves the date.
  return new Date(Math.floor((value.getTime() + 1000) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}
