// Personal data under UU 27/2022 (docs/privacy.md, docs/decisions/023): consent with its date and
// the notice's version (at application, or at the first page a member opens), erasure of a
// departed member on request after the retention period, and the retention job (residents'
// NIK/KK on closed follow-ups, undecided applications, sessions, spent links).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/domain/accounts/accounts.server";
import { decideApplication, submitApplication } from "~/domain/members/applications.server";
import { anonymiseMember } from "~/domain/members/privacy.server";
import { runRetention } from "~/domain/retention/retention.server";
import { updateActivitySettings } from "~/domain/activities/settings.server";
import { loader as rootLoader } from "~/root";
import { action as consentAction, loader as consentLoader } from "~/routes/consent";
import { action as memberAction, loader as memberLoader } from "~/routes/members.$id._index";
import { action as settingsAction, loader as settingsLoader } from "~/routes/members.settings";
import { loader as privacyLoader } from "~/routes/privacy";
import { loader as followUpLoader } from "~/routes/activities.follow-ups.$id";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { PRIVACY_NOTICE_VERSION } from "~/validation/privacy";
import { applicationSchema } from "~/validation/applications";
import { activityChapter, loggedFor, opening, type ActivityChapter } from "../factories/activities";
import { buildMember, buildUser, calendarDate } from "../factories";
import { actorOfUser, boardMember, volunteer, type TestActor } from "../support/actors";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";
import { PLACES } from "../support/timeline";

let ctx: ActivityChapter;
let sekretaris: TestActor;
let sekretarisCookie: string;

beforeAll(async () => {
  ctx = await activityChapter();
  sekretaris = await boardMember(ctx.id, "sekretaris");
  sekretarisCookie = await signIn(sekretaris.email);
});

const DAY = 86_400_000;
const monthsAgo = (n: number, from = new Date()) => {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
};

describe("consent", () => {
  it("brings a member who has not agreed to the notice to /consent before any page, and records date and version", async () => {
    const member = await buildMember({ chapterId: ctx.id, villageCode: PLACES.V1002, consented: false });
    const user = await buildUser({ chapterId: ctx.id, role: "volunteer", memberId: member.id });
    const cookie = await signIn(user.email);

    const blocked = (await run(rootLoader, getRequest("/activities?status=returned", cookie))) as Response;
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("Location")).toBe("/consent?redirectTo=%2Factivities%3Fstatus%3Dreturned");
    // the notice itself and the consent page stay open
    expect(statusOf(await run(rootLoader, getRequest("/privacy", cookie)))).toBe(200);
    expect(statusOf(await run(rootLoader, getRequest("/consent", cookie)))).toBe(200);
    expect(statusOf(await run(consentLoader, getRequest("/consent", cookie)))).toBe(200);

    // without the tick nothing is recorded
    const unticked = await run(consentAction, postForm("/consent?redirectTo=%2Factivities", {}, cookie));
    expect(statusOf(unticked)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(unticked).fieldErrors.agree).toBe("Centang persetujuan untuk melanjutkan.");
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).consentAt).toBeNull();

    const before = Date.now();
    const agreed = (await run(consentAction, postForm("/consent?redirectTo=%2Factivities", { agree: "on" }, cookie))) as Response;
    expect(agreed.headers.get("Location")).toBe("/activities");
    expect(await toastMessageOf(agreed)).toBe("Terima kasih. Persetujuan Anda tercatat.");
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id }, select: { consentAt: true, consentVersion: true } });
    expect(stored.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(stored.consentAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await db.auditLog.count({ where: { action: "member.consent", entityId: member.id, actorId: user.id } })).toBe(1);
    expect(statusOf(await run(rootLoader, getRequest("/activities", cookie)))).toBe(200);

    // the board sees it on the member's page
    const page = dataOf<{ privacy: { consentVersion: string; consentCurrent: boolean } }>(
      await run(memberLoader, getRequest(`/members/${member.id}`, sekretarisCookie), { id: member.id }),
    );
    expect(page.privacy).toMatchObject({ consentVersion: PRIVACY_NOTICE_VERSION, consentCurrent: true });
  });

  it("asks again when the notice's version changed; accounts without a member are never asked", async () => {
    const member = await buildMember({ chapterId: ctx.id, villageCode: PLACES.V1002 });
    await db.member.update({ where: { id: member.id }, data: { consentVersion: "2020-01-01" } });
    const user = await buildUser({ chapterId: ctx.id, role: "volunteer", memberId: member.id });
    const cookie = await signIn(user.email);
    expect(statusOf(await run(rootLoader, getRequest("/", cookie)))).toBe(302);
    expect(dataOf<{ hadOlder: boolean }>(await run(consentLoader, getRequest("/consent", cookie))).hadOlder).toBe(true);

    const admin = await buildUser({ chapterId: ctx.id, role: "admin" });
    expect(statusOf(await run(rootLoader, getRequest("/", await signIn(admin.email))))).toBe(200);
  });

  it("carries the consent given with an application over to the member", async () => {
    const chapter = await db.chapter.findUniqueOrThrow({ where: { id: ctx.id }, select: { code: true } });
    const submitted = await submitApplication(
      chapter.code,
      applicationSchema.parse({
        fullName: "Siti Nur'aini",
        nik: "6171014506920003",
        sex: "P",
        birthDate: "1992-06-05",
        phone: "0812 3450 0001",
        email: "",
        address: "Jl. Tanjungpura No. 1",
        villageCode: PLACES.V1002,
        motivation: "Membantu lansia di lingkungan saya.",
        consent: "ya",
      }),
      "192.0.2.80",
    );
    expect(submitted.ok).toBe(true);
    const application = await db.memberApplication.findFirstOrThrow({ where: { chapterId: ctx.id, nik: "6171014506920003" } });
    expect(application.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
    const decided = await decideApplication(sekretaris, application.id, "accept");
    expect(decided.ok).toBe(true);
    const member = await db.member.findUniqueOrThrow({ where: { id: decided.ok ? decided.memberId! : "" } });
    expect(member.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(member.consentAt?.getTime()).toBe(application.consentAt.getTime());
  });

  it("the privacy notice is public and says who receives what and how to ask", async () => {
    expect(statusOf(await run(privacyLoader, getRequest("/privacy")))).toBe(200);
  });
});

describe("anonymising a departed member", () => {
  async function departed(monthsSinceLeaving: number, withActivity = false) {
    const member = await buildMember({ chapterId: ctx.id, villageCode: PLACES.V1002, fullName: "Rahmat Hidayat" });
    const user = await buildUser({ chapterId: ctx.id, role: "volunteer", memberId: member.id });
    // work logged while still a member: it must outlive the anonymisation
    if (withActivity) await loggedFor(ctx, await actorOfUser(user));
    await db.member.update({
      where: { id: member.id },
      data: {
        status: "mengundurkan_diri",
        statusDate: monthsAgo(monthsSinceLeaving),
        phone: "+628111111111",
        email: `rahmat-${member.id}@contoh.id`,
      },
    });
    return { member, user };
  }

  it("is refused for a member still active, before the retention period, or without the typed confirmation", async () => {
    const active = await buildMember({ chapterId: ctx.id, villageCode: PLACES.V1002 });
    expect(await anonymiseMember(sekretaris, active.id, { reason: "Permintaan tertulis", confirmation: "ANONIMKAN" })).toMatchObject({
      refusal: "conflict",
      message: "Hanya anggota yang sudah berhenti (mengundurkan diri, diberhentikan, atau meninggal) yang dapat dianonimkan.",
    });
    const recent = await departed(2);
    expect(await anonymiseMember(sekretaris, recent.member.id, { reason: "Permintaan tertulis", confirmation: "ANONIMKAN" })).toMatchObject(
      {
        refusal: "conflict",
        message: expect.stringMatching(/^Masa simpan data anggota yang berhenti adalah 12 bulan: anggota ini dapat dianonimkan mulai /),
      },
    );
    const due = await departed(13);
    expect(await anonymiseMember(sekretaris, due.member.id, { reason: "Permintaan tertulis", confirmation: "hapus" })).toMatchObject({
      refusal: "invalid",
      fieldErrors: { confirmation: "Ketik ANONIMKAN (huruf besar) untuk memastikan." },
    });
    const plain = await volunteer(ctx.id);
    expect(await anonymiseMember(plain, due.member.id, { reason: "Permintaan tertulis", confirmation: "ANONIMKAN" })).toMatchObject({
      refusal: "forbidden",
    });
    expect((await db.member.findUniqueOrThrow({ where: { id: due.member.id } })).fullName).toBe("Rahmat Hidayat");
  });

  it("erases name, NIK, contact and photo, closes the login, keeps the activities and figures, and audits it", async () => {
    const { member, user } = await departed(13, true);
    // their photo on disk, a live session and some history
    const photoDir = path.resolve(getEnv().UPLOADS_DIR, "member-photos");
    await mkdir(photoDir, { recursive: true });
    const photoName = `anon-test-${member.id}.jpg`;
    await writeFile(path.join(photoDir, photoName), Buffer.from([0xff, 0xd8, 0xff]));
    await db.member.update({ where: { id: member.id }, data: { photoFile: photoName } });
    await createSession(user.id, 12);
    await db.auditLog.create({
      data: {
        actorId: sekretaris.userId,
        chapterId: ctx.id,
        action: "member.update",
        entityType: "Member",
        entityId: member.id,
        before: JSON.stringify({ fullName: "Rahmat Hidayat", phone: "+628111111111", status: "aktif" }),
        after: JSON.stringify({ fullName: "Rahmat H.", status: "aktif" }),
      },
    });
    const activitiesBefore = await db.activity.count({ where: { memberId: member.id } });

    const response = (await run(
      memberAction,
      postForm(
        `/members/${member.id}`,
        { intent: "anonymise", reason: "Permintaan tertulis tanggal 1 Desember", confirmation: "ANONIMKAN" },
        sekretarisCookie,
      ),
      { id: member.id },
    )) as Response;
    expect(response.status).toBe(302);
    expect(await toastMessageOf(response)).toBe("Identitas anggota telah dihapus. Kegiatannya tetap tercatat sebagai anggota dianonimkan.");

    const after = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after).toMatchObject({
      fullName: "Anggota dianonimkan",
      address: "-",
      phone: null,
      email: null,
      photoFile: null,
      consentVersion: null,
    });
    expect(after.nik).not.toBe(member.nik);
    expect(after.nik).not.toMatch(/^\d{16}$/);
    expect(after.birthDate.getUTCMonth()).toBe(0);
    expect(after.birthDate.getUTCDate()).toBe(1);
    expect(after.anonymisedAt).not.toBeNull();
    const login = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(login.active).toBe(false);
    expect(login.email).not.toContain("@test");
    expect(login.name).toBe("Anggota dianonimkan");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(import("node:fs/promises").then((fs) => fs.access(path.join(photoDir, photoName)))).rejects.toThrow();
    expect(activitiesBefore).toBe(1);
    expect(await db.activity.count({ where: { memberId: member.id } })).toBe(activitiesBefore);
    // the history keeps what happened, not who it was
    const history = await db.auditLog.findMany({ where: { entityId: member.id }, select: { action: true, before: true, after: true } });
    expect(JSON.stringify(history)).not.toContain("Rahmat");
    expect(JSON.stringify(history)).not.toContain("+628111111111");
    expect(history.find((h) => h.action === "member.anonymise")?.after).toContain("Permintaan tertulis tanggal 1 Desember");
    // done once: a second time is refused
    expect(await anonymiseMember(sekretaris, member.id, { reason: "Permintaan kedua", confirmation: "ANONIMKAN" })).toMatchObject({
      refusal: "conflict",
      message: "Anggota ini sudah dianonimkan.",
    });
  });
});

describe("retention", () => {
  it("erases residents' NIK/KK of follow-ups closed longer ago than the chapter's period, and only those", async () => {
    const ketua = await boardMember(ctx.id, "ketua");
    await updateActivitySettings(ketua, { activityClosingDays: 60, keepCaseIdentifiers: true });
    const vol = await volunteer(ctx.id);
    const make = async (closedMonthsAgo: number | null, identifier: string) => {
      const { activityId, followUpId } = await opening(
        ctx,
        vol,
        {},
        { followUp: { institution: "Dinas Sosial", description: "Rujukan", caseIdentifier: identifier } },
      );
      await db.followUp.update({ where: { id: followUpId }, data: { caseIdentifier: identifier } });
      if (closedMonthsAgo !== null) {
        await db.activity.update({ where: { id: activityId }, data: { date: monthsAgo(closedMonthsAgo) } });
        await db.followUp.update({ where: { id: followUpId }, data: { status: "selesai", closedById: activityId } });
      }
      return followUpId;
    };
    const old = await make(13, "6171010101010001");
    const recent = await make(11, "6171010101010002");
    const open = await make(null, "6171010101010003");

    const run1 = await runRetention();
    expect(run1.caseIdentifiers).toBeGreaterThanOrEqual(1);
    const rows = await db.followUp.findMany({
      where: { id: { in: [old, recent, open] } },
      select: { id: true, caseIdentifier: true, caseIdentifierErasedAt: true, institution: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old)).toMatchObject({ caseIdentifier: null, institution: "Dinas Sosial" });
    expect(byId.get(old)!.caseIdentifierErasedAt).not.toBeNull();
    expect(byId.get(recent)!.caseIdentifier).toBe("6171010101010002");
    expect(byId.get(open)!.caseIdentifier).toBe("6171010101010003");
    expect(await db.auditLog.count({ where: { action: "followup.caseIdentifier.erase", chapterId: ctx.id } })).toBe(1);
    // the follow-up's page says the number was erased, and when
    const shown = dataOf<{ followUp: { caseIdentifierMasked: string | null; caseIdentifierErasedAt: Date | null } }>(
      await run(followUpLoader, getRequest(`/activities/follow-ups/${old}`, sekretarisCookie), { id: old }),
    );
    expect(shown.followUp.caseIdentifierMasked).toBeNull();
    expect(shown.followUp.caseIdentifierErasedAt).not.toBeNull();

    // a shorter period set by the chapter takes the recent one too; running again changes nothing more
    await db.chapter.update({ where: { id: ctx.id }, data: { caseIdentifierRetentionMonths: 6 } });
    await runRetention();
    expect((await db.followUp.findUniqueOrThrow({ where: { id: recent } })).caseIdentifier).toBeNull();
    expect((await db.followUp.findUniqueOrThrow({ where: { id: open } })).caseIdentifier).toBe("6171010101010003");
    expect((await runRetention()).caseIdentifiers).toBe(0);
  });

  it("deletes undecided applications after 180 days, expired sessions and links spent a week ago", async () => {
    const application = await db.memberApplication.create({
      data: {
        chapterId: ctx.id,
        fullName: "Pendaftar Lama",
        nik: "6171010101990001",
        sex: "L",
        birthDate: calendarDate(1990, 1, 1),
        phone: "+628120000001",
        address: "Jl. Lama",
        villageCode: PLACES.V1002,
        motivation: "Ingin membantu",
        consentAt: new Date(),
        createdAt: new Date(Date.now() - 181 * DAY),
      },
    });
    const fresh = await db.memberApplication.create({
      data: {
        chapterId: ctx.id,
        fullName: "Pendaftar Baru",
        nik: "6171010101990002",
        sex: "L",
        birthDate: calendarDate(1990, 1, 1),
        phone: "+628120000002",
        address: "Jl. Baru",
        villageCode: PLACES.V1002,
        motivation: "Ingin membantu",
        consentAt: new Date(),
      },
    });
    const user = await buildUser({ chapterId: ctx.id, role: "volunteer" });
    const expired = await db.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() - DAY) } });
    const oldLink = await db.accountToken.create({
      data: { tokenHash: `old-${user.id}`, kind: "invitation", userId: user.id, expiresAt: new Date(Date.now() - 8 * DAY) },
    });
    const liveLink = await db.accountToken.create({
      data: { tokenHash: `live-${user.id}`, kind: "reset", userId: user.id, expiresAt: new Date(Date.now() + DAY) },
    });

    await runRetention();
    expect(await db.memberApplication.findUnique({ where: { id: application.id } })).toBeNull();
    expect(await db.memberApplication.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    expect(await db.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.accountToken.findUnique({ where: { id: oldLink.id } })).toBeNull();
    expect(await db.accountToken.findUnique({ where: { id: liveLink.id } })).not.toBeNull();
  });

  it("the Sekretaris sets the periods on /members/settings; a value out of range is explained", async () => {
    const page = dataOf<{ retention: { memberRetentionMonths: number } | null }>(
      await run(settingsLoader, getRequest("/members/settings", sekretarisCookie)),
    );
    expect(page.retention).toMatchObject({ memberRetentionMonths: 12 });
    const bad = await run(
      settingsAction,
      postForm(
        "/members/settings",
        { intent: "retention", memberRetentionMonths: "0", caseIdentifierRetentionMonths: "abc" },
        sekretarisCookie,
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({
      memberRetentionMonths: "Isi bilangan bulat 1 sampai 120 bulan.",
      caseIdentifierRetentionMonths: "Isi bilangan bulat 1 sampai 120 bulan.",
    });
    const saved = (await run(
      settingsAction,
      postForm(
        "/members/settings",
        { intent: "retention", memberRetentionMonths: "24", caseIdentifierRetentionMonths: "6" },
        sekretarisCookie,
      ),
    )) as Response;
    expect(saved.status).toBe(302);
    expect(
      await db.chapter.findUniqueOrThrow({
        where: { id: ctx.id },
        select: { memberRetentionMonths: true, caseIdentifierRetentionMonths: true },
      }),
    ).toEqual({
      memberRetentionMonths: 24,
      caseIdentifierRetentionMonths: 6,
    });
    expect(await db.auditLog.count({ where: { action: "chapter.retention", chapterId: ctx.id } })).toBe(1);
  });
});
