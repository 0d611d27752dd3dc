// Every region of Indonesia (idn-area-data): loaded once into the test template (as at a
// portal's first start), reloaded cheaply, found whatever spaces/hyphens/dots/capitals are typed,
// renamed for display by a chapter's board (audited), and used by the NIK check country-wide.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { listVillages, loadRegions, renameVillage, resetVillageName, searchRegions } from "~/domain/chapters/regions.server";
import { createMember, listChapterVillages, listMembersForPrint } from "~/domain/members/members.server";
import { t } from "~/i18n";
import { action as villagesAction, loader as villagesLoader } from "~/routes/chapter_.villages";
import { loader as searchLoader } from "~/routes/regions.search";
import { db } from "~/utils/db.server";
import { foldName, regionSearchKey, timeZoneOfRegion } from "~/utils/regions";
import { memberFormSchema } from "~/validation/members";
import { villageNameSchema } from "~/validation/regions";
import { buildChapter, buildMember } from "../factories";
import { account, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";
import { REGION_LOAD_FILE } from "../setup/paths";

const DARAT_SEKIP = "61.71.05.1002"; // "Daratsekip" in the source, Pontianak Kota
const SUNGAI_JAWI = "61.71.05.1005"; // "Sungaijawi", Pontianak Kota
const MARIANA = "61.71.05.1004";
const KUBU_RAYA_VILLAGE = "61.12.01.2001"; // outside Kota Pontianak

let chapterId: string;
let admin: TestActor;
let adminCookie: string;

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "PTK", regionCode: "61.71" })).id;
  admin = await account(chapterId, "admin", { email: "admin@regions.test" });
  adminCookie = await signIn("admin@regions.test");
});

describe("loading every region of Indonesia", () => {
  it("has every province, kab/kota, kecamatan and desa/kelurahan, with official names and search keys", async () => {
    const first = JSON.parse(readFileSync(REGION_LOAD_FILE, "utf8")) as { total: number; inserted: number; milliseconds: number };
    console.log(`First load of ${first.inserted} regions into an empty database: ${first.milliseconds} ms`);
    expect(first.inserted).toBe(first.total);

    const byLevel = await db.region.groupBy({ by: ["level"], _count: { _all: true } });
    const counts = Object.fromEntries(byLevel.map((l) => [l.level, l._count._all]));
    expect(counts).toEqual({ province: 38, regency: 514, district: 7277, village: 83763 });
    expect(await db.region.count({ where: { OR: [{ officialName: "" }, { searchKey: "" }] } })).toBe(0);

    const papua = await db.region.findUniqueOrThrow({ where: { code: "91" } });
    expect(papua).toMatchObject({ name: "Papua", officialName: "Papua", searchKey: "papua", level: "province", parentCode: null });
    const jakarta = await db.region.findUniqueOrThrow({ where: { code: "31.71" } });
    expect(jakarta.name).toBe("Kota Administrasi Jakarta Pusat");
    const daratSekip = await db.region.findUniqueOrThrow({ where: { code: DARAT_SEKIP } });
    expect(daratSekip).toMatchObject({ name: "Daratsekip", officialName: "Daratsekip", searchKey: "daratsekip", parentCode: "61.71.05" });
  });

  it("does nothing on a later start when nothing changed (time printed)", async () => {
    const again = await loadRegions();
    console.log(`Later start, ${again.total} regions compared: ${again.milliseconds} ms`);
    expect(again).toMatchObject({ total: 91592, inserted: 0, updated: 0 });
  });

  it("takes a newer official spelling, keeping a board's display name", async () => {
    // As if the data source had spelt these differently before: one shown as the source had it,
    // one a board renamed, one loaded before official names were kept.
    await db.region.update({
      where: { code: "61.71.06.1001" },
      data: { name: "Bansir Lautt", officialName: "Bansir Lautt", searchKey: "bansirlautt" },
    });
    await db.region.update({
      where: { code: "61.71.06.1002" },
      data: {
        name: "Bansir Darat (Tenggara)",
        officialName: "Bansir Daratt",
        searchKey: regionSearchKey("Bansir Darat (Tenggara)", "Bansir Daratt"),
      },
    });
    await db.region.update({ where: { code: "61.71.06.1003" }, data: { name: "Bangkabelitung Laut", officialName: "", searchKey: "" } });

    const reload = await loadRegions();
    expect(reload).toMatchObject({ inserted: 0, updated: 3 });
    const rows = await db.region.findMany({
      where: { code: { in: ["61.71.06.1001", "61.71.06.1002", "61.71.06.1003"] } },
      orderBy: { code: "asc" },
    });
    expect(rows.map((r) => [r.name, r.officialName, r.searchKey])).toEqual([
      ["Bansir Laut", "Bansir Laut", "bansirlaut"],
      ["Bansir Darat (Tenggara)", "Bansir Darat", "bansirdarattenggara|bansirdarat"],
      ["Bangkabelitung Laut", "Bangkabelitung Laut", "bangkabelitunglaut"],
    ]);
    // Put the board's name back to the official one for the tests below.
    await db.region.update({ where: { code: "61.71.06.1002" }, data: { name: "Bansir Darat", searchKey: "bansirdarat" } });
  });

  it("gives each region its time zone: WIB, WITA or WIT by province", () => {
    expect(timeZoneOfRegion("61.71")).toBe("Asia/Jakarta"); // Kalimantan Barat
    expect(timeZoneOfRegion("62")).toBe("Asia/Jakarta"); // Kalimantan Tengah
    expect(timeZoneOfRegion("33.28.01")).toBe("Asia/Jakarta"); // Kabupaten Tegal
    expect(timeZoneOfRegion("13.76")).toBe("Asia/Jakarta"); // Kota Payakumbuh
    expect(timeZoneOfRegion("63.72")).toBe("Asia/Makassar"); // Kota Banjarbaru
    expect(timeZoneOfRegion("51.71")).toBe("Asia/Makassar"); // Denpasar
    expect(timeZoneOfRegion("76")).toBe("Asia/Makassar"); // Sulawesi Barat
    expect(timeZoneOfRegion("82.71")).toBe("Asia/Jayapura"); // Ternate
    expect(timeZoneOfRegion("91.71.01")).toBe("Asia/Jayapura"); // Jayapura Utara
    expect(timeZoneOfRegion("96")).toBe("Asia/Jayapura"); // Papua Barat Daya
  });
});

describe("searching regions", () => {
  it("finds a kelurahan whatever the spaces, hyphens, dots and capitals typed", async () => {
    for (const q of ["Darat Sekip", "daratsekip", "Darat-Sekip", "D.A.R.A.T sekip", "  DARAT   sekip "]) {
      expect(foldName(q)).toBe("daratsekip");
      const found = await searchRegions({ q, level: "village" });
      expect(
        found.map((r) => r.code),
        q,
      ).toEqual([DARAT_SEKIP]);
    }
    const [daratSekip] = await searchRegions({ q: "darat sekip" });
    expect(daratSekip).toEqual({
      code: DARAT_SEKIP,
      name: "Daratsekip",
      officialName: "Daratsekip",
      level: "village",
      parents: [
        { code: "61.71.05", name: "Pontianak Kota", level: "district" },
        { code: "61.71", name: "Kota Pontianak", level: "regency" },
        { code: "61", name: "Kalimantan Barat", level: "province" },
      ],
    });
  });

  it("narrows by level and parent, names that start with the text first, and measures it", async () => {
    const inCity = await searchRegions({ q: "sungai-jawi", level: "village", under: "61.71" });
    expect(inCity.map((r) => r.code).sort()).toEqual(["61.71.03.1002", "61.71.03.1003", SUNGAI_JAWI]);
    const everywhere = await searchRegions({ q: "sungai jawi", level: "village", limit: 50 });
    expect(everywhere.length).toBeGreaterThan(inCity.length);
    expect(everywhere.every((r) => r.level === "village")).toBe(true);

    const cities = await searchRegions({ q: "jaya", level: "regency" });
    expect(cities.map((r) => r.name)).toEqual(expect.arrayContaining(["Kota Jayapura", "Kabupaten Jayapura"]));
    // A name that starts with the text comes before one that only contains it.
    const tengah = await searchRegions({ q: "TENGAH", level: "village", under: "61.71" });
    expect(tengah.map((r) => r.name)).toEqual(["Tengah", "Siantan Tengah"]);

    expect(await searchRegions({ q: "-- .." })).toEqual([]);
    expect((await searchRegions({ q: "", under: "61.71.05" })).map((r) => r.code)).toContain(DARAT_SEKIP);
    expect(await searchRegions({ q: "a", level: "village", limit: 500 })).toHaveLength(50);

    const started = performance.now();
    const queries = ["kampung baru", "sukamaju", "xyzq", "tanjung", "sei", "mekar jaya", "karang", "suka", "bukit", "air"];
    for (const q of queries) await searchRegions({ q, level: "village" });
    for (const q of queries) await searchRegions({ q });
    console.log(`searchRegions over 91,592 regions: ${((performance.now() - started) / (queries.length * 2)).toFixed(1)} ms a search`);
  });

  it("answers pickers with JSON for a signed-in user only", async () => {
    const response = (await run(
      searchLoader,
      getRequest("/regions/search?q=D.A.R.A.T-sekip&level=village&under=61.71", adminCookie),
    )) as Response;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { regions: { code: string; parents: { name: string }[] }[] };
    expect(body.regions.map((r) => r.code)).toEqual([DARAT_SEKIP]);
    expect(body.regions[0]!.parents.map((p) => p.name)).toEqual(["Pontianak Kota", "Kota Pontianak", "Kalimantan Barat"]);
    // Nonsense parameters are ignored, not an error.
    const odd = (await run(searchLoader, getRequest("/regions/search?q=mariana&level=planet&under=x&limit=-5", adminCookie))) as Response;
    expect(((await odd.json()) as { regions: unknown[] }).regions.length).toBeGreaterThan(0);
    const anonymous = await run(searchLoader, getRequest("/regions/search?q=mariana"));
    expect(statusOf(anonymous)).toBe(302);
  });
});

describe("a board's display names for kelurahan", () => {
  it("renames a kelurahan of its area, audited, shown on lists and found by both names; resets it", async () => {
    const member = await buildMember({ chapterId, villageCode: DARAT_SEKIP, fullName: "Warga Darat Sekip" });
    // the list filters' kelurahan are kept in memory (docs/decisions/035): read once before the rename
    const filterName = async () => (await listChapterVillages(admin)).find((v) => v.code === DARAT_SEKIP)?.name;
    expect(await filterName()).toBe("Daratsekip");
    const renamed = expectOk(await renameVillage(admin, villageNameSchema.parse({ code: DARAT_SEKIP, name: "  Darat   Sekip " })));
    expect(renamed).toMatchObject({ name: "Darat Sekip", changed: true });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "region.rename", entityId: DARAT_SEKIP } });
    expect(audit).toMatchObject({ actorId: admin.userId, chapterId, entityType: "Region" });
    expect(JSON.parse(audit.before!)).toEqual({ name: "Daratsekip" });
    expect(JSON.parse(audit.after!)).toEqual({ name: "Darat Sekip" });

    // Pages, PDFs and exports read Region.name.
    expect((await listVillages("61.71.05")).find((v) => v.code === DARAT_SEKIP)?.name).toBe("Darat Sekip");
    expect(await filterName()).toBe("Darat Sekip");
    const printed = await listMembersForPrint(admin);
    expect(printed.find((m) => m.id === member.id)?.village.name).toBe("Darat Sekip");
    for (const q of ["darat sekip", "Daratsekip"]) {
      expect((await searchRegions({ q, level: "village" })).map((r) => [r.code, r.name, r.officialName])).toEqual([
        [DARAT_SEKIP, "Darat Sekip", "Daratsekip"],
      ]);
    }

    // A later start keeps the board's name.
    await loadRegions();
    expect((await db.region.findUniqueOrThrow({ where: { code: DARAT_SEKIP } })).name).toBe("Darat Sekip");

    expect(expectOk(await renameVillage(admin, villageNameSchema.parse({ code: DARAT_SEKIP, name: "Darat Sekip" }))).changed).toBe(false);
    const reset = expectOk(await resetVillageName(admin, DARAT_SEKIP));
    expect(reset).toEqual({ ok: true, name: "Daratsekip", changed: true });
    expect(await filterName()).toBe("Daratsekip");
    const resetAudit = await db.auditLog.findFirstOrThrow({ where: { action: "region.reset", entityId: DARAT_SEKIP } });
    expect(JSON.parse(resetAudit.after!)).toEqual({ name: "Daratsekip" });
    expect((await db.region.findUniqueOrThrow({ where: { code: DARAT_SEKIP } })).searchKey).toBe("daratsekip");
  });

  it("refuses those without chapter settings, kelurahan outside the area, and bad names", async () => {
    const plain = await volunteer(chapterId);
    expectRefusal(await renameVillage(plain, { code: MARIANA, name: "Mariana Baru" }), "forbidden");
    expectRefusal(await resetVillageName(plain, MARIANA), "forbidden");
    const sekretaris = await boardMember(chapterId, "sekretaris");
    const bySekretaris = await renameVillage(sekretaris, { code: MARIANA, name: "Mariana Baru" });
    // The board's chapter-settings right (update:chapter:chapter) decides; the registry's does not.
    if (!sekretaris.permissions.includes("update:chapter:chapter")) expectRefusal(bySekretaris, "forbidden");

    const outside = expectRefusal(await renameVillage(admin, { code: KUBU_RAYA_VILLAGE, name: "Desa Lain" }), "notFound");
    expect(outside.message).toBe(t("regions.error.notInArea"));
    expectRefusal(await renameVillage(admin, { code: "61.71" + ".99.9999", name: "Tidak Ada" }), "notFound");
    expectRefusal(await renameVillage(admin, { code: "61.71.05", name: "Kecamatan" }), "notFound");

    for (const name of ["", "x", "-Mariana", "Mariana <b>", "a".repeat(81)]) {
      expect(villageNameSchema.safeParse({ code: MARIANA, name }).success, name).toBe(false);
    }
    expect(villageNameSchema.safeParse({ code: MARIANA, name: "Sungai Jawi Dalam (Ujung)" }).success).toBe(true);
  });

  it("works through the page: list, search, rename, refusal with the typed name, reset", async () => {
    const page = dataOf<{ area: { name: string }; villages: { code: string; name: string }[] }>(
      await run(villagesLoader, getRequest("/chapter/villages", adminCookie)),
    );
    expect(page.area.name).toBe("Kota Pontianak");
    expect(page.villages.length).toBeGreaterThanOrEqual(29);
    expect(page.villages.every((v) => v.code.startsWith("61.71."))).toBe(true);
    const found = dataOf<{ villages: { code: string }[] }>(
      await run(villagesLoader, getRequest("/chapter/villages?q=sungai-JAWI", adminCookie)),
    );
    expect(found.villages.map((v) => v.code)).toContain(SUNGAI_JAWI);

    const saved = (await run(
      villagesAction,
      postForm("/chapter/villages", { intent: "rename", code: SUNGAI_JAWI, name: "Sungai Jawi", q: "jawi" }, adminCookie),
    )) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/chapter/villages?q=jawi");
    expect(await toastMessageOf(saved)).toBe(t("regions.villages.saved", { name: "Sungai Jawi" }));

    const bad = await run(
      villagesAction,
      postForm("/chapter/villages", { intent: "rename", code: MARIANA, name: "<script>" }, adminCookie),
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: { name: string }; values: { name: string } }>(bad)).toMatchObject({
      fieldErrors: { name: t("regions.error.nameChars") },
      values: { name: "<script>" },
    });

    const reset = (await run(
      villagesAction,
      postForm("/chapter/villages", { intent: "reset", code: SUNGAI_JAWI }, adminCookie),
    )) as Response;
    expect(await toastMessageOf(reset)).toBe(t("regions.villages.wasReset", { name: "Sungaijawi" }));

    const volunteerCookie = await signIn((await volunteer(chapterId)).email);
    expect(statusOf(await run(villagesLoader, getRequest("/chapter/villages", volunteerCookie)))).toBe(403);
    expect(
      statusOf(await run(villagesAction, postForm("/chapter/villages", { intent: "reset", code: SUNGAI_JAWI }, volunteerCookie))),
    ).toBe(403);
    const outside = await run(
      villagesAction,
      postForm("/chapter/villages", { intent: "rename", code: KUBU_RAYA_VILLAGE, name: "Desa Lain" }, adminCookie),
    );
    expect(statusOf(outside)).toBe(404);
  });
});

describe("NIK checks across the whole country", () => {
  const baseForm = {
    fullName: "Warga Pendatang",
    sex: "P",
    birthDate: "1990-08-17",
    phone: "081234567890",
    email: "",
    address: "Jl. Tanjungpura No. 5",
    villageCode: MARIANA, // living in Kota Pontianak
    joinDate: "2026-01-20",
    membershipType: "biasa",
  };

  it("accepts a resident of Pontianak born in Jakarta or Jayapura and refuses an unknown kecamatan code", async () => {
    const registrar = await boardMember(chapterId, "sekretaris");
    const jakarta = memberFormSchema.parse({ ...baseForm, nik: "3171015708900004", fullName: "Lahir di Gambir" });
    expectOk(await createMember(registrar, jakarta));
    const jayapura = memberFormSchema.parse({
      ...baseForm,
      nik: "9171011212850001",
      sex: "L",
      birthDate: "1985-12-12",
      fullName: "Lahir di Jayapura",
    });
    expectOk(await createMember(registrar, jayapura));
    const tegal = memberFormSchema.parse({ ...baseForm, nik: "3328015708900005", fullName: "Lahir di Margasari" });
    expectOk(await createMember(registrar, tegal));

    const unknown = memberFormSchema.parse({ ...baseForm, nik: "6171995708900006", fullName: "Kode Tak Dikenal" });
    expect(expectInvalid(await createMember(registrar, unknown)).nik).toBe(t("validation.nik.region"));
    const noProvince = memberFormSchema.parse({ ...baseForm, nik: "9971015708900007", fullName: "Provinsi Tak Dikenal" });
    expect(expectInvalid(await createMember(registrar, noProvince)).nik).toBe(t("validation.nik.region"));
  });
});
