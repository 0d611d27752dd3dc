// The member registry's rules against the real database, and its routes for each role.
import { beforeAll, describe, expect, it } from "vitest";
import {
  changeMemberStatus,
  createMember,
  existingMemberOf,
  getMemberHistory,
  listMembers,
  listOpenDuplicateFlags,
  markDistinct,
  updateMember,
} from "~/domain/members/members.server";
import { mergeMembers } from "~/domain/members/merge.server";
import { action as newMemberAction, loader as newMemberLoader } from "~/routes/members.new";
import { action as memberAction, loader as memberLoader } from "~/routes/members.$id._index";
import { loader as membersLoader } from "~/routes/members._index";
import { loader as editLoader } from "~/routes/members.$id.edit";
import { action as profileAction, loader as profileLoader } from "~/routes/profile";
import { t } from "~/i18n";
import { db } from "~/utils/db.server";
import { memberFormSchema, type MemberFormData } from "~/validation/members";
import { buildChapter, buildMember, buildUser, buildBoardUser } from "../factories";
import { actorOfUser } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";
import type { Actor } from "~/domain/shared/actor.server";

let chapterId: string;
let otherChapterId: string;
let registrar: Actor;
const cookies: Record<string, string> = {};

const baseForm = {
  fullName: "Siti Aminah",
  nik: "6171015708900003",
  sex: "P",
  birthDate: "1990-08-17",
  phone: "081234567890",
  email: "",
  address: "Jl. Tanjungpura No. 5",
  villageCode: "61.71.01.1003",
  joinDate: "2026-01-20",
  membershipType: "biasa",
};
const form = (overrides: Partial<typeof baseForm> = {}): MemberFormData => memberFormSchema.parse({ ...baseForm, ...overrides });

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "PTK", regionCode: "61.71" })).id;
  otherChapterId = (await buildChapter({ code: "KKR", name: "IPSM Kabupaten Kubu Raya", regionCode: "61.12" })).id;
  registrar = await actorOfUser(await buildBoardUser({ chapterId, email: "sekretaris@reg.test", name: "Sekretaris Uji" }));
  const own = await buildMember({ chapterId, villageCode: "61.71.01.1002", fullName: "Relawan Sendiri" });
  await buildUser({ chapterId, role: "volunteer", email: "relawan@reg.test", memberId: own.id });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@reg.test" });
  for (const role of ["sekretaris", "relawan", "dinsos"]) cookies[role] = await signIn(`${role}@reg.test`);
});

describe("adding members", () => {
  it("stores the member with the next number in the chapter's pattern, phone in E.164, and audits it", async () => {
    const result = await createMember(registrar, form());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.memberNumber).toMatch(/^PTK-2026-\d{4}$/);
    const member = await db.member.findUniqueOrThrow({ where: { id: result.memberId } });
    expect(member.phone).toBe("+6281234567890");
    expect(member.status).toBe("calon");
    const history = await getMemberHistory(registrar, result.memberId);
    expect(history[0]).toMatchObject({ action: "member.create", actorName: "Sekretaris Uji" });
    expect(JSON.stringify(history[0]!.after)).not.toContain("6171015708900003");
  });

  it("refuses an NIK already in the chapter, pointing at the existing member", async () => {
    const result = await createMember(registrar, form({ fullName: "Orang Lain" }));
    expect(expectInvalid(result).nik).toBe("NIK ini sudah terdaftar atas nama Siti Aminah.");
    expect(existingMemberOf(expectRefusal(result, "invalid"))?.fullName).toBe("Siti Aminah");
  });

  it("refuses an NIK whose region part is not a kecamatan, a kelurahan outside the chapter, a taken email", async () => {
    await createMember(registrar, form({ nik: "6171011708900009", sex: "L", fullName: "Budi", email: "budi@contoh.id" }));
    const bad = await createMember(
      registrar,
      form({ nik: "9999011708900001", sex: "L", villageCode: "61.12.01.2001", email: "budi@contoh.id" }),
    );
    expect(expectInvalid(bad)).toEqual({
      nik: "Kode wilayah pada NIK (6 angka pertama) bukan kode kecamatan yang terdaftar.",
      villageCode: "Kelurahan/desa ini tidak berada di wilayah IPSM Anda.",
      email: "Email ini sudah dipakai anggota lain.",
    });
  });

  it("never reuses a number, even after a merge removes a member", async () => {
    const a = await createMember(registrar, form({ nik: "6171011212850001", sex: "L", birthDate: "1985-12-12", fullName: "Ahmad Satu" }));
    const b = await createMember(registrar, form({ nik: "6171011212850002", sex: "L", birthDate: "1985-12-12", fullName: "Ahmad Satu" }));
    if (!a.ok || !b.ok) throw new Error("setup");
    await mergeMembers(registrar, a.memberId, b.memberId);
    const c = await createMember(registrar, form({ nik: "6171011212850003", sex: "L", birthDate: "1985-12-12", fullName: "Ahmad Tiga" }));
    if (!c.ok) throw new Error("setup");
    const serial = (n: string | null) => Number(n!.slice(-4));
    expect(serial(c.memberNumber)).toBe(serial(b.memberNumber) + 1);
  });
});

describe("near duplicates and merging", () => {
  it("flags the same name and birth date for the board, who can call them distinct", async () => {
    const first = await createMember(
      registrar,
      form({ nik: "6171010303800001", sex: "L", birthDate: "1980-03-03", fullName: "Joko Widodo" }),
    );
    const second = await createMember(
      registrar,
      form({ nik: "6171020303800002", sex: "L", birthDate: "1980-03-03", fullName: "joko widodo " }),
    );
    if (!first.ok || !second.ok) throw new Error("setup");
    expect(second.possibleDuplicates.map((d) => d.id)).toEqual([first.memberId]);
    const flags = await listOpenDuplicateFlags(registrar);
    const flag = flags.find((f) => [f.member.id, f.otherMember.id].includes(second.memberId))!;
    expect(flag).toBeDefined();
    expectOk(await markDistinct(registrar, flag.id));
    expect((await listOpenDuplicateFlags(registrar)).some((f) => f.id === flag.id)).toBe(false);
  });

  it("merges: the account and the cards move to the member kept, the duplicate goes, all audited", async () => {
    const keep = await createMember(
      registrar,
      form({ nik: "6171010404810001", sex: "L", birthDate: "1981-04-04", fullName: "Rudi Hartono" }),
    );
    const dup = await createMember(
      registrar,
      form({ nik: "6171010404810002", sex: "L", birthDate: "1981-04-04", fullName: "Rudi Hartono", phone: "" }),
    );
    if (!keep.ok || !dup.ok) throw new Error("setup");
    const account = await buildUser({ chapterId, role: "volunteer", memberId: dup.memberId });
    await db.memberCard.create({ data: { memberId: dup.memberId, code: "merge-test-card", validUntil: new Date("2031-01-01") } });

    expect(await mergeMembers(registrar, keep.memberId, dup.memberId)).toEqual({ ok: true });
    expect(await db.member.findUnique({ where: { id: dup.memberId } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).memberId).toBe(keep.memberId);
    expect((await db.memberCard.findUniqueOrThrow({ where: { code: "merge-test-card" } })).memberId).toBe(keep.memberId);
    const history = await getMemberHistory(registrar, keep.memberId);
    expect(history.some((h) => h.action === "member.merge")).toBe(true);
  });

  it("merges training records: a shared event keeps one entry, a shared competency the higher level", async () => {
    const keep = await buildMember({ chapterId, villageCode: "61.71.01.1003", status: "aktif" });
    const dup = await buildMember({ chapterId, villageCode: "61.71.01.1003", status: "aktif" });
    const course = await db.course.create({
      data: { name: "Kursus Gabung", kind: "bimtek_teknis", organiser: "ipsm", hours: 8, chapterId },
    });
    const event = (start: string) =>
      db.trainingEvent.create({
        data: {
          chapterId,
          courseId: course.id,
          startDate: new Date(start),
          endDate: new Date(start),
          place: "Aula",
          organiser: "IPSM",
          hours: 8,
        },
      });
    const [shared, own] = [await event("2025-01-06"), await event("2025-02-03")];
    await db.trainingParticipant.createMany({
      data: [
        { eventId: shared.id, memberId: keep.id, result: "lulus" },
        { eventId: shared.id, memberId: dup.id, result: "tidak_lulus" },
        { eventId: own.id, memberId: dup.id, result: "lulus" },
      ],
    });
    const [a, b] = [
      await db.competency.create({ data: { chapterId, name: "Kompetensi Gabung A" } }),
      await db.competency.create({ data: { chapterId, name: "Kompetensi Gabung B" } }),
    ];
    const on = new Date("2025-02-03");
    await db.memberCompetency.createMany({
      data: [
        { memberId: keep.id, competencyId: a.id, level: "dasar", source: "training", acquiredOn: on },
        { memberId: dup.id, competencyId: a.id, level: "mahir", source: "board", acquiredOn: on },
        { memberId: dup.id, competencyId: b.id, level: "menengah", source: "training", acquiredOn: on },
      ],
    });
    await db.certificate.create({
      data: { chapterId, memberId: dup.id, title: "Sertifikat", number: "MERGE-1", issuer: "LSP", issuedOn: on },
    });

    expect(await mergeMembers(registrar, keep.id, dup.id)).toEqual({ ok: true });
    const participations = await db.trainingParticipant.findMany({ where: { memberId: keep.id }, select: { eventId: true, result: true } });
    expect(participations).toHaveLength(2);
    expect(participations.find((p) => p.eventId === shared.id)?.result).toBe("lulus");
    const competencies = await db.memberCompetency.findMany({ where: { memberId: keep.id }, select: { competencyId: true, level: true } });
    expect(Object.fromEntries(competencies.map((c) => [c.competencyId, c.level]))).toEqual({ [a.id]: "mahir", [b.id]: "menengah" });
    expect((await db.certificate.findUniqueOrThrow({ where: { chapterId_number: { chapterId, number: "MERGE-1" } } })).memberId).toBe(
      keep.id,
    );
  });

  it("refuses to merge two members who both have a login account, or across chapters", async () => {
    const a = await buildMember({ chapterId, villageCode: "61.71.01.1003" });
    const b = await buildMember({ chapterId, villageCode: "61.71.01.1003" });
    await buildUser({ chapterId, role: "volunteer", memberId: a.id });
    await buildUser({ chapterId, role: "volunteer", memberId: b.id });
    expect(expectRefusal(await mergeMembers(registrar, a.id, b.id), "conflict").message).toBe(t("members.duplicates.mergeTwoAccounts"));
    const foreign = await buildMember({ chapterId: otherChapterId, villageCode: "61.12.01.2001" });
    expect(expectRefusal(await mergeMembers(registrar, a.id, foreign.id), "notFound").message).toBe(t("members.duplicates.mergeMissing"));
  });
});

describe("editing and status changes", () => {
  it("audits only what changed, and keeps status changes with date and reason", async () => {
    const created = await createMember(
      registrar,
      form({ nik: "6171010505820001", sex: "L", birthDate: "1982-05-05", fullName: "Eko Prasetyo" }),
    );
    if (!created.ok) throw new Error("setup");
    await updateMember(
      registrar,
      created.memberId,
      form({ nik: "6171010505820001", sex: "L", birthDate: "1982-05-05", fullName: "Eko Prasetyo", address: "Jl. Baru 1" }),
    );
    await changeMemberStatus(registrar, created.memberId, { status: "nonaktif", effectiveDate: "2026-06-01", reason: "Pindah domisili" });
    const [status, update] = await getMemberHistory(registrar, created.memberId);
    expect(status).toMatchObject({
      action: "member.status",
      before: { status: "calon" },
      after: { status: "nonaktif", reason: "Pindah domisili" },
    });
    expect(update).toMatchObject({
      action: "member.update",
      before: { address: "Jl. Tanjungpura No. 5" },
      after: { address: "Jl. Baru 1" },
    });
    expect(Object.keys(update!.after!)).toEqual(["address"]);
    const member = await db.member.findUniqueOrThrow({ where: { id: created.memberId } });
    expect(member.statusDate?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("cannot touch a member of another chapter", async () => {
    const foreign = await buildMember({ chapterId: otherChapterId, villageCode: "61.12.01.2001" });
    expect(
      expectRefusal(
        await changeMemberStatus(registrar, foreign.id, { status: "aktif", effectiveDate: "2026-01-01", reason: "x" }),
        "notFound",
      ),
    ).toBeTruthy();
    expectRefusal(await updateMember(registrar, foreign.id, form()), "notFound");
  });
});

describe("the list", () => {
  it("searches by name, NIK, number and phone, and filters by status and kecamatan", async () => {
    const search = async (q: string) =>
      (await listMembers(registrar, { filters: { search: q, sort: "name", direction: "asc" } })).members.map((m) => m.fullName);
    expect(await search("siti")).toContain("Siti Aminah");
    expect(await search("6171015708900003")).toEqual(["Siti Aminah"]);
    expect(await search("0812 3456 7890")).toContain("Siti Aminah");
    const numbered = await db.member.findFirstOrThrow({ where: { fullName: "Siti Aminah" }, select: { memberNumber: true } });
    expect(await search(numbered.memberNumber!)).toEqual(["Siti Aminah"]);
    const nonaktif = await listMembers(registrar, { filters: { status: "nonaktif", sort: "name", direction: "asc" } });
    expect(nonaktif.members.every((m) => m.status === "nonaktif")).toBe(true);
    const kec02 = await listMembers(registrar, { filters: { districtCode: "61.71.02", sort: "name", direction: "asc" } });
    expect(kec02.members.every((m) => m.village.code.startsWith("61.71.02."))).toBe(true);
  });
});

describe("routes", () => {
  it("keep volunteers and Dinas Sosial out of the registry (403)", async () => {
    for (const who of ["relawan", "dinsos"]) {
      expect(statusOf(await run(membersLoader, getRequest("/members", cookies[who])))).toBe(403);
      expect(statusOf(await run(newMemberLoader, getRequest("/members/new", cookies[who])))).toBe(403);
      expect(statusOf(await run(newMemberAction, postForm("/members/new", baseForm, cookies[who])))).toBe(403);
    }
  });

  it("add a member from the form, or answer 400 with Indonesian field errors and the input kept", async () => {
    const bad = await run(newMemberAction, postForm("/members/new", { ...baseForm, nik: "123", phone: "999" }, cookies.sekretaris));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf(bad)).toMatchObject({
      fieldErrors: { nik: "NIK harus 16 angka.", phone: expect.stringContaining("Nomor HP") },
      values: { nik: "123", fullName: "Siti Aminah" },
    });
    const ok = (await run(
      newMemberAction,
      postForm(
        "/members/new",
        { ...baseForm, nik: "6171014201950001", birthDate: "1995-01-02", fullName: "Dewi Lestari", status: "aktif" },
        cookies.sekretaris,
      ),
    )) as Response;
    expect(ok.status).toBe(302);
    const id = ok.headers.get("Location")!.split("/").pop()!;
    expect((await db.member.findUniqueOrThrow({ where: { id } })).status).toBe("aktif");
  });

  it("show the NIK masked, and whole only on request, audited", async () => {
    const member = await db.member.findFirstOrThrow({ where: { fullName: "Siti Aminah" } });
    const masked = dataOf<{ member: { nik: string | null; nikMasked: string } }>(
      await run(memberLoader, getRequest(`/members/${member.id}`, cookies.sekretaris), { id: member.id }),
    );
    expect(masked.member).toMatchObject({ nik: null, nikMasked: "6171********0003" });
    const before = await db.auditLog.count({ where: { action: "member.nik.view", entityId: member.id } });
    const whole = dataOf<{ member: { nik: string } }>(
      await run(memberLoader, getRequest(`/members/${member.id}?nik=1`, cookies.sekretaris), { id: member.id }),
    );
    expect(whole.member.nik).toBe("6171015708900003");
    expect(await db.auditLog.count({ where: { action: "member.nik.view", entityId: member.id } })).toBe(before + 1);
    // The edit form needs the NIK too: also audited.
    await run(editLoader, getRequest(`/members/${member.id}/edit`, cookies.sekretaris), { id: member.id });
    expect(await db.auditLog.count({ where: { action: "member.nik.view", entityId: member.id } })).toBe(before + 2);
  });

  it("change a status with a reason, refusing a missing reason", async () => {
    const member = await db.member.findFirstOrThrow({ where: { fullName: "Siti Aminah" } });
    const missing = await run(
      memberAction,
      postForm(`/members/${member.id}`, { intent: "status", status: "aktif", effectiveDate: "2026-02-01", reason: "" }, cookies.sekretaris),
      { id: member.id },
    );
    expect(statusOf(missing)).toBe(400);
    expect(dataOf(missing)).toMatchObject({ fieldErrors: { reason: "Wajib diisi." } });
    const done = await run(
      memberAction,
      postForm(
        `/members/${member.id}`,
        { intent: "status", status: "aktif", effectiveDate: "2026-02-01", reason: "Lulus bimtek dasar" },
        cookies.sekretaris,
      ),
      { id: member.id },
    );
    expect(statusOf(done)).toBe(302);
    expect(
      statusOf(
        await run(
          memberAction,
          postForm(
            `/members/${member.id}`,
            { intent: "status", status: "aktif", effectiveDate: "2026-02-01", reason: "x" },
            cookies.relawan,
          ),
          { id: member.id },
        ),
      ),
    ).toBe(403);
  });

  it("let a volunteer see and correct only their own contact details", async () => {
    const profile = dataOf<{ member: { fullName: string; memberNumber: string } }>(
      await run(profileLoader, getRequest("/profile", cookies.relawan)),
    );
    expect(profile.member.fullName).toBe("Relawan Sendiri");
    expect(profile.member.memberNumber).toMatch(/^PTK-/);
    const saved = await run(
      profileAction,
      postForm("/profile", { phone: "+62 813 1111 2222", email: "relawan@contoh.id", address: "Jl. Merdeka 2" }, cookies.relawan),
    );
    expect(statusOf(saved)).toBe(302);
    const own = await db.member.findFirstOrThrow({ where: { fullName: "Relawan Sendiri" } });
    expect(own).toMatchObject({ phone: "+6281311112222", email: "relawan@contoh.id", address: "Jl. Merdeka 2" });
    const taken = await run(
      profileAction,
      postForm("/profile", { phone: "", email: "budi@contoh.id", address: "Jl. Merdeka 2" }, cookies.relawan),
    );
    expect(statusOf(taken)).toBe(400);
    // A Dinas Sosial officer has no member: the profile shows only their own password and sessions.
    expect(dataOf<{ member: unknown }>(await run(profileLoader, getRequest("/profile", cookies.dinsos))).member).toBeNull();
    expect(statusOf(await run(profileAction, postForm("/profile", { phone: "", email: "", address: "Jl. Dinas" }, cookies.dinsos)))).toBe(
      404,
    );
  });
});

describe("member number settings", () => {
  it("let the board change the pattern for new members, refusing a pattern without a serial", async () => {
    const { action: settingsAction } = await import("~/routes/members.settings");
    const bad = await run(
      settingsAction,
      postForm("/members/settings", { memberNumberPattern: "{KODE}-{TAHUN}", cardValidityYears: "5" }, cookies.sekretaris),
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf(bad)).toMatchObject({ fieldErrors: { memberNumberPattern: expect.stringContaining("{NOMOR}") } });
    const ok = await run(
      settingsAction,
      postForm("/members/settings", { memberNumberPattern: "IPSM/{KODE}/{NOMOR:5}", cardValidityYears: "3" }, cookies.sekretaris),
    );
    expect(statusOf(ok)).toBe(302);
    const created = await createMember(
      registrar,
      form({ nik: "6171010606830001", sex: "L", birthDate: "1983-06-06", fullName: "Pola Baru" }),
    );
    expect(created.ok && created.memberNumber).toMatch(/^IPSM\/PTK\/\d{5}$/);
    expect(
      statusOf(
        await run(
          settingsAction,
          postForm("/members/settings", { memberNumberPattern: "{NOMOR}", cardValidityYears: "3" }, cookies.relawan),
        ),
      ),
    ).toBe(403);
  });
});

describe("cards follow the membership", () => {
  it("revokes a member's card when they leave, and issues none to someone who left", async () => {
    const { issueCard, ensureActiveCards, verifyCardCode } = await import("~/domain/members/cards.server");
    const member = await buildMember({ chapterId, villageCode: "61.71.01.1003", fullName: "Akan Keluar", status: "aktif" });
    const { card } = expectOk(await issueCard(registrar, member.id));
    expect((await verifyCardCode(card!.code))?.state).toBe("valid");
    await changeMemberStatus(registrar, member.id, { status: "mengundurkan_diri", effectiveDate: "2026-07-01", reason: "Pindah kota" });
    expect((await verifyCardCode(card!.code))?.state).toBe("revoked");
    const revoked = await db.memberCard.findUniqueOrThrow({ where: { id: card!.id } });
    expect(revoked.revokedReason).toBe("Status anggota berubah menjadi Mengundurkan diri");
    expectRefusal(await issueCard(registrar, member.id), "conflict");
    expect(expectOk(await ensureActiveCards(registrar, [member.id])).cards).toEqual([]);
  });

  it("leaves one valid card after a merge", async () => {
    const { issueCard } = await import("~/domain/members/cards.server");
    const keep = await buildMember({
      chapterId,
      villageCode: "61.71.01.1003",
      fullName: "Kartu Ganda",
      birthDate: new Date(Date.UTC(1975, 1, 2)),
    });
    const dup = await buildMember({
      chapterId,
      villageCode: "61.71.01.1003",
      fullName: "Kartu Ganda",
      birthDate: new Date(Date.UTC(1975, 1, 2)),
    });
    await issueCard(registrar, keep.id);
    await issueCard(registrar, dup.id);
    await mergeMembers(registrar, keep.id, dup.id);
    const cards = await db.memberCard.findMany({ where: { memberId: keep.id } });
    expect(cards).toHaveLength(2);
    expect(cards.filter((c) => c.revokedAt === null)).toHaveLength(1);
  });
});
