// Prospective members apply themselves (issue 16): /apply/:code takes what the registry needs, the
// motivation and an explicit consent; the application waits in the board's queue; accepting it
// registers a candidate member, declining deletes it; a NIK already registered or waiting is
// refused without a name; five applications per address per hour; a closed chapter takes none.
import { beforeAll, describe, expect, it } from "vitest";
import { closeChapter } from "~/domain/chapters/chapter-admin.server";
import { countWaitingApplications, decideApplication, listApplications, submitApplication } from "~/domain/members/applications.server";
import { t } from "~/i18n";
import { loader as applyIndexLoader } from "~/routes/apply._index";
import { action as applyAction, loader as applyLoader } from "~/routes/apply.$code";
import { action as queueAction, loader as queueLoader } from "~/routes/members.applications";
import { db } from "~/utils/db.server";
import { applicationSchema, type ApplicationInput } from "~/validation/applications";
import { buildChapter, buildMember } from "../factories";
import { account, boardMember, volunteer, type TestActor } from "../support/actors";
import { expectInvalid, expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";
import { PLACES } from "../support/timeline";

let chapterId: string;
let sekretaris: TestActor;

/** A Pontianak resident born in Gambir, Jakarta Pusat: the NIK is from another province. */
const FORM: Record<keyof ApplicationInput, string> = {
  fullName: "Siti Ma'rufah",
  nik: "3171015708900004",
  sex: "P",
  birthDate: "1990-08-17",
  phone: "0857-1234-5678",
  email: "",
  address: "Gg. Purnama 2 No. 7",
  villageCode: PLACES.V1002,
  motivation: "Saya ingin membantu tetangga lansia dan anak-anak di kelurahan saya.",
  consent: "ya",
};

const parsed = (fields: Partial<Record<keyof ApplicationInput, string>> = {}) => applicationSchema.parse({ ...FORM, ...fields });
let address = 0;
const nextAddress = () => `10.0.0.${++address}`;

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "APL", name: "IPSM Kota Daftar" })).id;
  sekretaris = await boardMember(chapterId, "sekretaris");
});

describe("applying", () => {
  it("lands in the queue from the public page, with the NIK of another province; the board accepts it as a candidate", async () => {
    const form = dataOf<{ chapter: { name: string }; villages: unknown[] }>(
      await run(applyLoader, getRequest("/apply/apl"), { code: "apl" }),
    );
    expect(form.chapter.name).toBe("IPSM Kota Daftar");
    expect(form.villages.length).toBeGreaterThan(20);

    const response = await run(applyAction, postForm("/apply/APL", FORM), { code: "APL" }, { clientAddress: nextAddress() });
    expect(statusOf(response)).toBe(200);
    expect(dataOf<{ done: string }>(response).done).toBe("IPSM Kota Daftar");
    expect(await countWaitingApplications(sekretaris)).toBe(1);

    const queue = dataOf<{ rows: { id: string; fullName: string; nik: string; village: string }[] }>(
      await run(queueLoader, getRequest("/members/applications", await signIn(sekretaris.email))),
    );
    expect(queue.rows).toEqual([expect.objectContaining({ fullName: "Siti Ma'rufah", nik: "3171015708900004" })]);
    expect(await db.auditLog.count({ where: { action: "application.create", chapterId } })).toBe(1);

    const accepted = await run(
      queueAction,
      postForm("/members/applications", { intent: "accept", applicationId: queue.rows[0]!.id }, await signIn(sekretaris.email)),
    );
    expect(statusOf(accepted)).toBe(302);
    expect(await toastMessageOf(accepted as Response)).toBe(t("applications.accepted", { name: "Siti Ma'rufah" }));
    const member = await db.member.findFirstOrThrow({ where: { chapterId, nik: "3171015708900004" } });
    expect(member).toMatchObject({ fullName: "Siti Ma'rufah", status: "calon", phone: "+6285712345678", villageCode: PLACES.V1002 });
    expect(member.memberNumber).not.toBeNull();
    expect(await db.memberApplication.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "application.accept", chapterId } })).toBe(1);
  });

  it("needs the consent tick, a phone and a real motivation; refuses a kelurahan outside the chapter's area", async () => {
    expect(applicationSchema.safeParse({ ...FORM, consent: undefined }).error?.issues[0]?.message).toBe(t("applications.error.consent"));
    expect(applicationSchema.safeParse({ ...FORM, phone: "" }).error?.issues[0]?.message).toBe(t("applications.error.phoneRequired"));
    expect(applicationSchema.safeParse({ ...FORM, motivation: "ingin" }).error?.issues[0]?.message).toBe(
      t("applications.error.motivationShort", { min: 20 }),
    );
    const noConsent = await run(
      applyAction,
      postForm("/apply/APL", { ...FORM, consent: "" }),
      { code: "APL" },
      { clientAddress: nextAddress() },
    );
    expect(statusOf(noConsent)).toBe(400);
    expect(dataOf<{ values: Record<string, string> }>(noConsent).values.fullName).toBe("Siti Ma'rufah");

    const outside = await submitApplication("APL", parsed({ nik: "3171015708900012", villageCode: "61.72.01.1001" }), nextAddress());
    expect(expectInvalid(outside)).toHaveProperty("villageCode");
  });

  it("refuses a NIK already registered, or already waiting, without saying whose", async () => {
    const built = await buildMember({ chapterId, villageCode: PLACES.V1002, fullName: "Anggota Lama", status: "aktif" });
    const registered = await db.member.findUniqueOrThrow({ where: { id: built.id }, select: { nik: true, sex: true, birthDate: true } });
    const birthDate = registered.birthDate.toISOString().slice(0, 10);
    const taken = await submitApplication("APL", parsed({ nik: registered.nik, sex: registered.sex, birthDate }), nextAddress());
    expect(expectInvalid(taken)).toEqual({ nik: t("applications.error.nikTaken") });

    expectOk(await submitApplication("APL", parsed({ nik: "3171015708900020" }), nextAddress()));
    expect(expectInvalid(await submitApplication("APL", parsed({ nik: "3171015708900020" }), nextAddress()))).toEqual({
      nik: t("applications.error.nikTaken"),
    });
  });

  it("takes at most five applications an hour from one address", async () => {
    const from = nextAddress();
    for (let i = 0; i < 5; i++)
      expectOk(await submitApplication("APL", parsed({ nik: `317101570890${String(100 + i).padStart(4, "0")}` }), from));
    const sixth = await submitApplication("APL", parsed({ nik: "3171015708900200" }), from);
    expect(expectRefusal(sixth, "conflict").message).toBe(t("applications.error.tooMany", { count: 5 }));
    expectOk(await submitApplication("APL", parsed({ nik: "3171015708900200" }), nextAddress()));
    // An hour later the address may apply again.
    expectOk(await submitApplication("APL", parsed({ nik: "3171015708900201" }), from, new Date(Date.now() + 3_601_000)));
  });

  it("is not open in a closed chapter; /apply lists the open ones", async () => {
    const closing = await buildChapter({ code: "TTP", name: "IPSM Tutup" });
    const admin = await account(closing.id, "admin");
    expectOk(await closeChapter(admin, closing.id));
    expectRefusal(await submitApplication("TTP", parsed({ nik: "3171015708900300" }), nextAddress()), "notFound");
    expect(statusOf(await run(applyLoader, getRequest("/apply/TTP"), { code: "TTP" }))).toBe(404);
    // With one open chapter, /apply goes straight to its form; with more, it lists the open ones.
    const single = await run(applyIndexLoader, getRequest("/apply"));
    expect((single as Response).headers.get("Location")).toBe("/apply/APL");
    await buildChapter({ code: "APY", name: "IPSM Kota Kedua" });
    const list = dataOf<{ chapters: { code: string }[] }>(await run(applyIndexLoader, getRequest("/apply")));
    expect(list.chapters.map((c) => c.code)).toEqual(expect.arrayContaining(["APL", "APY"]));
    expect(list.chapters.map((c) => c.code)).not.toContain("TTP");
  });
});

describe("the board's queue", () => {
  it("declines an application and keeps nothing of it but the audit entry (NIK masked)", async () => {
    expectOk(await submitApplication("APL", parsed({ nik: "3171015708900400", fullName: "Yohanes O'Neil", sex: "P" }), nextAddress()));
    const { rows } = expectOk(await listApplications(sekretaris));
    const target = rows.find((r) => r.nik === "3171015708900400")!;
    expectOk(await decideApplication(sekretaris, target.id, "decline"));
    expect(await db.memberApplication.count({ where: { nik: "3171015708900400" } })).toBe(0);
    expect(await db.member.count({ where: { nik: "3171015708900400" } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "application.decline", entityId: target.id } });
    expect(audit.after).not.toContain("3171015708900400");
  });

  it("is for those who register members: a volunteer and another chapter's Sekretaris are refused", async () => {
    expectOk(await submitApplication("APL", parsed({ nik: "3171015708900500" }), nextAddress()));
    const plain = await volunteer(chapterId);
    expectRefusal(await listApplications(plain), "forbidden");
    expect(await countWaitingApplications(plain)).toBe(0);
    expect(statusOf(await run(queueLoader, getRequest("/members/applications", await signIn(plain.email))))).toBe(403);
    const other = await boardMember((await buildChapter({ code: "APX", name: "IPSM Lain" })).id, "sekretaris");
    const { rows } = expectOk(await listApplications(sekretaris));
    expectRefusal(await decideApplication(other, rows[0]!.id, "accept"), "notFound");
    // The Wakil Sekretaris registers members but does not see whole NIKs: the queue masks them.
    const wakil = await boardMember(chapterId, "wakil_sekretaris");
    expect(expectOk(await listApplications(wakil)).rows.every((r) => !/^\d{16}$/.test(r.nik))).toBe(true);
  });
});
