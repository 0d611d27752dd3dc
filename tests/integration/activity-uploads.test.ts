// An activity and its evidence photos are saved together or not at all, through the route actions
// with real Requests and a real storage fault: the uploads folder (UPLOADS_DIR) is replaced by a
// plain file, so no photo can be written. The form then comes back (400) with the Indonesian
// message and what was typed, nothing is saved, and a retry with the same idempotency key once
// storage works saves exactly one activity with its photo.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ipsm-activity-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { action as editAction } from "~/routes/activities.$id.edit";
import { action as newAction } from "~/routes/activities.new";
import { db } from "~/utils/db.server";
import { activityChapter, typeOf } from "../factories/activities";
import { volunteer } from "../support/actors";
import { dataOf, postMultipart, run, signIn, statusOf } from "../support/requests";
import { PLACES } from "../support/timeline";

const STORAGE_FAULT =
  "Berkas tidak dapat disimpan di server (tempat penyimpanan bermasalah), jadi data ini belum disimpan. Isian Anda masih ada: pilih berkasnya lagi dan coba sekali lagi, atau hubungi admin bila terulang.";

let chapterId: string;
let memberId: string;
let cookie: string;
let typeId: string;
let jpeg: Uint8Array;
let serial = 0;

const multipart = (pathname: string, fields: Record<string, string>, photo: Uint8Array | null) =>
  postMultipart(pathname, fields, photo ? [{ field: "photos", bytes: photo }] : [], cookie);

/** The form as posted today (the real clock: the route checks the date against it). */
function fields(overrides: Record<string, string> = {}) {
  const today = new Date().toLocaleDateString("en-CA", {
    timeZone: "Asia/Jakarta",
  });
  return {
    idempotencyKey: `upl-${++serial}-${Date.now()}`,
    date: today,
    durationMinutes: "90",
    typeId,
    villageCode: PLACES.V1002,
    households: "2",
    narrative: "Pendampingan lansia di RT 03.",
    intent: "submit",
    ...overrides,
  };
}

async function breakStorage() {
  await rm(UPLOADS, { recursive: true, force: true });
  await writeFile(UPLOADS, "not a folder");
}

async function storedPhotos() {
  return (await readdir(path.join(UPLOADS, "activity-photos")).catch(() => [] as string[])).sort();
}

const activitiesOf = () => db.activity.count({ where: { chapterId, memberId } });

beforeAll(async () => {
  const chapter = await activityChapter({ code: "AUP" });
  chapterId = chapter.id;
  typeId = typeOf(chapter);
  const author = await volunteer(chapterId);
  memberId = author.memberId!;
  cookie = await signIn(author.email);
  jpeg = new Uint8Array(
    await sharp({
      create: { width: 40, height: 30, channels: 3, background: "#3a7" },
    })
      .jpeg()
      .toBuffer(),
  );
});

afterEach(async () => {
  await rm(UPLOADS, { recursive: true, force: true });
  await mkdir(UPLOADS, { recursive: true });
});

describe("logging an activity with a photo", () => {
  it("saves nothing when the photo cannot be stored, answers with the message and the input, and a retry saves one", async () => {
    const posted = fields({ narrative: "Kunjungan rumah keluarga Ibu Sari." });
    await breakStorage();
    const failed = await run(newAction, multipart("/activities/new", posted, jpeg));
    expect(statusOf(failed)).toBe(400);
    const body = dataOf<{
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
    }>(failed);
    expect(body.fieldErrors).toEqual({ photos: STORAGE_FAULT });
    expect(body.values).toMatchObject({
      narrative: "Kunjungan rumah keluarga Ibu Sari.",
      idempotencyKey: posted.idempotencyKey,
      durationMinutes: "90",
    });
    expect(
      await db.activity.count({
        where: { idempotencyKey: posted.idempotencyKey },
      }),
    ).toBe(0);

    // Storage works again: the same form (same key) saves one activity with its photo.
    await rm(UPLOADS, { force: true });
    const before = await activitiesOf();
    const saved = (await run(newAction, multipart("/activities/new", posted, jpeg))) as Response;
    expect(saved.status).toBe(302);
    const activity = await db.activity.findUniqueOrThrow({
      where: { idempotencyKey: posted.idempotencyKey },
      select: { id: true, photos: { select: { file: true } } },
    });
    expect(saved.headers.get("Location")).toBe(`/activities/${activity.id}`);
    expect(activity.photos).toHaveLength(1);
    expect(await storedPhotos()).toEqual([activity.photos[0]!.file]);

    // A double tap of the same form: still one activity, one photo, no stray file.
    const again = (await run(newAction, multipart("/activities/new", posted, jpeg))) as Response;
    expect(again.headers.get("Location")).toBe(`/activities/${activity.id}`);
    expect(await activitiesOf()).toBe(before + 1);
    expect(await db.activityPhoto.count({ where: { activityId: activity.id } })).toBe(1);
    expect(await storedPhotos()).toEqual([activity.photos[0]!.file]);
  });

  it("leaves no file behind when the activity itself is refused", async () => {
    const refused = await run(newAction, multipart("/activities/new", fields({ typeId: "no-such-type" }), jpeg));
    expect(statusOf(refused)).toBe(400);
    expect(await storedPhotos()).toEqual([]);
  });
});

describe("editing an activity with a new photo", () => {
  it("keeps the stored activity unchanged when the photo cannot be stored", async () => {
    const posted = fields({ intent: "draft", narrative: "Draf pertama." });
    const created = (await run(newAction, multipart("/activities/new", posted, null))) as Response;
    expect(created.status).toBe(302);
    const id = (
      await db.activity.findUniqueOrThrow({
        where: { idempotencyKey: posted.idempotencyKey },
      })
    ).id;

    await breakStorage();
    const failed = await run(
      editAction,
      multipart(`/activities/${id}/edit`, { ...posted, narrative: "Draf kedua.", intent: "submit" }, jpeg),
      { id },
    );
    expect(statusOf(failed)).toBe(400);
    expect(
      dataOf<{
        fieldErrors: Record<string, string>;
        values: Record<string, string>;
      }>(failed),
    ).toMatchObject({
      fieldErrors: { photos: STORAGE_FAULT },
      values: { narrative: "Draf kedua." },
    });
    const stored = await db.activity.findUniqueOrThrow({
      where: { id },
      select: {
        narrative: true,
        status: true,
        _count: { select: { photos: true } },
      },
    });
    expect(stored).toEqual({
      narrative: "Draf pertama.",
      status: "draft",
      _count: { photos: 0 },
    });

    await rm(UPLOADS, { force: true });
    const saved = (await run(
      editAction,
      multipart(`/activities/${id}/edit`, { ...posted, narrative: "Draf kedua.", intent: "submit" }, jpeg),
      { id },
    )) as Response;
    expect(saved.status).toBe(302);
    const after = await db.activity.findUniqueOrThrow({
      where: { id },
      select: {
        narrative: true,
        status: true,
        photos: { select: { file: true } },
      },
    });
    expect(after.narrative).toBe("Draf kedua.");
    expect(after.status).toBe("submitted");
    expect(await storedPhotos()).toEqual(after.photos.map((p) => p.file).sort());
  });
});
