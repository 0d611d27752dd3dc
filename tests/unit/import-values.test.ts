// The pure helpers behind the member import: encodings, dates, Excel's mangled numbers, the
// apostrophe escape of formula-looking values.
import { describe, expect, it } from "vitest";
import {
  decodeTextFile,
  decodeWindows1252,
  escapeFormula,
  hasUnreadableCharacters,
  isGroupedNumber,
  isScientificNumber,
  parseImportDate,
  spreadsheetDateIso,
  unescapeFormula,
} from "~/utils/import-values";

describe("decodeTextFile", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it.each([
    ["UTF-8", utf8("Ma’ruf – é"), "utf-8", "Ma’ruf – é"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Nama;NIK")]), "utf-8-bom", "Nama;NIK"],
    ["UTF-16LE with BOM", new Uint8Array([0xff, 0xfe, ...Buffer.from("Ma’ruf\tNIK", "utf16le")]), "utf-16le", "Ma’ruf\tNIK"],
    ["UTF-16BE with BOM", new Uint8Array([0xfe, 0xff, ...Buffer.from("Nama", "utf16le").swap16()]), "utf-16be", "Nama"],
    [
      "Windows-1252: curly quotes, dashes, euro, accents",
      new Uint8Array([0x93, 0x4d, 0x61, 0x92, 0x72, 0x75, 0x66, 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x80, 0x20, 0xe9]),
      "windows-1252",
      "“Ma’ruf” – — € é",
    ],
  ] as const)("%s", (_name, bytes, encoding, text) => {
    expect(decodeTextFile(bytes)).toEqual({ encoding, text });
  });

  it("never turns Windows-1252 punctuation into control characters; undefined bytes stay visible as such", () => {
    const all = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const text = decodeWindows1252(all);
    const controls = [...text].filter((ch) => hasUnreadableCharacters(ch));
    expect(controls.map((ch) => ch.codePointAt(0))).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });
});

describe("hasUnreadableCharacters", () => {
  it.each([
    ["Siti Aminah", false],
    ["Jl. A\r\nRT 1\tRW 2", false],
    ["Ma’ruf – “Damai” é ñ 漢", false],
    ["Siti\u0000", true],
    ["\u0007bell", true],
    ["\u0092", true],
    ["\u007f", true],
    ["bad \uFFFD byte", true],
  ])("%j -> %s", (value, expected) => expect(hasUnreadableCharacters(value)).toBe(expected));
});

describe("escapeFormula / unescapeFormula", () => {
  it.each(["=1+2", "+62 812", "-", "@home", "\tx", "\rx", "'=already", "''", "'", "Ma'ruf", "'Aisyah", "plain", ""])(
    "%j survives the round trip",
    (value) => expect(unescapeFormula(escapeFormula(value))).toBe(value),
  );
  it("escapes what a spreadsheet would run, and the apostrophe itself", () => {
    expect(escapeFormula("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(escapeFormula("'=x")).toBe("''=x");
    expect(escapeFormula("Ma'ruf")).toBe("Ma'ruf");
  });
  it("leaves an apostrophe that is not an escape", () => {
    expect(unescapeFormula("'Aisyah")).toBe("'Aisyah");
  });
});

describe("numbers Excel has mangled", () => {
  it.each(["6.17102E+15", "6,17102E+15", "6.171015709E+15", "8,12346E+10", "1e15"])("%s is scientific", (v) =>
    expect(isScientificNumber(v)).toBe(true),
  );
  it.each(["6171015708900003", "E+15", "Jl. 6E", ""])("%s is not scientific", (v) => expect(isScientificNumber(v)).toBe(false));
  it.each(["6.171.015.708.900.000", "6,171,015,708,900,000"])("%s is grouped", (v) => expect(isGroupedNumber(v)).toBe(true));
  it.each(["61.71.01.1001", "17.08.1990", "6171015708900000"])("%s is not grouped", (v) => expect(isGroupedNumber(v)).toBe(false));
});

describe("parseImportDate", () => {
  it.each([
    ["17/08/1990", "1990-08-17"],
    ["7/8/1990", "1990-08-07"],
    ["17-08-1990", "1990-08-17"],
    ["17.08.1990", "1990-08-17"],
    ["1990-08-17", "1990-08-17"],
    ["1990-8-7", "1990-08-07"],
    ["17/08/1990 14:30:00", "1990-08-17"],
    ["17/08/1990 23.59.59", "1990-08-17"],
    ["1990-08-17T23:30:00Z", "1990-08-17"],
    ["1990-08-17 23:30 WIB", "1990-08-17"],
    ["12 Mei 1980", "1980-05-12"],
    ["12 Agt 1980", "1980-08-12"],
    ["12 agu 1980", "1980-08-12"],
    ["12 Agustus 1980", "1980-08-12"],
    ["12-Okt-1980", "1980-10-12"],
    ["1 Des 1980", "1980-12-01"],
    ["1 Nop 1980", "1980-11-01"],
    ["Senin, 12 Mei 1980", "1980-05-12"],
    ["12 May 1980", "1980-05-12"],
    ["29/02/2000", "2000-02-29"],
    ["", ""],
    ["   ", ""],
  ])("%j -> %s", (input, iso) => expect(parseImportDate(input)).toEqual({ ok: true, iso }));

  it.each([
    ["2019", "yearOnly"],
    ["33102", "number"],
    ["33102.75", "number"],
    ["08/17/1990", "monthFirst"],
    ["17/08/90", "shortYear"],
    ["12 Mei 80", "shortYear"],
    ["31/02/1990", "notDate"],
    ["29/02/1900", "notDate"],
    ["12 Mai 1980", "notDate"],
    ["kemarin", "notDate"],
  ])("%j is refused (%s)", (input, problem) => expect(parseImportDate(input)).toEqual({ ok: false, problem }));
});

describe("spreadsheetDateIso", () => {
  it("keeps the date of a date cell whatever its time of day", () => {
    expect(spreadsheetDateIso(new Date(Date.UTC(2020, 0, 5)))).toBe("2020-01-05");
    expect(spreadsheetDateIso(new Date(Date.UTC(2020, 0, 5, 18, 30)))).toBe("2020-01-05");
    expect(spreadsheetDateIso(new Date(Date.UTC(2020, 0, 5, 23, 59, 58)))).toBe("2020-01-05");
    // float noise just before midnight belongs to the next day
    expect(spreadsheetDateIso(new Date(Date.UTC(2020, 0, 5) - 3))).toBe("2020-01-05");
  });
});
