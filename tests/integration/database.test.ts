import { describe, expect, it } from "vitest";
import { listVillages, villageKind } from "~/domain/chapters/regions.server";
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

  it("keeps other requests' queries out of an open transaction, so a rollback loses only its own work", async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.region.create({ data: { code: "98", name: "Dalam transaksi", level: "province" } });
        await hold;
        throw new Error("batal");
      })
      .catch((error: Error) => error.message);
    await new Promise((r) => setTimeout(r, 20));
    // Another request writes while the transaction is open: it must wait, not join it.
    const outside = db.region.create({ data: { code: "97", name: "Di luar transaksi", level: "province" } });
    const first = await Promise.race([outside.then(() => "written"), new Promise((r) => setTimeout(() => r("waiting"), 150))]);
    expect(first).toBe("waiting");
    release();
    expect(await rolledBack).toBe("batal");
    await outside;
    expect(await db.region.findUnique({ where: { code: "98" } })).toBeNull();
    expect(await db.region.findUnique({ where: { code: "97" } })).not.toBeNull();
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
