// Chapters from province to kelurahan (issue 16): the administrator creates and edits chapters
// (a sub-chapter's level below its parent's, its region inside the parent's, the time zone from
// the province), closes them without losing data (a closed chapter takes no new member or
// activity); each board edits its own profile (audited); a province chapter's roll-up equals the
// sum of its chapters; a Dinas Sosial login bound to a region sees only that region's reports.
import { beforeAll, describe, expect, it } from "vitest";
import {
  closeChapter,
  createChapterFor,
  createDinsosLogin,
  getChapterProfile,
  listChapterTree,
  reopenChapter,
  updateChapterFor,
  updateChapterProfile,
} from "~/domain/chapters/chapter-admin.server";
import { listVillages } from "~/domain/chapters/regions.server";
import { ensureActivityCatalogue, listActivityTypes, listPpksCategories } from "~/domain/catalogues/catalogues.server";
import { provinceOverview, type ChapterFigures } from "~/domain/dashboard/province.server";
import { createMember } from "~/domain/members/members.server";
import { reportFigures } from "~/domain/reports/figures.server";
import { listReports } from "~/domain/reports/reports.server";
import type { Actor } from "~/domain/shared/actor.server";
import { t } from "~/i18n";
import { action as profileAction, loader as profileLoader } from "~/routes/chapter_.profile";
import { loader as chaptersLoader } from "~/routes/chapters._index";
import { action as dinsosAction } from "~/routes/chapters.dinsos";
import { loader as provinceLoader } from "~/routes/province";
import { db } from "~/utils/db.server";
import { chapterFormSchema, chapterProfileSchema, type ChapterFormData } from "~/validation/chapters";
import { memberFormSchema } from "~/validation/members";
import { buildChapter, buildMember, buildUser } from "../factories";
import { logFor } from "../factories/activities";
import { account, actorOfUser, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";
import { NOW, PLACES, wib } from "../support/timeline";

/** The chapter form as the page posts it, parsed by the shared schema. */
function chapterForm(fields: Record<string, string>): ChapterFormData {
  return chapterFormSchema.parse({
    name: "IPSM Uji",
    code: "UJI",
    level: "kabkota",
    regionCode: "61.72",
    address: "Jl. Uji No. 1",
    letterPlace: "Singkawang",
    letterheadSubtitle: "KOTA SINGKAWANG",
    ...fields,
  });
}

const PROFILE_FIELDS = { letterheadSubtitle: "KOTA UJI", letterPlace: "Uji", address: "Jl. Uji" };

let admin: TestActor;
let provinceId: string;

beforeAll(async () => {
  // The administrator's own chapter: a province chapter of Kalimantan Barat.
  provinceId = (await buildChapter({ code: "KALBAR", name: "IPSM Provinsi Kalimantan Barat", level: "provinsi", regionCode: "61" })).id;
  admin = await account(provinceId, "admin", { email: "admin@chapters.test" });
});

describe("creating and editing chapters (administrator)", () => {
  it("creates a kab/kota chapter under the province, with the time zone of its province, audited", async () => {
    const { id } = expectOk(
      await createChapterFor(admin, chapterForm({ name: "IPSM Kota Singkawang", code: "SKWA", parentId: provinceId })),
    );
    const row = await db.chapter.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ level: "kabkota", regionCode: "61.72", parentId: provinceId, timeZone: "Asia/Jakarta", closedAt: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "chapter.create", entityId: id } });
    expect(audit.actorId).toBe(admin.userId);
    expect(JSON.parse(audit.after!)).toMatchObject({ code: "SKWA", regionCode: "61.72", parentId: provinceId });

    // Kalimantan Selatan is WITA, Papua WIT: the zone follows the province, whatever was there before.
    const banjarbaru = expectOk(
      await createChapterFor(
        admin,
        chapterForm({ name: "IPSM Kota Banjarbaru", code: "BJB", regionCode: "63.72", letterPlace: "Banjarbaru" }),
      ),
    );
    expect((await db.chapter.findUniqueOrThrow({ where: { id: banjarbaru.id } })).timeZone).toBe("Asia/Makassar");
    const jayapura = expectOk(
      await createChapterFor(admin, chapterForm({ name: "IPSM Provinsi Papua", code: "PPA", level: "provinsi", regionCode: "91" })),
    );
    expect((await db.chapter.findUniqueOrThrow({ where: { id: jayapura.id } })).timeZone).toBe("Asia/Jayapura");
  });

  it("refuses a region of another level, a region outside the parent's, and a parent not above the chapter", async () => {
    // The region must be of the chapter's level.
    expect(expectInvalid(await createChapterFor(admin, chapterForm({ code: "AAA", regionCode: "61.72.01" }))).regionCode).toBe(
      t("chapters.error.regionLevel"),
    );
    expect(expectInvalid(await createChapterFor(admin, chapterForm({ code: "AAA", regionCode: "61.99" }))).regionCode).toBe(
      t("chapters.error.regionLevel"),
    );
    // Kota Banjarbaru (Kalimantan Selatan) does not lie in Kalimantan Barat.
    expect(
      expectInvalid(await createChapterFor(admin, chapterForm({ code: "AAA", regionCode: "63.72", parentId: provinceId }))).regionCode,
    ).toBe(t("chapters.error.outsideParent"));
    // A kecamatan of Kota Pontianak under a Singkawang chapter: outside too.
    const skw = await db.chapter.findUniqueOrThrow({ where: { code: "SKWA" } });
    expect(
      expectInvalid(
        await createChapterFor(admin, chapterForm({ code: "AAA", level: "kecamatan", regionCode: "61.71.01", parentId: skw.id })),
      ).regionCode,
    ).toBe(t("chapters.error.outsideParent"));
    // Level order: a kab/kota under a kab/kota, a province under a kab/kota.
    const city = (await buildChapter({ code: "PTKA", regionCode: "61.71", parentId: provinceId })).id;
    expect(expectInvalid(await createChapterFor(admin, chapterForm({ code: "AAA", parentId: city }))).parentId).toBe(
      t("chapters.error.parentLevel"),
    );
    expect(
      expectInvalid(await createChapterFor(admin, chapterForm({ code: "AAA", level: "provinsi", regionCode: "61", parentId: city })))
        .parentId,
    ).toBe(t("chapters.error.parentLevel"));
    // An unknown parent.
    expect(expectInvalid(await createChapterFor(admin, chapterForm({ code: "AAA", parentId: "nope" }))).parentId).toBe(
      t("chapters.error.parent"),
    );
    // A kecamatan inside the city, under it: fine; a kelurahan inside that kecamatan: fine.
    const kec = expectOk(
      await createChapterFor(admin, chapterForm({ code: "PTKAS", level: "kecamatan", regionCode: "61.71.01", parentId: city })),
    );
    expectOk(await createChapterFor(admin, chapterForm({ code: "BML", level: "kelurahan", regionCode: PLACES.V1002, parentId: kec.id })));
    expect(await db.chapter.count({ where: { code: "AAA" } })).toBe(0);
  });

  it("refuses a letter code already used, and malformed codes in the form", async () => {
    const taken = expectRefusal(await createChapterFor(admin, chapterForm({ code: "SKWA", regionCode: "61.08" })), "conflict");
    expect(taken.fieldErrors?.code).toBe(t("chapters.error.codeTaken"));
    for (const code of ["P", "PONTIANAK", "pt1", "P T K"])
      expect(chapterProfileSchema.safeParse({ ...PROFILE_FIELDS, code }).success, code).toBe(false);
    expect(chapterProfileSchema.parse({ ...PROFILE_FIELDS, code: " ptk-pk " }).code).toBe("PTK-PK");
  });

  it("keeps sub-chapters inside and below a chapter that is edited, and never under itself", async () => {
    const city = await db.chapter.findUniqueOrThrow({ where: { code: "PTKA" } });
    const kec = await db.chapter.findUniqueOrThrow({ where: { code: "PTKAS" } });
    const base = {
      name: city.name,
      code: city.code,
      address: city.address,
      letterPlace: city.letterPlace,
      letterheadSubtitle: city.letterheadSubtitle,
    };
    // Moving Kota Pontianak's chapter onto Kota Singkawang would leave its kecamatan outside.
    expect(
      expectInvalid(await updateChapterFor(admin, city.id, chapterForm({ ...base, regionCode: "61.72", parentId: provinceId }))).regionCode,
    ).toBe(t("chapters.error.childOutside"));
    // Making it a kecamatan chapter would put its kecamatan sub-chapter on the same level.
    const asKec = await updateChapterFor(
      admin,
      city.id,
      chapterForm({ ...base, level: "kecamatan", regionCode: "61.71.02", parentId: provinceId }),
    );
    expect(expectInvalid(asKec).level).toBe(t("chapters.error.childLevel"));
    // Its own sub-chapter cannot become its parent.
    expect(
      expectInvalid(await updateChapterFor(admin, city.id, chapterForm({ ...base, regionCode: "61.71", parentId: kec.id }))).parentId,
    ).toBe(t("chapters.error.parent"));
    // A plain edit is saved and audited with before and after.
    expectOk(
      await updateChapterFor(
        admin,
        city.id,
        chapterForm({ ...base, name: "IPSM Kota Pontianak (baru)", regionCode: "61.71", parentId: provinceId }),
      ),
    );
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "chapter.update", entityId: city.id } });
    expect(JSON.parse(audit.before!)).toMatchObject({ name: city.name });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "IPSM Kota Pontianak (baru)" });
    expectRefusal(await updateChapterFor(admin, "nope", chapterForm(base)), "notFound");
  });

  it("is the administrator's alone, and the list shows the tree with levels, parents and members", async () => {
    const sekretaris = await boardMember(provinceId, "sekretaris");
    expectRefusal(await createChapterFor(sekretaris, chapterForm({ code: "ZZZ" })), "forbidden");
    expectRefusal(await listChapterTree(sekretaris), "forbidden");
    expectRefusal(await closeChapter(sekretaris, provinceId), "forbidden");

    const { chapters } = expectOk(await listChapterTree(admin));
    const codes = chapters.map((c) => c.code);
    // Each parent before its sub-chapters.
    expect(codes.indexOf("KALBAR")).toBeLessThan(codes.indexOf("PTKA"));
    expect(codes.indexOf("PTKA")).toBeLessThan(codes.indexOf("PTKAS"));
    expect(codes.indexOf("PTKAS")).toBeLessThan(codes.indexOf("BML"));
    const kec = chapters.find((c) => c.code === "PTKAS")!;
    expect(kec).toMatchObject({ level: "kecamatan", depth: 2, parentName: "IPSM Kota Pontianak (baru)", regionName: "Pontianak Selatan" });
    expect(chapters.find((c) => c.code === "KALBAR")!.members).toEqual({ total: 1, active: 1 });

    const cookie = await signIn("admin@chapters.test");
    expect(statusOf(await run(chaptersLoader, getRequest("/chapters", cookie)))).toBe(200);
    expect(statusOf(await run(chaptersLoader, getRequest("/chapters", await signIn(sekretaris.email))))).toBe(403);
  });
});

describe("closing a chapter", () => {
  it("keeps its data, refuses new members and activities, and needs its sub-chapters closed first", async () => {
    const chapter = await buildChapter({ code: "TUTUP", regionCode: "61.71", parentId: provinceId });
    const sub = await buildChapter({ code: "TUTUPK", level: "kecamatan", regionCode: "61.71.01", parentId: chapter.id });
    await ensureActivityCatalogue(chapter.id);
    const sekretaris = await boardMember(chapter.id, "sekretaris");
    const relawan = await volunteer(chapter.id);
    const types = await listActivityTypes(chapter.id);
    const ctx = { id: chapter.id, code: "TUTUP", types, ppks: await listPpksCategories(chapter.id) };
    expectOk(await logFor(ctx, relawan));
    const before = {
      members: await db.member.count({ where: { chapterId: chapter.id } }),
      activities: await db.activity.count({ where: { chapterId: chapter.id } }),
    };

    expect(expectRefusal(await closeChapter(admin, chapter.id), "conflict").message).toBe(t("chapters.error.openChildren"));
    expectOk(await closeChapter(admin, sub.id, NOW));
    expect(expectOk(await closeChapter(admin, chapter.id, NOW)).name).toBe(chapter.name);
    expect(expectRefusal(await closeChapter(admin, chapter.id), "conflict").message).toBe(t("chapters.error.alreadyClosed"));

    const row = await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } });
    expect(row.closedAt).toEqual(NOW);
    expect(await db.member.count({ where: { chapterId: chapter.id } })).toBe(before.members);
    expect(await db.activity.count({ where: { chapterId: chapter.id } })).toBe(before.activities);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "chapter.close", entityId: chapter.id } });
    expect(audit.actorId).toBe(admin.userId);

    // Nothing new: no member, no activity, no sub-chapter.
    const member = memberFormSchema.parse({
      fullName: "Calon Baru",
      nik: "6171014501900001",
      sex: "P",
      birthDate: "1990-01-05",
      address: "Jl. Uji",
      villageCode: PLACES.V1002,
      joinDate: "2031-06-01",
      membershipType: "biasa",
    });
    expect(expectRefusal(await createMember(sekretaris, member), "conflict").message).toBe(t("chapters.error.closed"));
    expect(expectRefusal(await logFor(ctx, relawan), "conflict").message).toBe(t("chapters.error.closed"));
    expect(
      expectInvalid(
        await createChapterFor(admin, chapterForm({ code: "TUTUPB", level: "kecamatan", regionCode: "61.71.02", parentId: chapter.id })),
      ).parentId,
    ).toBe(t("chapters.error.parentClosed"));

    // Opened again (the parent first), it takes members again.
    expect(expectRefusal(await reopenChapter(admin, sub.id), "conflict").message).toBe(t("chapters.error.parentClosed"));
    expectOk(await reopenChapter(admin, chapter.id));
    expectOk(await createMember(sekretaris, member));
  });
});

describe("the board's own chapter profile", () => {
  it("lets the Ketua and the Sekretaris set the letterhead, contacts and letter code, audited; others may not", async () => {
    const chapter = await buildChapter({ code: "PROF", regionCode: "61.04", parentId: provinceId });
    const sekretaris = await boardMember(chapter.id, "sekretaris");
    const ketua = await boardMember(chapter.id, "ketua");
    const bendahara = await boardMember(chapter.id, "bendahara");
    const relawan = await volunteer(chapter.id);
    const profile = chapterProfileSchema.parse({
      code: "kph",
      letterheadSubtitle: "KABUPATEN KETAPANG",
      letterPlace: "Ketapang",
      address: "Jl. Merdeka No. 5, Ketapang",
      phone: "(0534) 31 000",
      email: "Sekretariat@IPSM-Ketapang.or.id",
      website: "",
    });
    expectOk(await updateChapterProfile(sekretaris, profile));
    const row = await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } });
    expect(row).toMatchObject({
      code: "KPH",
      letterheadSubtitle: "KABUPATEN KETAPANG",
      letterPlace: "Ketapang",
      email: "sekretariat@ipsm-ketapang.or.id",
      website: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "chapter.profile", entityId: chapter.id } });
    expect(audit.actorId).toBe(sekretaris.userId);
    expect(JSON.parse(audit.before!)).toMatchObject({ code: "PROF", letterPlace: "Pontianak" });
    expect(JSON.parse(audit.after!)).toMatchObject({ code: "KPH", letterPlace: "Ketapang" });

    expect(expectOk(await getChapterProfile(ketua)).chapter.code).toBe("KPH");
    expectRefusal(await updateChapterProfile(bendahara, profile), "forbidden");
    expectRefusal(await updateChapterProfile(relawan, profile), "forbidden");
    expect(expectRefusal(await updateChapterProfile(ketua, { ...profile, code: "KALBAR" }), "conflict").fieldErrors?.code).toBe(
      t("chapters.error.codeTaken"),
    );

    // Through the page: the Ketua saves; the volunteer gets 403.
    const cookie = await signIn(ketua.email);
    expect(statusOf(await run(profileLoader, getRequest("/chapter/profile", cookie)))).toBe(200);
    const fields = {
      code: "KPH",
      letterheadSubtitle: "KABUPATEN KETAPANG",
      letterPlace: "Ketapang",
      address: "Jl. Merdeka No. 7",
      phone: "",
      email: "",
      website: "",
    };
    const saved = (await run(profileAction, postForm("/chapter/profile", fields, cookie))) as Response;
    expect(saved.status).toBe(302);
    expect(await toastMessageOf(saved)).toBe(t("chapterProfile.saved"));
    expect((await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).address).toBe("Jl. Merdeka No. 7");
    const bad = await run(profileAction, postForm("/chapter/profile", { ...fields, code: "k" }, cookie));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors.code).toBe(t("chapters.error.code"));
    expect(statusOf(await run(profileLoader, getRequest("/chapter/profile", await signIn(relawan.email))))).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------------
// The province roll-up and the Dinas Sosial's region

type Tree = { province: string; cityA: string; kecA: string; cityB: string; other: string };
let tree: Tree;
let figuresActor: TestActor;

/** A verified (or not) activity of a chapter on a day, reaching people (L) of one category. */
async function activity(
  chapterId: string,
  villageCode: string,
  date: string,
  people: number,
  status: "verified" | "submitted" = "verified",
) {
  await ensureActivityCatalogue(chapterId);
  const [type] = await listActivityTypes(chapterId);
  const [category] = await listPpksCategories(chapterId);
  const member = await db.member.findFirst({ where: { chapterId }, select: { id: true } });
  const memberId = member?.id ?? (await buildMember({ chapterId, villageCode })).id;
  const row = await db.activity.create({
    data: {
      chapterId,
      memberId,
      date: new Date(`${date}T00:00:00.000Z`),
      durationMinutes: 60,
      typeId: type!.id,
      villageCode,
      districtCode: villageCode.split(".").slice(0, 3).join("."),
      status,
      people,
      submittedAt: new Date(`${date}T03:00:00.000Z`),
      idempotencyKey: `prov-${Math.random().toString(36).slice(2)}`,
    },
    select: { id: true },
  });
  if (people > 0) await db.activityReach.create({ data: { activityId: row.id, categoryId: category!.id, sex: "L", count: people } });
}

/** A report sent by a chapter for a month of 2031. */
async function report(chapterId: string, month: number, status: "draft" | "submitted" | "received", submittedAt: Date | null) {
  return db.report.create({
    data: {
      chapterId,
      periodKind: "month",
      periodStart: new Date(Date.UTC(2031, month - 1, 1)),
      periodEnd: new Date(Date.UTC(2031, month, 0)),
      status,
      createdById: admin.userId,
      submittedAt,
      reviewedAt: status === "received" ? wib("2031-06-12") : null,
    },
    select: { id: true },
  });
}

describe("the province roll-up", () => {
  beforeAll(async () => {
    const province = (await buildChapter({ code: "KB", name: "IPSM Provinsi Uji", level: "provinsi", regionCode: "61" })).id;
    const cityA = (await buildChapter({ code: "CA", name: "IPSM Kota A", regionCode: "61.71", parentId: province })).id;
    const kecA = (await buildChapter({ code: "CAK", name: "IPSM Kec A", level: "kecamatan", regionCode: "61.71.01", parentId: cityA })).id;
    const cityB = (await buildChapter({ code: "CB", name: "IPSM Kota B", regionCode: "61.72", parentId: province })).id;
    const other = (await buildChapter({ code: "KS", name: "IPSM Kota Banjarmasin", regionCode: "63.71" })).id;
    tree = { province, cityA, kecA, cityB, other };
    const [skwVillage] = await listVillages("61.72");
    const [bjmVillage] = await listVillages("63.71");

    // Members: statuses spread over the tree (and one of the province's own).
    for (const [chapterId, village, statuses] of [
      [cityA, PLACES.V1002, ["aktif", "aktif", "calon", "nonaktif"]],
      [kecA, PLACES.V1003, ["aktif", "meninggal"]],
      [cityB, skwVillage!.code, ["aktif", "aktif", "aktif", "calon"]],
      [province, PLACES.V1002, ["aktif"]],
      [other, bjmVillage!.code, ["aktif"]],
    ] as const)
      for (const status of statuses) await buildMember({ chapterId, villageCode: village, status });

    // Activities: June (this month), earlier in 2031, in 2030 (not counted), unverified (not counted).
    await activity(cityA, PLACES.V1002, "2031-06-03", 4);
    await activity(cityA, PLACES.V1002, "2031-03-10", 2);
    await activity(kecA, PLACES.V1003, "2031-06-14", 3);
    await activity(kecA, PLACES.V1003, "2031-06-15", 5, "submitted");
    await activity(cityB, skwVillage!.code, "2031-06-01", 6);
    await activity(cityB, skwVillage!.code, "2031-01-20", 1);
    await activity(cityB, skwVillage!.code, "2030-12-31", 9);
    await activity(other, bjmVillage!.code, "2031-06-02", 7);

    // Reports: Kota B sent May's (received in June); Kota A sent April's in May, and a draft of May; Kec A sent May's.
    await report(cityB, 5, "received", wib("2031-06-05"));
    await report(cityA, 4, "submitted", wib("2031-05-06"));
    await report(cityA, 5, "draft", null);
    await report(kecA, 5, "submitted", wib("2031-06-07"));
    await report(other, 5, "submitted", wib("2031-06-03"));

    figuresActor = await boardMember(province, "ketua");
  });

  it("sums to the province's whole tree, each row equal to that chapter's own figures", async () => {
    const overview = expectOk(await provinceOverview(figuresActor, NOW));
    const rows = overview.rows;
    expect(rows.map((r) => r.code)).toEqual(["CA", "CB"]);
    const a = rows.find((r) => r.code === "CA")!.figures;
    const b = rows.find((r) => r.code === "CB")!.figures;
    // Kota A counts its kecamatan sub-chapter: 6 members (3 active), June 4 + 3 people, the year adds March.
    expect(a.members).toEqual({ active: 3, candidates: 1, inactive: 2, total: 6 });
    expect(a.month).toEqual({ activities: 2, people: 7, reportsSent: 1, reportsReceived: 0 });
    expect(a.year).toEqual({ activities: 3, people: 9, reportsSent: 2, reportsReceived: 0 });
    expect(b.month).toEqual({ activities: 1, people: 6, reportsSent: 1, reportsReceived: 1 });
    expect(b.year).toEqual({ activities: 2, people: 7, reportsSent: 1, reportsReceived: 1 });

    // The total is the sum of the rows (and the province chapter's own members, the Ketua included).
    const parts: ChapterFigures[] = [...rows.map((r) => r.figures), ...(overview.own ? [overview.own] : [])];
    const sum = (pick: (f: ChapterFigures) => number) => parts.reduce((s, f) => s + pick(f), 0);
    for (const pick of [
      (f: ChapterFigures) => f.members.active,
      (f: ChapterFigures) => f.members.candidates,
      (f: ChapterFigures) => f.members.inactive,
      (f: ChapterFigures) => f.members.total,
      ...(["month", "year"] as const).flatMap((p) =>
        (["activities", "people", "reportsSent", "reportsReceived"] as const).map((k) => (f: ChapterFigures) => f[p][k]),
      ),
    ])
      expect(pick(overview.total)).toBe(sum(pick));
    expect(overview.own?.members).toEqual({ active: 2, candidates: 0, inactive: 0, total: 2 });
    // Banjarmasin is not under the province.
    expect(overview.total.month.activities).toBe(3);

    // The same numbers as the contribution report's figures of each chapter with its sub-chapters.
    for (const [chapterId, figures] of [
      [tree.cityA, a],
      [tree.cityB, b],
    ] as const) {
      for (const [period, start] of [
        ["month", new Date(Date.UTC(2031, 5, 1))],
        ["year", new Date(Date.UTC(2031, 0, 1))],
      ] as const) {
        const report = await reportFigures({ chapterId, includeSubChapters: true, start, end: new Date(Date.UTC(2031, 5, 15)) });
        expect(figures[period].activities).toBe(report.activities.count);
        expect(figures[period].people).toBe(report.people.total);
      }
    }
  });

  it("lists the chapters under it that have not sent last month's report", async () => {
    const overview = expectOk(await provinceOverview(figuresActor, NOW));
    // Kota A has only a draft for May (its April report was sent on 6 May 2031).
    expect(overview.missing).toEqual([
      { id: tree.cityA, name: "IPSM Kota A", regionName: expect.any(String), lastSentAt: wib("2031-05-06") },
    ]);
  });

  it("is for province chapters, read by the board and the administrator working there; the page says it includes sub-chapters", async () => {
    const cityKetua = await boardMember(tree.cityA, "ketua");
    expect(expectRefusal(await provinceOverview(cityKetua, NOW), "notFound").message).toBe(t("province.notProvince"));
    const plain = await volunteer(tree.province);
    expectRefusal(await provinceOverview(plain, NOW), "forbidden");
    const adminThere = { ...admin, chapterId: tree.province };
    expect(expectOk(await provinceOverview(adminThere, NOW)).rows).toHaveLength(2);

    const page = dataOf<{ province: { name: string } }>(
      await run(provinceLoader, getRequest("/province", await signIn(figuresActor.email))),
    );
    expect(page.province.name).toBe("IPSM Provinsi Uji");
    expect(t("province.intro", { chapter: "X" })).toContain("termasuk semua IPSM bawahannya");
    expect(statusOf(await run(provinceLoader, getRequest("/province", await signIn(plain.email))))).toBe(403);
  });
});

describe("Dinas Sosial logins bound to a region", () => {
  const listedChapters = async (actor: Actor) => new Set((await listReports(actor)).map((r) => r.chapter.code));

  it("a kab/kota login sees its kab/kota's submitted reports; a provincial one the whole province", async () => {
    const kota = expectOk(
      await createDinsosLogin(admin, {
        name: "Dinas Sosial Kota B",
        email: "dinsos-b@chapters.test",
        regionCode: "61.72",
        password: "rahasia-123",
      }),
    );
    const prov = expectOk(
      await createDinsosLogin(admin, {
        name: "Dinas Sosial Provinsi",
        email: "dinsos-kb@chapters.test",
        regionCode: "61",
        password: "rahasia-123",
      }),
    );
    const kotaUser = await db.user.findUniqueOrThrow({ where: { id: kota.id } });
    expect(kotaUser).toMatchObject({ role: "dinsos", regionCode: "61.72", active: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: kota.id } });
    expect(audit.after).not.toContain("rahasia");

    const kotaActor = await actorOfUser({ id: kota.id, email: "dinsos-b@chapters.test" });
    expect(kotaActor.regionCode).toBe("61.72");
    const provActor = await actorOfUser({ id: prov.id, email: "dinsos-kb@chapters.test" });
    // Kota B's only: not Kota A, not the Kalimantan Selatan chapter, never a draft.
    expect(await listedChapters(kotaActor)).toEqual(new Set(["CB"]));
    // The province: Kota A, its kecamatan and Kota B (sent ones), not Banjarmasin.
    expect(await listedChapters(provActor)).toEqual(new Set(["CA", "CAK", "CB"]));
    const provReports = await listReports(provActor);
    expect(provReports.every((r) => r.status !== "draft")).toBe(true);

    // A login of another province sees none of these.
    const south = expectOk(
      await createDinsosLogin(admin, {
        name: "Dinas Sosial Kalsel",
        email: "dinsos-ks@chapters.test",
        regionCode: "63",
        password: "rahasia-123",
      }),
    );
    expect(await listedChapters(await actorOfUser({ id: south.id, email: "dinsos-ks@chapters.test" }))).toEqual(new Set(["KS"]));

    // A login without a region keeps seeing its chapter and those under it.
    const unbound = await buildUser({ chapterId: tree.cityA, role: "dinsos" });
    expect(await listedChapters(await actorOfUser(unbound))).toEqual(new Set(["CA", "CAK"]));
  });

  it("refuses a kecamatan, a region without a chapter, a used email, and anyone but the administrator", async () => {
    const input = { name: "Dinas Sosial", email: "dinsos-x@chapters.test", password: "rahasia-123" };
    expect(expectInvalid(await createDinsosLogin(admin, { ...input, regionCode: "61.72.01" })).regionCode).toBe(
      t("chapters.dinsos.error.region"),
    );
    expect(expectInvalid(await createDinsosLogin(admin, { ...input, regionCode: "31" })).regionCode).toBe(
      t("chapters.dinsos.error.noChapter"),
    );
    expect(
      expectRefusal(await createDinsosLogin(admin, { ...input, email: "dinsos-b@chapters.test", regionCode: "61.72" }), "conflict")
        .fieldErrors?.email,
    ).toBe(t("chapters.dinsos.error.emailTaken"));
    expectRefusal(await createDinsosLogin(figuresActor, { ...input, regionCode: "61.72" }), "forbidden");

    // Through the page: saved, then signs in.
    const cookie = await signIn("admin@chapters.test");
    const made = (await run(
      dinsosAction,
      postForm("/chapters/dinsos", { ...input, email: "dinsos-page@chapters.test", regionCode: "61.71" }, cookie),
    )) as Response;
    expect(made.status).toBe(302);
    expect(await toastMessageOf(made)).toBe(t("chapters.dinsos.created"));
    await signIn("dinsos-page@chapters.test", "rahasia-123");
    const short = await run(dinsosAction, postForm("/chapters/dinsos", { ...input, password: "pendek", regionCode: "61.71" }, cookie));
    expect(statusOf(short)).toBe(400);
    expect(dataOf<{ values: Record<string, string> }>(short).values.password).toBe("");
  });
});
