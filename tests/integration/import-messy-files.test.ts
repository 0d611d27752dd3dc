// The member import over files as offices really save them, built here: .xlsx with number cells,
// text cells, date cells with a time, the 1904 date system and several sheets; CSV in UTF-8,
// UTF-8 with BOM, UTF-16 and Windows-1252 bytes, ";" and "," and tab separators, CRLF, quoted
// fields holding separators and line breaks. Each case says what the dry run must make of it,
// against a real SQLite database. Nothing here is stored as a member: it is all dry run.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkImport } from "~/domain/members/import-commit.server";
import { readMemberFile, TEMPLATE_COLUMNS, type ImportColumnKey, type ImportFileInfo } from "~/domain/members/import-file.server";
import type { CheckedImportRow } from "~/domain/members/import-parse.server";
import type { Actor } from "~/domain/shared/actor.server";
import { ALL_SHEETS } from "~/validation/member-import";
import { action as loginAction } from "~/routes/login";
import { action as uploadAction } from "~/routes/members.import._index";
import { action as resultAction, loader as resultLoader } from "~/routes/members.import.$id";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter } from "../factories";
import { actorOfUser } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { cookiesFrom, dataOf, getRequest, postForm, run, statusOf } from "../support/requests";

let chapterId: string;
let board: Actor;
let cookie: string;

type Cell = string | number | Date | null;
type Fields = Partial<Record<ImportColumnKey, Cell>>;

const HEADER: Record<ImportColumnKey, string> = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ImportColumnKey,
  string
>;
const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

/** Siti: a member every file can hold (NIK agrees with her birth date and sex, kelurahan in the chapter). */
const SITI: Fields = {
  fullName: "Siti Aminah",
  nik: "6171015708900003",
  sex: "P",
  birthDate: "17/08/1990",
  phone: "0812-3456-7890",
  address: "Jl. Tanjungpura No. 5",
  district: "Pontianak Selatan",
  village: "Akcaya",
  joinDate: "20/01/2020",
};
/** Budi: a second one (a man born the same day). */
const BUDI: Fields = {
  ...SITI,
  fullName: "Budi Santoso",
  nik: "6171011708900009",
  sex: "L",
  phone: "",
  address: "Jl. Gajah Mada 7",
};
const COLUMNS = Object.keys(SITI).concat("status", "email") as ImportColumnKey[];

type Sheet = {
  name: string;
  header?: string[];
  rows: Fields[];
  columns?: ImportColumnKey[];
  textColumns?: ImportColumnKey[];
};

/** An .xlsx: strings as text cells, numbers as number cells, Dates as date cells. */
async function xlsx(sheets: Sheet[], options: { date1904?: boolean } = {}) {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    const columns = sheet.columns ?? COLUMNS;
    ws.addRow(sheet.header ?? columns.map((key) => HEADER[key]));
    for (const fields of sheet.rows) {
      const row = ws.addRow(columns.map((key) => fields[key] ?? null));
      columns.forEach((key, i) => {
        if (fields[key] instanceof Date) row.getCell(i + 1).numFmt = "dd/mm/yyyy hh:mm";
      });
    }
  }
  return {
    fileName: "anggota.xlsx",
    bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
  };
}

/** Bytes of text in Windows-1252 (only the characters these tests use beyond Latin-1). */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = {
    "‘": 0x91,
    "’": 0x92,
    "“": 0x93,
    "”": 0x94,
    "–": 0x96,
    "—": 0x97,
    "€": 0x80,
  };
  return Uint8Array.from([...text].map((ch) => extra[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}

type CsvOptions = {
  delimiter?: string;
  encoding?: "utf-8" | "utf-8-bom" | "utf-16le" | "windows-1252";
  newline?: string;
  header?: string[];
  columns?: ImportColumnKey[];
};

/** A CSV as Excel writes it: quoted only when needed. */
function csv(rows: Fields[], options: CsvOptions = {}) {
  const delimiter = options.delimiter ?? ";";
  const newline = options.newline ?? "\r\n";
  const columns = options.columns ?? COLUMNS;
  const quote = (v: string) => (/["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    (options.header ?? columns.map((key) => HEADER[key])).map(quote).join(delimiter),
    ...rows.map((fields) => columns.map((key) => quote(String(fields[key] ?? ""))).join(delimiter)),
  ];
  const text = lines.join(newline) + newline;
  const encoding = options.encoding ?? "utf-8";
  let bytes: Uint8Array;
  if (encoding === "windows-1252") bytes = windows1252(text);
  else if (encoding === "utf-16le") bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
  else bytes = new Uint8Array([...(encoding === "utf-8-bom" ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);
  return { fileName: "anggota.csv", bytes };
}

type RowExpectation = {
  outcome: CheckedImportRow["outcome"];
  data?: Record<string, unknown>;
  status?: string;
  /** each reason expected, in order (strings are matched as substrings) */
  reasons?: (string | RegExp)[];
  warnings?: (string | RegExp)[];
};

type Case = {
  name: string;
  file: () => Promise<{ fileName: string; bytes: Uint8Array }> | { fileName: string; bytes: Uint8Array };
  sheet?: string;
  info?: Partial<ImportFileInfo>;
  /** by row label: "2", or "2 (lembar X)" */
  rows: Record<string, RowExpectation>;
};

const NIK_NUMBER = "tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang";
const created = (data: Record<string, unknown> = {}, extra: Partial<RowExpectation> = {}): RowExpectation => ({
  outcome: "create",
  reasons: [],
  data,
  ...extra,
});
const rejected = (...reasons: (string | RegExp)[]): RowExpectation => ({
  outcome: "reject",
  reasons,
});

const CASES: Case[] = [
  // --- NIK and other long numbers through Excel
  {
    name: "xlsx: an NIK in a number cell, rounded by Excel to 15 digits, is refused with how to fix it",
    file: () => xlsx([{ name: "Anggota", rows: [{ ...SITI, nik: 6171015708900000 }] }]),
    rows: {
      "2": rejected(
        `NIK: "6171015708900000" ${NIK_NUMBER} (Excel hanya menyimpan 15 digit). Format kolom NIK sebagai Teks, ketik ulang NIK-nya, lalu unggah lagi.`,
      ),
    },
  },
  {
    name: "xlsx: any NIK from a number cell is refused, even one that looks whole",
    file: () => xlsx([{ name: "Anggota", rows: [{ ...SITI, nik: 6171015708900003 }, BUDI] }]),
    rows: {
      "2": rejected(NIK_NUMBER),
      "3": created({ nik: "6171011708900009" }),
    },
  },
  {
    name: "xlsx: an NIK in a text cell ending in 0 is taken as typed",
    file: () => xlsx([{ name: "Anggota", rows: [{ ...SITI, nik: "6171015708900010" }] }]),
    rows: { "2": created({ nik: "6171015708900010" }) },
  },
  {
    name: "CSV: a column of NIKs that all end in 0 (plain digits) was rounded by Excel: refused, said for the file",
    file: () =>
      csv([
        { ...SITI, nik: "6171015708900000" },
        { ...BUDI, nik: "6171011708900000" },
      ]),
    info: { nikColumnRounded: true },
    rows: {
      "2": rejected("semua NIK di kolom ini berakhiran 0"),
      "3": rejected("semua NIK di kolom ini berakhiran 0"),
    },
  },
  {
    name: "CSV: an NIK ending in 0 among others that do not is a real one",
    file: () => csv([{ ...SITI, nik: "6171015708900010" }, BUDI]),
    info: {},
    rows: {
      "2": created({ nik: "6171015708900010" }),
      "3": created({ nik: "6171011708900009" }),
    },
  },
  {
    name: "CSV: an NIK written with thousands dots (a number format) is refused, never read as digits",
    file: () => csv([{ ...SITI, nik: "6.171.015.708.900.000" }, BUDI]),
    rows: { "2": rejected(NIK_NUMBER), "3": created() },
  },
  {
    name: "CSV: an NIK in scientific notation (Indonesian and English decimal mark) is refused",
    file: () =>
      csv([
        { ...SITI, nik: "6,17102E+15" },
        { ...BUDI, nik: "6.17101E+15" },
      ]),
    rows: { "2": rejected(NIK_NUMBER), "3": rejected(NIK_NUMBER) },
  },
  {
    name: "xlsx: a phone in a number cell lost its 0: restored to +62, and said",
    file: () => xlsx([{ name: "Anggota", rows: [{ ...SITI, phone: 81234567890 }] }]),
    rows: {
      "2": created(
        { phone: "+6281234567890" },
        {
          warnings: ['No. HP "81234567890" tersimpan sebagai angka tanpa 0 di depan'],
        },
      ),
    },
  },
  {
    name: "CSV: a phone in scientific notation is refused (its digits are gone)",
    file: () => csv([{ ...SITI, phone: "8,12346E+10" }]),
    rows: {
      "2": rejected('No. HP: "8,12346E+10" tersimpan sebagai angka di Excel'),
    },
  },
  {
    name: "xlsx: an SK number past 15 digits in a number cell is refused",
    file: () =>
      xlsx([
        {
          name: "Anggota",
          columns: [...COLUMNS, "skPsmNumber", "skPsmDate"],
          rows: [{ ...SITI, skPsmNumber: 1234567890123456, skPsmDate: "01/02/2021" }],
        },
      ]),
    rows: {
      "2": rejected('Nomor SK PSM: "1234567890123456" tersimpan sebagai angka'),
    },
  },

  {
    name: "a masked NIK (an export without whole NIK) is refused with how to get the whole one",
    file: () => csv([{ ...SITI, nik: "6171********0003" }]),
    rows: { "2": rejected('NIK: "6171********0003" disamarkan.') },
  },

  // --- Dates
  {
    name: "xlsx: a date cell with a time (Google Forms) keeps its date, never the next day",
    file: () =>
      xlsx([
        {
          name: "Anggota",
          rows: [
            {
              ...SITI,
              birthDate: utc(1990, 8, 17, 18, 30),
              joinDate: utc(2020, 1, 20, 23, 59),
            },
          ],
        },
      ]),
    rows: { "2": created({ birthDate: "1990-08-17", joinDate: "2020-01-20" }) },
  },
  {
    name: "xlsx in the 1904 date system: date cells read right",
    file: () =>
      xlsx(
        [
          {
            name: "Anggota",
            rows: [
              {
                ...SITI,
                birthDate: utc(1990, 8, 17),
                joinDate: utc(2020, 1, 20),
              },
            ],
          },
        ],
        { date1904: true },
      ),
    rows: { "2": created({ birthDate: "1990-08-17", joinDate: "2020-01-20" }) },
  },
  {
    name: "a year alone is not a date (never an Excel serial), in text or in a number cell",
    file: () =>
      xlsx([
        {
          name: "Anggota",
          rows: [
            { ...SITI, joinDate: "2019" },
            { ...BUDI, joinDate: 2019 },
          ],
        },
      ]),
    rows: {
      "2": rejected('Tanggal Bergabung: "2019" hanya tahun, bukan tanggal lengkap.'),
      "3": rejected('Tanggal Bergabung: "2019" hanya tahun, bukan tanggal lengkap.'),
    },
  },
  {
    name: "a bare number in a date column is refused, not read as a serial",
    file: () => csv([{ ...SITI, birthDate: "33102" }]),
    rows: {
      "2": rejected('Tanggal Lahir: "33102" berupa angka, bukan tanggal.'),
    },
  },
  {
    name: "dates with times, Indonesian month names and day-first order",
    file: () =>
      csv([
        { ...SITI, birthDate: "17/08/1990 14:30:00", joinDate: "12 Mei 2020" },
        {
          ...BUDI,
          birthDate: "17 Agt 1990",
          joinDate: "Senin, 3 Februari 2020",
        },
        {
          ...SITI,
          nik: "6171015708900011",
          birthDate: "17-Agustus-1990",
          joinDate: "05.06.2021 08.15",
        },
        {
          ...BUDI,
          nik: "6171011708900012",
          birthDate: "1990-08-17T23:10:00",
          joinDate: "1/2/2021",
        },
      ]),
    rows: {
      "2": created({ birthDate: "1990-08-17", joinDate: "2020-05-12" }),
      "3": created({ birthDate: "1990-08-17", joinDate: "2020-02-03" }),
      "4": created({ birthDate: "1990-08-17", joinDate: "2021-06-05" }),
      "5": created({ birthDate: "1990-08-17", joinDate: "2021-02-01" }),
    },
  },
  {
    name: "a month-first date and a two-digit year are asked to be rewritten, not guessed",
    file: () =>
      csv([
        { ...SITI, birthDate: "08/17/1990" },
        { ...BUDI, birthDate: "17/08/90" },
      ]),
    rows: {
      "2": rejected("tampaknya ditulis bulan lebih dulu"),
      "3": rejected("memakai tahun dua angka"),
    },
  },
  {
    name: "join, SK and bimtek dates after today are refused",
    file: () => csv([{ ...SITI, joinDate: "01/01/2099" }], {}),
    rows: {
      "2": rejected('Tanggal Bergabung: "01/01/2099" jatuh setelah hari ini'),
    },
  },

  // --- Encodings and separators
  {
    name: "CSV in Windows-1252 with curly apostrophes, dashes and accents",
    file: () =>
      csv(
        [
          {
            ...SITI,
            fullName: "Siti Ma’rufah",
            address: "Jl. Sudirman – Gg. “Damai” No. 5, Désa",
          },
        ],
        { encoding: "windows-1252" },
      ),
    info: { encoding: "windows-1252" },
    rows: {
      "2": created({
        fullName: "Siti Ma’rufah",
        address: "Jl. Sudirman – Gg. “Damai” No. 5, Désa",
      }),
    },
  },
  {
    name: "CSV in UTF-8 with BOM, ';' and CRLF, quoted fields holding ';' and a line break",
    file: () =>
      csv([{ ...SITI, address: "Jl. A; Gg. B\r\nRT 001/RW 002" }, BUDI], {
        encoding: "utf-8-bom",
      }),
    info: { encoding: "utf-8-bom", delimiter: ";" },
    rows: {
      "2": created({ address: "Jl. A; Gg. B RT 001/RW 002" }),
      "3": created(),
    },
  },
  {
    name: "CSV in UTF-8 without BOM, ',' and LF",
    file: () =>
      csv([{ ...SITI, fullName: "Siti Ma'rufah, S.Sos." }], {
        delimiter: ",",
        newline: "\n",
      }),
    info: { encoding: "utf-8", delimiter: "," },
    rows: { "2": created({ fullName: "Siti Ma'rufah, S.Sos." }) },
  },
  {
    name: "CSV with ';' whose addresses are full of commas: the header decides the separator",
    file: () =>
      csv([
        {
          ...SITI,
          fullName: "Hj. Siti Aminah, S.Pd., M.Si.",
          address: "Jl. A, No. 1, RT 2, RW 3, Kel. Akcaya, Kec. Pontianak Selatan, Kota Pontianak, Kalbar, 78121",
        },
        {
          ...BUDI,
          fullName: "Budi, S.E., M.M.",
          address: "Jl. B, No. 2, RT 4, RW 5, Gg. Mawar, Kel. Akcaya, Kec. Pontianak Selatan, Kota Pontianak, Kalbar",
        },
      ]),
    info: { delimiter: ";" },
    rows: {
      "2": created({ fullName: "Hj. Siti Aminah, S.Pd., M.Si." }),
      "3": created({ fullName: "Budi, S.E., M.M." }),
    },
  },
  {
    name: "Excel's Unicode text: UTF-16 with tabs",
    file: () =>
      csv([{ ...SITI, fullName: "Siti Ma’rufah" }], {
        delimiter: "\t",
        encoding: "utf-16le",
      }),
    info: { encoding: "utf-16le", delimiter: "\t" },
    rows: { "2": created({ fullName: "Siti Ma’rufah" }) },
  },
  {
    name: "accented letters written decomposed (e + accent) are stored in one form",
    file: () => csv([{ ...SITI, fullName: "Rene\u0301 Siti", address: "Jl. Cafe\u0301 1" }]),
    rows: {
      "2": created({ fullName: "Ren\u00e9 Siti", address: "Jl. Caf\u00e9 1" }),
    },
  },

  // --- Bad values
  {
    name: "control characters (a NUL, a stray C1 byte) are refused, never stored",
    file: () =>
      csv([
        { ...SITI, fullName: "Siti\u0000Aminah" },
        { ...BUDI, address: "Jl. \u0081Gajah Mada" },
      ]),
    rows: {
      "2": rejected("Nama Lengkap: berisi karakter yang tidak terbaca"),
      "3": rejected("Alamat: berisi karakter yang tidak terbaca"),
    },
  },
  {
    name: "a text longer than the form's limit is refused with the limit, never cut",
    file: () =>
      csv([
        { ...SITI, fullName: "A".repeat(101) },
        { ...BUDI, address: "Jl. ".padEnd(201, "x") },
      ]),
    rows: {
      "2": rejected("Nama Lengkap: Terlalu panjang (paling banyak 100 karakter)."),
      "3": rejected("Alamat: Terlalu panjang (paling banyak 200 karakter)."),
    },
  },
  {
    name: "every status the registry knows is accepted by code or label; an unknown one is refused",
    file: () =>
      csv([
        { ...SITI, status: "Meninggal" },
        { ...BUDI, status: "Mengundurkan diri" },
        { ...SITI, nik: "6171015708900011", status: "nonaktif" },
        { ...BUDI, nik: "6171011708900012", status: "DIBERHENTIKAN" },
        { ...SITI, nik: "6171015708900013", status: "Pensiun" },
      ]),
    rows: {
      "2": created({}, { status: "meninggal" }),
      "3": created({}, { status: "mengundurkan_diri" }),
      "4": created({}, { status: "nonaktif" }),
      "5": created({}, { status: "diberhentikan" }),
      "6": rejected('Status "Pensiun" tidak dikenal'),
    },
  },
  {
    name: "CSV: the apostrophe an export puts before = + - @ is taken off; other apostrophes stay",
    file: () =>
      csv([
        { ...SITI, fullName: "Ma'ruf Amin", address: '\'=HYPERLINK("x")' },
        { ...BUDI, fullName: "'Aisyah", address: "'-" },
      ]),
    rows: {
      "2": created({ fullName: "Ma'ruf Amin", address: '=HYPERLINK("x")' }),
      "3": created({ fullName: "'Aisyah", address: "-" }),
    },
  },

  // --- Columns
  {
    name: "synonyms are recognised (No. HP/WA, Tgl Lahir, Jenis Kelamin with Perempuan); unknown headers listed",
    file: () =>
      csv([{ ...SITI, sex: "Perempuan" }], {
        header: [
          "Nama",
          "NIK KTP",
          "Jenis Kelamin",
          "Tgl. Lahir",
          "No. HP/WA",
          "Alamat",
          "Kec.",
          "Kel/Desa",
          "Tgl Gabung",
          "Status",
          "Agama",
          "Tempat Lahir",
        ],
        columns: ["fullName", "nik", "sex", "birthDate", "phone", "address", "district", "village", "joinDate", "status"],
      }),
    info: { unknownColumns: ["Agama", "Tempat Lahir"], missingColumns: [] },
    rows: { "2": created({ sex: "P", phone: "+6281234567890" }) },
  },
  {
    name: "a missing required column is said once for the file, not on every row",
    file: () =>
      csv([SITI, BUDI], {
        header: ["Nama Lengkap", "NIK", "Jenis Kelamin (L/P)", "Tanggal Lahir", "No. HP", "Kelurahan/Desa", "Tanggal Bergabung"],
        columns: ["fullName", "nik", "sex", "birthDate", "phone", "village", "joinDate"],
      }),
    info: { missingColumns: ["address"] },
    rows: { "2": rejected(), "3": rejected() },
  },
  {
    name: "the export's Nomor Anggota column is recognised and not imported",
    file: () =>
      csv([SITI], {
        header: ["No", "Nomor Anggota", ...COLUMNS.slice(0, 9).map((k) => HEADER[k])],
        columns: ["no", "no", ...COLUMNS.slice(0, 9)],
      }),
    info: { unknownColumns: [], ignoredColumns: ["Nomor Anggota"] },
    rows: { "2": created() },
  },

  // --- Sheets
  {
    name: "a workbook of several sheets: the first with a header is read, the others listed",
    file: () =>
      xlsx([
        { name: "Petunjuk", header: ["Isi data di lembar berikut"], rows: [] },
        { name: "Anggota 2025", rows: [SITI] },
        { name: "Anggota 2026", rows: [BUDI] },
      ]),
    info: {
      sheetsRead: ["Anggota 2025"],
      sheets: ["Petunjuk", "Anggota 2025", "Anggota 2026"],
      sheetsWithoutHeader: ["Petunjuk"],
    },
    rows: { "2": created({ fullName: "Siti Aminah" }) },
  },
  {
    name: "a chosen sheet is read",
    file: () =>
      xlsx([
        { name: "Anggota 2025", rows: [SITI] },
        { name: "Anggota 2026", rows: [BUDI] },
      ]),
    sheet: "Anggota 2026",
    info: { sheetsRead: ["Anggota 2026"] },
    rows: { "2": created({ fullName: "Budi Santoso" }) },
  },
  {
    name: "all sheets are read together, rows named with their sheet, an NIK repeated across sheets refused",
    file: () =>
      xlsx([
        { name: "Anggota 2025", rows: [SITI] },
        { name: "Anggota 2026", rows: [BUDI, SITI] },
      ]),
    sheet: ALL_SHEETS,
    info: { sheetsRead: ["Anggota 2025", "Anggota 2026"] },
    rows: {
      "2 (lembar Anggota 2025)": created({ fullName: "Siti Aminah" }),
      "2 (lembar Anggota 2026)": created({ fullName: "Budi Santoso" }),
      "3 (lembar Anggota 2026)": rejected("NIK sama dengan baris 2 (lembar Anggota 2025)."),
    },
  },
];

function matches(actual: string[], expected: (string | RegExp)[] | undefined) {
  if (!expected) return;
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => (typeof e === "string" ? expect(actual[i]).toContain(e) : expect(actual[i]).toMatch(e)));
}

beforeAll(async () => {
  chapterId = (
    await buildChapter({
      code: "MSY",
      name: "IPSM Berkas Kusut",
      regionCode: "61.71",
    })
  ).id;
  board = await actorOfUser(await buildBoardUser({ chapterId, email: "board@messy.test" }));
  cookie = cookiesFrom(
    (await run(
      loginAction,
      postForm("/login", {
        email: "board@messy.test",
        password: "password-123",
      }),
    )) as Response,
  );
});

describe("messy files", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const file = await c.file();
    const { rows, info } = await readMemberFile({
      ...file,
      ...(c.sheet ? { sheet: c.sheet } : {}),
    });
    if (c.info) expect(info).toMatchObject(c.info);
    if (!c.info?.nikColumnRounded) expect(info.nikColumnRounded).toBeUndefined();
    const { importId } = expectOk(await checkImport(board, { fileName: file.fileName, rows, info, source: file.bytes }));
    const record = await db.memberImport.findUniqueOrThrow({
      where: { id: importId },
      select: { rows: true },
    });
    const checked = JSON.parse(record.rows) as CheckedImportRow[];
    const byLabel = new Map(checked.map((r) => [r.sheet ? `${r.rowNumber} (lembar ${r.sheet})` : String(r.rowNumber), r]));
    expect([...byLabel.keys()].sort()).toEqual(Object.keys(c.rows).sort());
    for (const [label, expected] of Object.entries(c.rows)) {
      const row = byLabel.get(label)!;
      expect(row.outcome, `row ${label}: ${row.reasons.join(" | ")}`).toBe(expected.outcome);
      matches(row.reasons, expected.reasons);
      matches(row.warnings, expected.warnings);
      if (expected.data) expect(row.data).toMatchObject(expected.data);
      if (expected.status) expect(row.status).toBe(expected.status);
    }
  });
});

describe("the dry-run page", () => {
  function upload(name: string, bytes: Uint8Array) {
    const form = new FormData();
    form.set("intent", "check");
    form.set(
      "file",
      new File([new Uint8Array(bytes)], name, {
        type: "application/octet-stream",
      }),
    );
    return new Request("http://localhost:3000/members/import", {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    });
  }
  type Page = {
    counts: { reject: number; create: number };
    file: {
      sheetsRead: string[];
      sheets: string[];
      unknownColumns: string[];
      missingColumns: string[];
      canChooseSheet: boolean;
    };
    rows: { rowNumber: number; sheet?: string; reasons: string[] }[];
  };
  const page = async (importId: string) =>
    dataOf<Page>(await run(resultLoader, getRequest(`/members/import/${importId}`, cookie), { id: importId }));

  it("says which sheet it read, lists the others and reads another (or all) without a new upload", async () => {
    const file = await xlsx([
      {
        name: "Anggota 2025",
        rows: [SITI],
        header: [...COLUMNS.map((k) => HEADER[k]), "Keterangan"],
        columns: COLUMNS,
      },
      { name: "Anggota 2026", rows: [BUDI] },
    ]);
    const checked = (await run(uploadAction, upload("dua-lembar.xlsx", file.bytes))) as Response;
    expect(checked.status).toBe(302);
    const firstId = checked.headers.get("Location")!.split("/").pop()!;
    const first = await page(firstId);
    expect(first.file).toMatchObject({
      sheetsRead: ["Anggota 2025"],
      sheets: ["Anggota 2025", "Anggota 2026"],
      unknownColumns: ["Keterangan"],
      canChooseSheet: true,
    });

    const other = (await run(resultAction, postForm(`/members/import/${firstId}`, { intent: "sheet", sheet: "Anggota 2026" }, cookie), {
      id: firstId,
    })) as Response;
    expect(other.status).toBe(302);
    const secondId = other.headers.get("Location")!.split("/").pop()!;
    expect(secondId).not.toBe(firstId);
    const second = await page(secondId);
    expect(second.file.sheetsRead).toEqual(["Anggota 2026"]);
    expect(second.rows.map((r) => r.rowNumber)).toEqual([2]);

    const all = (await run(resultAction, postForm(`/members/import/${secondId}`, { intent: "sheet", sheet: ALL_SHEETS }, cookie), {
      id: secondId,
    })) as Response;
    const allPage = await page(all.headers.get("Location")!.split("/").pop()!);
    expect(allPage.file.sheetsRead).toEqual(["Anggota 2025", "Anggota 2026"]);
    expect(allPage.counts.create).toBe(2);

    const missing = await run(resultAction, postForm(`/members/import/${secondId}`, { intent: "sheet", sheet: "Tidak Ada" }, cookie), {
      id: secondId,
    });
    expect(statusOf(missing)).toBe(400);
    expect(dataOf<{ formError: string }>(missing).formError).toBe('Lembar "Tidak Ada" tidak ada di berkas ini.');
  });

  it("drops the file of a dry run nobody committed after a week", async () => {
    const file = await xlsx([
      { name: "Anggota 2025", rows: [SITI] },
      { name: "Anggota 2026", rows: [BUDI] },
    ]);
    const checked = (await run(uploadAction, upload("lama.xlsx", file.bytes))) as Response;
    const oldId = checked.headers.get("Location")!.split("/").pop()!;
    expect((await page(oldId)).file.canChooseSheet).toBe(true);
    await db.memberImport.update({
      where: { id: oldId },
      data: { createdAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    const fresh = (await run(uploadAction, upload("baru.xlsx", file.bytes))) as Response;
    const freshId = fresh.headers.get("Location")!.split("/").pop()!;
    expect((await page(oldId)).file.canChooseSheet).toBe(false);
    expect(
      (
        await db.memberImport.findUniqueOrThrow({
          where: { id: oldId },
          select: { source: true },
        })
      ).source,
    ).toBeNull();
    expect((await page(freshId)).file.canChooseSheet).toBe(true);
  });

  it("names a missing required column once, at the top, and not on each row", async () => {
    const file = csv([SITI, BUDI], {
      header: ["Nama Lengkap", "NIK", "Jenis Kelamin (L/P)", "Tanggal Lahir", "Kelurahan/Desa", "Tanggal Bergabung"],
      columns: ["fullName", "nik", "sex", "birthDate", "village", "joinDate"],
    });
    const checked = (await run(uploadAction, upload("tanpa-alamat.csv", file.bytes))) as Response;
    const view = await page(checked.headers.get("Location")!.split("/").pop()!);
    expect(view.file.missingColumns).toEqual(["Alamat"]);
    expect(view.counts.reject).toBe(2);
    expect(view.rows.flatMap((r) => r.reasons).join(" ")).not.toContain("Alamat");
    expect(view.file.canChooseSheet).toBe(false);
  });
});
