import { describe, expect, it } from "vitest";
import { listVillages, villageKind } from "~/domain/regions.server";
import { db, dbReady } from "~/utils/db.server";
import { migrationDiff } from "../../scripts/lib/migrations.mjs";
import { buildChapter } from "../factories";

describe("the SQLite database", () => {
  it("runs in WAL mode with foreign keys enforced", async () => {
    await dbReady();
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    await expect(
      db.member.create({
        data: {
          chapterId: "no-such-chapter",
          fullName: "X",
          nik: "6171010101900001",
          sex: "L",
          birthDate: new Date("1990-01-01"),
          address: "-",
          villageCode: "61.71.01.1001",
          joinDate: new Date(),
        },
      }),
    ).rejects.toThrow();
  });

  it("refuses a chapter in a region that does not exist", async () => {
    await expect(buildChapter({ regionCode: "99.99" })).rejects.toThrow();
  });

  it("has the migrations in step with schema.prisma (no drift)", () => {
    const sql: string = migrationDiff();
    expect(sql.trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  }, 60_000);
});

describe("regions from idn-area-data", () => {
  it("has Kota Pontianak's 6 kecamatan and 29 kelurahan with Kemendagri codes", async () => {
    const villages = await listVillages("61.71");
    expect(villages).toHaveLength(29);
    expect(new Set(villages.map((v) => v.parent?.code)).size).toBe(6);
    expect(villages.every((v) => /^61\.71\.0\d\.1\d{3}$/.test(v.code))).toBe(true);
    expect(villages.map((v) => v.name)).toContain("Benuamelayu Laut");
  });

  it("tells kelurahan from desa by the code", () => {
    expect(villageKind("61.71.01.1001")).toBe("kelurahan");
    expect(villageKind("61.01.01.2001")).toBe("desa");
  });
});
