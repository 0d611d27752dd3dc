// POST /activities/sync: where a phone sends the activities it kept while there was no signal
// (docs/decisions/027). The same reading and rules as the form page, answered in JSON; the form
// key makes a repeated send (the first answer lost on the way back) the same activity.
import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  const dir = `${process.env.TEST_TMP_DIR ?? process.env.TMPDIR ?? "/tmp"}/activity-sync-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { loader as rootLoader } from "~/root";
import { action as newAction } from "~/routes/activities.new";
import { action as syncAction } from "~/routes/activities.sync";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { toDateInput } from "~/validation/fields";
import { activityChapter, nextKey, typeOf, type ActivityChapter } from "../factories/activities";
import { account, volunteer, type TestActor } from "../support/actors";
import { cookiesFrom, dataOf, getRequest, postMultipart, run, signIn, statusOf } from "../support/requests";
import { PLACES } from "../support/timeline";

let ctx: ActivityChapter;
let jpeg: Uint8Array;
const who = {} as Record<"author" | "other" | "dinsos", TestActor & { cookie: string }>;

function fields(overrides: Record<string, string> = {}) {
  return {
    idempotencyKey: nextKey(),
    date: toDateInput(calendarToday(PLACES.TZ)),
    durationMinutes: "60",
    typeId: typeOf(ctx),
    villageCode: PLACES.V1002,
    households: "1",
    narrative: "Kunjungan rumah lansia, dicatat tanpa sinyal.",
    intent: "submit",
    ...overrides,
  };
}

async function sync(cookie: string | undefined, form: Record<string, string>, photos: Uint8Array[] = []) {
  const files = photos.map((bytes) => ({ field: "photos", bytes }));
  return (await run(syncAction, postMultipart("/activities/sync", form, files, cookie))) as Response;
}

beforeAll(async () => {
  ctx = await activityChapter();
  const people = {
    author: await volunteer(ctx.id, { villageCode: PLACES.V1002 }),
    other: await volunteer(ctx.id, { villageCode: PLACES.V1003 }),
    dinsos: await account(ctx.id, "dinsos"),
  };
  for (const [key, actor] of Object.entries(people)) who[key as keyof typeof who] = { ...actor, cookie: await signIn(actor.email) };
  jpeg = new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } })
      .jpeg()
      .toBuffer(),
  );
});

afterAll(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
});

describe("sending a kept activity (/activities/sync)", () => {
  it("saves it with its photo (201), and answers a repeated send with the same activity (200), never a second one", async () => {
    const form = fields();
    const first = await sync(who.author.cookie, form, [jpeg]);
    expect(first.status).toBe(201);
    const saved = (await first.json()) as { ok: boolean; id: string; repeated: boolean };
    expect(saved).toMatchObject({ ok: true, repeated: false });
    const activity = await db.activity.findUniqueOrThrow({
      where: { id: saved.id },
      select: { memberId: true, status: true, photos: { select: { id: true } } },
    });
    expect(activity).toMatchObject({ memberId: who.author.memberId, status: "submitted" });
    expect(activity.photos).toHaveLength(1);

    const again = await sync(who.author.cookie, form, [jpeg]);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, id: saved.id, repeated: true });
    expect(await db.activity.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
    expect(await db.activityPhoto.count({ where: { activityId: saved.id } })).toBe(1);
  });

  it("is the same activity whether the form page or the phone's queue got there first", async () => {
    const form = fields();
    expect(statusOf(await run(newAction, postMultipart("/activities/new", form, [], who.author.cookie)))).toBe(302);
    const replay = await sync(who.author.cookie, form);
    expect(replay.status).toBe(200);
    expect(await db.activity.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
  });

  it("judges a late activity by its own date and answers a refusal with the messages for the form (400)", async () => {
    const future = toDateInput(addDays(calendarToday(PLACES.TZ), 5));
    const refused = await sync(who.author.cookie, fields({ date: future, typeId: "" }));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { ok: boolean; fieldErrors: Record<string, string> };
    expect(body.ok).toBe(false);
    expect(body.fieldErrors.typeId).toBe("Pilih jenis kegiatan.");
    const dated = await sync(who.author.cookie, fields({ date: future }));
    expect(dated.status).toBe(400);
    expect(((await dated.json()) as { fieldErrors: Record<string, string> }).fieldErrors.date).toBe(
      "Tanggal kegiatan tidak boleh di masa depan.",
    );
    // sent late but done within the open period: saved under its own date
    const yesterday = toDateInput(addDays(calendarToday(PLACES.TZ), -1));
    const late = await sync(who.author.cookie, fields({ date: yesterday }));
    expect(late.status).toBe(201);
  });

  it("refuses another volunteer's key (409), a signed-out phone (the redirect to sign in) and an account without the right (403)", async () => {
    const form = fields();
    expect((await sync(who.author.cookie, form)).status).toBe(201);
    const taken = await sync(who.other.cookie, form);
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { formError?: string }).formError).toBeTruthy();

    const signedOut = await sync(undefined, fields());
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/login/);

    const dinsos = await sync(who.dinsos.cookie, fields());
    expect(dinsos.status).toBe(403);
  });
});

describe("the phone keeping its offline pages", () => {
  it("does not take the confirmation waiting for the page the person opens next", async () => {
    const saved = (await run(newAction, postMultipart("/activities/new", fields(), [], who.author.cookie))) as Response;
    // the session, with the new confirmation in place of the one signing in left
    const pairs = new Map([...who.author.cookie.split("; "), ...cookiesFrom(saved).split("; ")].map((pair) => [pair.split("=")[0], pair]));
    const cookie = [...pairs.values()].join("; ");
    const keeping = new Request("http://localhost:3000/activities", { headers: { Cookie: cookie, "X-Ipsm-Offline-Keep": "1" } });
    const kept = dataOf<{ toast: unknown }>(await run(rootLoader, keeping));
    expect(kept.toast).toBeNull();
    const shown = dataOf<{ toast: { message: string } | null }>(await run(rootLoader, getRequest("/activities/x", cookie)));
    expect(shown.toast?.message).toBe("Kegiatan dikirim untuk verifikasi.");
  });
});
