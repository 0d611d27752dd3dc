// The portal's own member export imports back without loss: a demo-like chapter (every status,
// both membership types, names with apostrophes, values starting with = + - @ that the CSV
// escapes, kelurahan whose names occur in two kecamatan, optional fields filled and empty) is
// exported as CSV and as .xlsx with whole NIK, then checked (dry run) into an empty chapter:
// no row refused, and every value the same as in the registry.
import { beforeAll, describe, expect, it } from "vitest";
import { buildMemberExport } from "~/domain/members/export.server";
import { checkImport } from "~/domain/members/import-commit.server";
import { readMemberFile } from "~/domain/members/import-file.server";
import type { CheckedImportRow } from "~/domain/members/import-parse.server";
import { actorWith } from "../support/actors";
import { expectOk } from "../support/outcomes";
import { db } from "~/utils/db.server";
import { MEMBER_STATUSES, toDateInput, type MemberStatus } from "~/validation/members";
import { buildBoardUser, buildChapter, buildMember, calendarDate } from "../factories";

let sourceId: string;
let targetId: string;
let actorId: string;

/** Odd but valid values, as a registry collects them over the years. */
const NAMES = [
  "Ma'ruf Amin",
  "Nur'aini",
  "'Aisyah Putri",
  "=Budi+1",
  "+Santi",
  "-Rahmat-",
  "@Yanti",
  "D'Costa Lumban",
  "Siti  Aminah Br. Sembiring",
  "Hj. Ratna, S.Pd.",
];
const ADDRESSES = [
  "=1+2",
  "+62 Jl. Tanjungpura",
  "-",
  "@Gg. Mawar No. 3",
  "Jl. A; RT 001/RW 002",
  'Jl. "Damai" No. 5',
  "Jl. Sudirman – Gg. Ma’ruf",
  "'=quoted",
  "Jl. Gajah Mada, No. 7, RT 4",
  "Komp. Griya Asri Blok C-12",
];

type Expected = {
  fullName: string;
  nik: string;
  sex: string;
  birthDate: string;
  phone: string | null;
  email: string | null;
  address: string;
  villageCode: string;
  joinDate: string;
  membershipType: string;
  skPsmNumber: string | null;
  skPsmDate: string | null;
  basicBimtekDate: string | null;
  status: MemberStatus;
};

async function registry(chapterId: string): Promise<Expected[]> {
  const members = await db.member.findMany({
    where: { chapterId },
    orderBy: { nik: "asc" },
  });
  return members.map((m) => ({
    fullName: m.fullName,
    nik: m.nik,
    sex: m.sex,
    birthDate: toDateInput(m.birthDate),
    phone: m.phone,
    email: m.email,
    address: m.address,
    villageCode: m.villageCode,
    joinDate: toDateInput(m.joinDate),
    membershipType: m.membershipType,
    skPsmNumber: m.skPsmNumber,
    skPsmDate: m.skPsmDate ? toDateInput(m.skPsmDate) : null,
    basicBimtekDate: m.basicBimtekDate ? toDateInput(m.basicBimtekDate) : null,
    status: m.status as MemberStatus,
  }));
}

function asImported(rows: CheckedImportRow[]): Expected[] {
  return rows
    .map((r) => ({
      fullName: r.data!.fullName,
      nik: r.data!.nik,
      sex: r.data!.sex,
      birthDate: r.data!.birthDate,
      phone: r.data!.phone,
      email: r.data!.email,
      address: r.data!.address,
      villageCode: r.data!.villageCode,
      joinDate: r.data!.joinDate,
      membershipType: r.data!.membershipType,
      skPsmNumber: r.data!.skPsmNumber,
      skPsmDate: r.data!.skPsmDate || null,
      basicBimtekDate: r.data!.basicBimtekDate || null,
      status: r.status!,
    }))
    .sort((a, b) => a.nik.localeCompare(b.nik));
}

beforeAll(async () => {
  sourceId = (await buildChapter({ code: "SRC", name: "IPSM Kota Sumber" })).id;
  targetId = (await buildChapter({ code: "TGT", name: "IPSM Kota Tujuan" })).id;
  actorId = (
    await buildBoardUser({
      chapterId: sourceId,
      email: "board@round-trip.test",
    })
  ).id;
  // The board member's dates are random: one the member form accepts (18 or older at joining).
  await db.member.updateMany({
    where: { chapterId: sourceId },
    data: { joinDate: calendarDate(2025, 1, 1) },
  });

  // Villages of the chapter's area: one per kecamatan, and a name that occurs in two kecamatan if any.
  const villages = await db.region.findMany({
    where: { level: "village", code: { startsWith: "61.71." } },
    select: { code: true, name: true, parentCode: true },
    orderBy: { code: "asc" },
  });
  const byName = new Map<string, string[]>();
  for (const v of villages) byName.set(v.name.toLowerCase(), [...(byName.get(v.name.toLowerCase()) ?? []), v.code]);
  const twice = [...byName.values()].find((codes) => codes.length > 1) ?? [];
  const onePerDistrict = [...new Map(villages.map((v) => [v.parentCode, v.code])).values()];
  const codes = [...twice, ...onePerDistrict];

  for (let i = 0; i < 24; i++) {
    const status = MEMBER_STATUSES[i % MEMBER_STATUSES.length]!;
    const sex = i % 2 ? ("L" as const) : ("P" as const);
    const member = await buildMember({
      chapterId: sourceId,
      villageCode: codes[i % codes.length]!,
      sex,
      status,
      fullName: NAMES[i % NAMES.length]!,
      birthDate: calendarDate(1960 + i, (i % 12) + 1, (i % 28) + 1),
      joinDate: calendarDate(2010 + (i % 15), ((i * 5) % 12) + 1, ((i * 7) % 28) + 1),
      phone: i % 3 === 0 ? null : `+62812${String(10_000_000 + i * 7919).slice(0, 8)}`,
    });
    await db.member.update({
      where: { id: member.id },
      data: {
        address: ADDRESSES[i % ADDRESSES.length]!,
        email: i % 4 === 0 ? null : `anggota${i}@contoh.id`,
        membershipType: i % 5 === 0 ? "kehormatan" : "biasa",
        skPsmNumber: i % 3 === 1 ? `-${i}/SK-PSM/2019` : i % 3 === 2 ? `460/${i}/DINSOS` : null,
        skPsmDate: i % 3 === 0 ? null : calendarDate(2019, 3, (i % 28) + 1),
        basicBimtekDate: i % 2 ? calendarDate(2018, 11, (i % 28) + 1) : null,
      },
    });
  }
});

describe("the member export imports back", () => {
  it.each(["csv", "xlsx"] as const)("as %s: every row would be created, none refused, every value the same", async (format) => {
    const file = await buildMemberExport({
      chapterId: sourceId,
      actorId,
      filters: { sort: "name", direction: "asc" },
      format,
      showFullNik: true,
    });
    const expected = await registry(sourceId);
    // An email belongs to one member in the whole portal: the file goes to an empty chapter as
    // into a fresh portal, so the source's members give theirs up for the check (and get them back).
    const emails = await db.member.findMany({
      where: { chapterId: sourceId, email: { not: null } },
      select: { id: true, email: true },
    });
    await db.member.updateMany({
      where: { chapterId: sourceId },
      data: { email: null },
    });
    const parsed = await readMemberFile({
      fileName: file.fileName,
      bytes: new Uint8Array(file.body),
    });
    expect(parsed.info).toMatchObject({
      unknownColumns: [],
      missingColumns: [],
      ignoredColumns: ["Nomor Anggota"],
    });
    // The same board account, importing into the other chapter.
    const importer = actorWith({ chapterId: targetId, userId: actorId, kinds: ["sekretaris"] });
    const { importId, counts } = expectOk(await checkImport(importer, { fileName: file.fileName, rows: parsed.rows, info: parsed.info }));
    const rows = JSON.parse(
      (
        await db.memberImport.findUniqueOrThrow({
          where: { id: importId },
          select: { rows: true },
        })
      ).rows,
    ) as CheckedImportRow[];
    for (const m of emails)
      await db.member.update({
        where: { id: m.id },
        data: { email: m.email },
      });
    expect(rows.filter((r) => r.outcome === "reject").map((r) => `${r.rowNumber}: ${r.reasons.join(" | ")}`)).toEqual([]);
    // The 24 members above and the board member who signs in.
    expect(expected).toHaveLength(25);
    expect(counts).toEqual({
      create: 25,
      update: 0,
      unchanged: 0,
      reject: 0,
      total: 25,
    });
    expect(new Set(expected.map((m) => m.status))).toEqual(new Set(MEMBER_STATUSES));
    expect(asImported(rows)).toEqual(expected);
    // Only the warnings about same-name members (the list repeats names on purpose) remain.
    expect(rows.flatMap((r) => r.warnings).every((w) => w.startsWith("Nama dan tanggal lahir sama"))).toBe(true);
  });

  it("keeps formula-looking values escaped in the CSV itself", async () => {
    const file = await buildMemberExport({
      chapterId: sourceId,
      actorId,
      filters: { sort: "name", direction: "asc" },
      format: "csv",
      showFullNik: false,
    });
    const text = file.body.toString("utf8");
    expect(text).toContain(`"'=1+2"`);
    expect(text).toContain(`"'=Budi+1"`);
    expect(text).toContain(`"'@Yanti"`);
    expect(text).toContain(`"''=quoted"`);
    expect(text).toContain(`"Ma'ruf Amin"`);
    expect(text).not.toMatch(/;"[=+\-@]/);
  });
});
