// The activity pages through their loaders and actions, with real Requests and real sessions:
// who may open and post what (403 for a right the account lacks, 404 for an activity it may not
// see), the form's Indonesian messages and typed values on a refusal, the idempotency key, the
// verification, return and reopening rules, follow-ups, the settings, the spreadsheet and the
// evidence photos. The routes call the real clock, so activities are dated today in Jakarta.
import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  const dir = `${process.env.TEST_TMP_DIR ?? process.env.TMPDIR ?? "/tmp"}/activity-routes-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { action as detailAction, loader as detailLoader } from "~/routes/activities.$id._index";
import { action as editAction, loader as editLoader } from "~/routes/activities.$id.edit";
import { loader as photoLoader } from "~/routes/activities.$id.photos.$photoId[.]jpg";
import { loader as listLoader } from "~/routes/activities._index";
import { loader as exportLoader } from "~/routes/activities.export[.]xlsx";
import { loader as followUpLoader } from "~/routes/activities.follow-ups.$id";
import { loader as followUpsLoader } from "~/routes/activities.follow-ups._index";
import { action as newAction, loader as newLoader } from "~/routes/activities.new";
import { action as settingsAction, loader as settingsLoader } from "~/routes/activities.settings";
import { action as queueAction, loader as queueLoader } from "~/routes/activities.verification";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { toDateInput } from "~/validation/fields";
import { activityChapter, activityState, koordinator, nextKey, typeOf, type ActivityChapter } from "../factories/activities";
import { account, boardMember, volunteer, type TestActor } from "../support/actors";
import { dataOf, getRequest, postForm, postMultipart, run, signIn, statusOf } from "../support/requests";
import { PLACES } from "../support/timeline";

const MSG = {
  type: "Pilih jenis kegiatan.",
  duplicateKey: "Formulir ini sudah pernah dikirim. Muat ulang halaman untuk mencatat kegiatan baru.",
  reason: "Tuliskan alasan yang jelas (paling sedikit 5 karakter).",
  required: "Wajib diisi.",
} as const;

type FormAnswer = { fieldErrors: Record<string, string>; formError?: string; values: Record<string, string> };

let ctx: ActivityChapter;
let jpeg: Uint8Array;
/** The people of the chapter and their sessions. */
const who = {} as Record<"author" | "other" | "ketua" | "kk01" | "kk04" | "dinsos", TestActor & { cookie: string }>;

/** The activity form as a volunteer posts it today (in Benuamelayu Laut, kecamatan 61.71.01). */
function activityFields(overrides: Record<string, string> = {}) {
  return {
    idempotencyKey: nextKey(),
    date: toDateInput(calendarToday(PLACES.TZ)),
    durationMinutes: "60",
    typeId: typeOf(ctx),
    villageCode: PLACES.V1002,
    households: "1",
    narrative: "Kunjungan rumah lansia.",
    intent: "submit",
    ...overrides,
  };
}

/** Logs an activity through the form (with photos when given); its id. */
async function logThroughForm(cookie: string, overrides: Record<string, string> = {}, photos: Uint8Array[] = []) {
  const fields = activityFields(overrides);
  const files = photos.map((bytes) => ({ field: "photos", bytes }));
  const response = await run(newAction, postMultipart("/activities/new", fields, files, cookie));
  expect(statusOf(response)).toBe(302);
  return (await db.activity.findUniqueOrThrow({ where: { idempotencyKey: fields.idempotencyKey }, select: { id: true } })).id;
}

const page = (path: string, cookie: string) => getRequest(path, cookie);

beforeAll(async () => {
  ctx = await activityChapter();
  const people = {
    author: await volunteer(ctx.id, { villageCode: PLACES.V1002 }),
    other: await volunteer(ctx.id, { villageCode: PLACES.V1003 }),
    ketua: await boardMember(ctx.id, "ketua"),
    kk01: await koordinator(ctx.id, PLACES.D01),
    kk04: await koordinator(ctx.id, PLACES.D04),
    dinsos: await account(ctx.id, "dinsos"),
  };
  for (const [key, actor] of Object.entries(people)) {
    who[key as keyof typeof who] = { ...actor, cookie: await signIn(actor.email) };
  }
  jpeg = new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } })
      .jpeg()
      .toBuffer(),
  );
});

afterAll(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
});

describe("logging an activity (/activities/new)", () => {
  it("opens the form with a fresh key and today's date, and saves a valid activity", async () => {
    const form = dataOf<{ defaults: Record<string, string> }>(await run(newLoader, page("/activities/new", who.author.cookie)));
    expect(form.defaults.date).toBe(toDateInput(calendarToday(PLACES.TZ)));
    expect(form.defaults.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(form.defaults.villageCode).toBe(PLACES.V1002);

    const fields = activityFields();
    const response = (await run(newAction, postMultipart("/activities/new", fields, [], who.author.cookie))) as Response;
    expect(response.status).toBe(302);
    const saved = await db.activity.findUniqueOrThrow({ where: { idempotencyKey: fields.idempotencyKey } });
    expect(response.headers.get("Location")).toBe(`/activities/${saved.id}`);
    expect(saved).toMatchObject({ memberId: who.author.memberId, status: "submitted", durationMinutes: 60, districtCode: PLACES.D01 });
  });

  it("keeps where the phone was, how precisely and when, and shows it to the verifier; a nonsense fix is dropped", async () => {
    const id = await logThroughForm(who.author.cookie, {
      latitude: "-0.026312",
      longitude: "109.342503",
      locationAccuracy: "14.6",
      locatedAt: "2031-06-02T01:15:00.000Z",
    });
    const shown = dataOf<{
      activity: { latitude: number; longitude: number; locationAccuracy: number; locatedAt: Date };
      timeZone: string;
    }>(await run(detailLoader, page(`/activities/${id}`, who.kk01.cookie), { id }));
    expect(shown.activity).toMatchObject({ latitude: -0.026312, longitude: 109.342503, locationAccuracy: 15 });
    expect(new Date(shown.activity.locatedAt).toISOString()).toBe("2031-06-02T01:15:00.000Z");
    expect(shown.timeZone).toBe(PLACES.TZ);
    // accuracy and time without coordinates, or coordinates off the globe, are not kept
    const odd = await logThroughForm(who.author.cookie, {
      latitude: "123",
      longitude: "109.3",
      locationAccuracy: "10",
      locatedAt: "kemarin",
    });
    expect(
      await db.activity.findUniqueOrThrow({ where: { id: odd }, select: { latitude: true, locationAccuracy: true, locatedAt: true } }),
    ).toEqual({
      latitude: null,
      locationAccuracy: null,
      locatedAt: null,
    });
  });

  it("answers an invalid form with 400, the Indonesian messages and what was typed, saving nothing", async () => {
    const fields = activityFields({ typeId: "", durationMinutes: "30", narrative: "Catatan yang diketik." });
    const response = await run(newAction, postMultipart("/activities/new", fields, [], who.author.cookie));
    expect(statusOf(response)).toBe(400);
    const body = dataOf<FormAnswer>(response);
    expect(body.fieldErrors).toEqual({ typeId: MSG.type });
    expect(body.values).toMatchObject({ narrative: "Catatan yang diketik.", durationMinutes: "30", idempotencyKey: fields.idempotencyKey });
    expect(await db.activity.count({ where: { idempotencyKey: fields.idempotencyKey } })).toBe(0);
  });

  it("answers the same key again with the first activity, and refuses it to another volunteer (409)", async () => {
    const fields = activityFields();
    const first = (await run(newAction, postMultipart("/activities/new", fields, [], who.author.cookie))) as Response;
    const again = (await run(newAction, postMultipart("/activities/new", fields, [], who.author.cookie))) as Response;
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await db.activity.count({ where: { idempotencyKey: fields.idempotencyKey } })).toBe(1);

    const stolen = await run(newAction, postMultipart("/activities/new", fields, [], who.other.cookie));
    expect(statusOf(stolen)).toBe(409);
    expect(dataOf<FormAnswer>(stolen)).toMatchObject({ formError: MSG.duplicateKey, values: { idempotencyKey: fields.idempotencyKey } });
    expect(await db.activity.count({ where: { idempotencyKey: fields.idempotencyKey } })).toBe(1);
  });

  it("is not for an account without the right to log (403)", async () => {
    expect(statusOf(await run(newLoader, page("/activities/new", who.dinsos.cookie)))).toBe(403);
    expect(statusOf(await run(newAction, postMultipart("/activities/new", activityFields(), [], who.dinsos.cookie)))).toBe(403);
  });
});

describe("editing an activity (/activities/:id/edit)", () => {
  it("lets the author open and save their own draft", async () => {
    const id = await logThroughForm(who.author.cookie, { intent: "draft", narrative: "Draf pertama." });
    const form = dataOf<{ id: string; defaults: Record<string, string> }>(
      await run(editLoader, page(`/activities/${id}/edit`, who.author.cookie), { id }),
    );
    expect(form).toMatchObject({ id, defaults: { narrative: "Draf pertama." } });
    const defaults = form.defaults;
    const saved = (await run(
      editAction,
      postMultipart(`/activities/${id}/edit`, { ...defaults, narrative: "Draf kedua.", intent: "draft" }, [], who.author.cookie),
      { id },
    )) as Response;
    expect(saved.status).toBe(302);
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).narrative).toBe("Draf kedua.");
  });

  it("refuses someone else's activity (403), the board's too, and keeps it unchanged", async () => {
    const id = await logThroughForm(who.author.cookie, { intent: "draft", narrative: "Milik penulis." });
    for (const person of [who.other, who.ketua]) {
      expect(statusOf(await run(editLoader, page(`/activities/${id}/edit`, person.cookie), { id }))).toBe(403);
      const posted = postMultipart(`/activities/${id}/edit`, activityFields({ narrative: "Diubah orang lain." }), [], person.cookie);
      expect(statusOf(await run(editAction, posted, { id }))).toBe(403);
    }
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).narrative).toBe("Milik penulis.");
  });

  it("refuses a submitted activity to its author (403) and an unknown one (404)", async () => {
    const id = await logThroughForm(who.author.cookie, { narrative: "Terkirim." });
    expect(statusOf(await run(editLoader, page(`/activities/${id}/edit`, who.author.cookie), { id }))).toBe(403);
    const posted = postMultipart(`/activities/${id}/edit`, activityFields({ narrative: "Diubah." }), [], who.author.cookie);
    expect(statusOf(await run(editAction, posted, { id }))).toBe(403);
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).narrative).toBe("Terkirim.");
    expect(statusOf(await run(editLoader, page("/activities/tidak-ada/edit", who.author.cookie), { id: "tidak-ada" }))).toBe(404);
  });
});

describe("an activity's page (/activities/:id)", () => {
  it("shows the author their own activity with what they may do, and is not found for another volunteer", async () => {
    const id = await logThroughForm(who.author.cookie, { intent: "draft" });
    const own = dataOf<{ activity: { id: string }; canEdit: boolean; mayVerify: boolean; mayReopen: boolean }>(
      await run(detailLoader, page(`/activities/${id}`, who.author.cookie), { id }),
    );
    expect(own).toMatchObject({ activity: { id }, canEdit: true, mayVerify: false, mayReopen: false });
    expect(statusOf(await run(detailLoader, page(`/activities/${id}`, who.other.cookie), { id }))).toBe(404);
  });

  it("offers verification to the Koordinator Kecamatan of its kecamatan, not to another one", async () => {
    const id = await logThroughForm(who.author.cookie);
    const kk01 = dataOf<{ mayVerify: boolean; canEdit: boolean }>(
      await run(detailLoader, page(`/activities/${id}`, who.kk01.cookie), { id }),
    );
    expect(kk01).toMatchObject({ mayVerify: true, canEdit: false });
    expect(statusOf(await run(detailLoader, page(`/activities/${id}`, who.kk04.cookie), { id }))).toBe(404);
  });

  it("lets a Koordinator Kecamatan verify within their kecamatan; another kecamatan's coordinator is refused; a volunteer gets 403", async () => {
    const id = await logThroughForm(who.author.cookie);
    const verify = (cookie: string) => run(detailAction, postForm(`/activities/${id}`, { intent: "verify" }, cookie), { id });

    expect(statusOf(await verify(who.other.cookie))).toBe(403);
    const outside = (await verify(who.kk04.cookie)) as Response;
    expect(outside.status).toBe(302);
    expect((await activityState(id)).status).toBe("submitted");

    const inside = (await verify(who.kk01.cookie)) as Response;
    expect(inside.status).toBe(302);
    expect(inside.headers.get("Location")).toBe(`/activities/${id}`);
    expect(await activityState(id)).toMatchObject({ status: "verified", verifiedById: who.kk01.userId });
  });

  it("returns an activity only with a reason (400 without, in Indonesian)", async () => {
    const id = await logThroughForm(who.author.cookie);
    const missing = await run(detailAction, postForm(`/activities/${id}`, { intent: "return", reason: "" }, who.kk01.cookie), { id });
    expect(statusOf(missing)).toBe(400);
    expect(dataOf<FormAnswer & { intent: string }>(missing)).toMatchObject({ intent: "return", fieldErrors: { reason: MSG.required } });
    const short = await run(detailAction, postForm(`/activities/${id}`, { intent: "return", reason: "abc" }, who.kk01.cookie), { id });
    expect(statusOf(short)).toBe(400);
    expect(dataOf<FormAnswer & { intent: string }>(short)).toMatchObject({
      intent: "return",
      fieldErrors: { reason: MSG.reason },
      values: { reason: "abc" },
    });
    expect((await activityState(id)).status).toBe("submitted");

    const returned = await run(
      detailAction,
      postForm(`/activities/${id}`, { intent: "return", reason: "Lengkapi jumlah KK." }, who.kk01.cookie),
      { id },
    );
    expect(statusOf(returned)).toBe(302);
    expect(await activityState(id)).toMatchObject({ status: "returned", returnReason: "Lengkapi jumlah KK." });
  });

  it("is reopened by the board only, with a reason; an unknown intent is a bad request", async () => {
    const id = await logThroughForm(who.author.cookie);
    await run(detailAction, postForm(`/activities/${id}`, { intent: "verify" }, who.kk01.cookie), { id });
    const reopen = (cookie: string) =>
      run(detailAction, postForm(`/activities/${id}`, { intent: "reopen", reason: "Jumlah orang perlu diperiksa." }, cookie), { id });

    expect(statusOf(await reopen(who.kk01.cookie))).toBe(403);
    expect(statusOf(await reopen(who.author.cookie))).toBe(403);
    expect((await activityState(id)).status).toBe("verified");
    const board = dataOf<{ mayReopen: boolean }>(await run(detailLoader, page(`/activities/${id}`, who.ketua.cookie), { id }));
    expect(board.mayReopen).toBe(true);
    expect(statusOf(await reopen(who.ketua.cookie))).toBe(302);
    expect(await activityState(id)).toMatchObject({ status: "returned", returnReason: "Jumlah orang perlu diperiksa." });

    const unknown = await run(detailAction, postForm(`/activities/${id}`, { intent: "hapus" }, who.ketua.cookie), { id });
    expect(statusOf(unknown)).toBe(400);
  });
});

describe("the verification queue (/activities/verification)", () => {
  it("lists the coordinator's kecamatan, verifies the ticked ones, refuses an empty choice and a volunteer", async () => {
    const id = await logThroughForm(who.author.cookie);
    const queue = dataOf<{ rows: { id: string }[] }>(await run(queueLoader, page("/activities/verification", who.kk01.cookie)));
    expect(queue.rows.map((r) => r.id)).toContain(id);
    expect(statusOf(await run(queueLoader, page("/activities/verification", who.author.cookie)))).toBe(403);

    const none = await run(queueAction, postForm("/activities/verification", { intent: "verify" }, who.kk01.cookie));
    expect(statusOf(none)).toBe(400);
    expect(dataOf<FormAnswer>(none).formError).toBe("Pilih paling sedikit satu kegiatan.");

    const noReason = await run(queueAction, postForm("/activities/verification", { intent: "return", activityIds: id }, who.kk01.cookie));
    expect(statusOf(noReason)).toBe(400);
    expect(dataOf<FormAnswer>(noReason).formError).toBe(MSG.required);

    expect(
      statusOf(await run(queueAction, postForm("/activities/verification", { intent: "verify", activityIds: id }, who.kk01.cookie))),
    ).toBe(302);
    expect((await activityState(id)).status).toBe("verified");
  });
});

describe("the activity list (/activities)", () => {
  it("shows a volunteer their own list only, and the board the chapter's list", async () => {
    const mine = dataOf<{ own: { list: { total: number } } | null; board: unknown; canLog: boolean; canManage: boolean }>(
      await run(listLoader, page("/activities", who.author.cookie)),
    );
    expect(mine.own!.list.total).toBeGreaterThan(0);
    expect(mine).toMatchObject({ board: null, canLog: true, canManage: false });
    const board = dataOf<{ board: { list: { total: number } } | null; canManage: boolean }>(
      await run(listLoader, page("/activities", who.ketua.cookie)),
    );
    expect(board.canManage).toBe(true);
    expect(board.board!.list.total).toBeGreaterThanOrEqual(mine.own!.list.total);
  });
});

describe("follow-ups (/activities/follow-ups)", () => {
  it("lists the author's follow-ups, shows one to them and the board, and is not found for another volunteer", async () => {
    const id = await logThroughForm(who.author.cookie, {
      "followUp.institution": "Dinas Sosial Kota Pontianak",
      "followUp.description": "Rujukan PBI JK",
    });
    const followUp = await db.followUp.findFirstOrThrow({ where: { openedById: id }, select: { id: true } });
    const list = dataOf<{ filter: string; list: { rows: { id: string }[] } }>(
      await run(followUpsLoader, page("/activities/follow-ups?status=bogus", who.author.cookie)),
    );
    expect(list.filter).toBe("open");
    expect(list.list.rows.map((r) => r.id)).toContain(followUp.id);

    const path = `/activities/follow-ups/${followUp.id}`;
    for (const person of [who.author, who.ketua]) {
      const detail = dataOf<{ followUp: { id: string } }>(await run(followUpLoader, page(path, person.cookie), { id: followUp.id }));
      expect(detail.followUp.id).toBe(followUp.id);
    }
    expect(statusOf(await run(followUpLoader, page(path, who.other.cookie), { id: followUp.id }))).toBe(404);
  });
});

describe("the activity settings (/activities/settings)", () => {
  it("are the board's: a volunteer gets 403; an unknown intent is a bad request (400)", async () => {
    expect(statusOf(await run(settingsLoader, page("/activities/settings", who.author.cookie)))).toBe(403);
    expect(
      statusOf(await run(settingsAction, postForm("/activities/settings", { intent: "type.add", name: "Baru" }, who.author.cookie))),
    ).toBe(403);
    const settings = dataOf<{ settings: { activityClosingDays: number } }>(
      await run(settingsLoader, page("/activities/settings", who.ketua.cookie)),
    );
    expect(settings.settings.activityClosingDays).toBe(60);
    for (const intent of ["bogus", "type.remove", ""]) {
      expect(statusOf(await run(settingsAction, postForm("/activities/settings", { intent }, who.ketua.cookie)))).toBe(400);
    }
    expect(
      statusOf(
        await run(
          settingsAction,
          postForm("/activities/settings", { intent: "type.toggle", id: "tidak-ada", active: "false" }, who.ketua.cookie),
        ),
      ),
    ).toBe(404);
  });
});

describe("the spreadsheet (/activities/export.xlsx)", () => {
  it("is for the board (a spreadsheet to save), not for a volunteer (403)", async () => {
    const response = (await run(exportLoader, page("/activities/export.xlsx", who.ketua.cookie))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="?kegiatan-/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(statusOf(await run(exportLoader, page("/activities/export.xlsx", who.author.cookie)))).toBe(403);
  });
});

describe("evidence photos (/activities/:id/photos/:photoId.jpg)", () => {
  it("are shown to the author and the board; another volunteer gets 404, an account without activities 403", async () => {
    const id = await logThroughForm(who.author.cookie, {}, [jpeg]);
    const photo = await db.activityPhoto.findFirstOrThrow({ where: { activityId: id }, select: { id: true } });
    const path = `/activities/${id}/photos/${photo.id}.jpg`;
    const params = { id, photoId: photo.id };
    for (const person of [who.author, who.ketua]) {
      const response = (await run(photoLoader, page(path, person.cookie), params)) as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("image/jpeg");
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect(statusOf(await run(photoLoader, page(path, who.other.cookie), params))).toBe(404);
    expect(statusOf(await run(photoLoader, page(path, who.dinsos.cookie), params))).toBe(403);
    expect(
      statusOf(await run(photoLoader, page(`/activities/${id}/photos/tidak-ada.jpg`, who.author.cookie), { id, photoId: "tidak-ada" })),
    ).toBe(404);
  });
});
