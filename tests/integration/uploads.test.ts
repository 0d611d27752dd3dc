// Uploads and the forms around them, through the route actions with real Requests: a page's
// plain forms (no file) work on actions that also take files, and a record is saved with its
// files or not at all. The storage fault is real: the uploads folder (UPLOADS_DIR) is replaced by
// a plain file, so nothing can be written under it.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const UPLOADS = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ipsm-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOADS_DIR = dir;
  return dir;
});

import { action as skAction } from "~/routes/leadership.$id.sk";
import { action as photoAction } from "~/routes/members.$id.photo";
import { action as memberTrainingsAction } from "~/routes/members.$id.trainings";
import { action as moneyAction } from "~/routes/programmes.$id.money";
import { action as eventCertificateAction } from "~/routes/trainings.events.$id.participants.$participantId.certificate";
import { action as partnerAction, loader as partnerLoader } from "~/routes/programmes.partners.$id";
import { savePartner } from "~/domain/programmes/partners.server";
import { db } from "~/utils/db.server";
import { popToast } from "~/http/session.server";
import { buildBoardUser, buildChapter, buildMember, calendarDate } from "../factories";
import { actorOfUser } from "../support/actors";
import { cookiesFrom, dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";

const ORIGIN = "http://localhost:3000";
const STORAGE_FAULT =
  "Berkas tidak dapat disimpan di server (tempat penyimpanan bermasalah), jadi data ini belum disimpan. Isian Anda masih ada: pilih berkasnya lagi dan coba sekali lagi, atau hubungi admin bila terulang.";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let chapterId: string;
let ketua: Awaited<ReturnType<typeof buildBoardUser>>;
let cookie: string;
let secretaryCookie: string;
let partnerId: string;

/** A multipart POST, as the browser sends a form with a file. */
function multipart(
  pathname: string,
  fields: Record<string, string>,
  files: Record<string, { bytes: Uint8Array; name: string; type: string }> = {},
  as = cookie,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const [k, f] of Object.entries(files)) form.set(k, new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return new Request(`${ORIGIN}${pathname}`, { method: "POST", body: form, headers: { Cookie: as } });
}

/** Breaks storage: the uploads folder is gone and a plain file stands in its place. */
async function breakStorage() {
  await rm(UPLOADS, { recursive: true, force: true });
  await writeFile(UPLOADS, "not a folder");
}

async function storedFiles(): Promise<string[]> {
  const folders = await readdir(UPLOADS).catch(() => [] as string[]);
  const all: string[] = [];
  for (const f of folders) all.push(...(await readdir(path.join(UPLOADS, f)).catch(() => [] as string[])).map((x) => `${f}/${x}`));
  return all.sort();
}

async function toastOf(response: Response) {
  const { toast } = await popToast(getRequest("/", cookiesFrom(response)));
  return toast;
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "UPL" })).id;
  ketua = await buildBoardUser({ chapterId, kind: "ketua", email: "ketua@upload.test" });
  await buildBoardUser({ chapterId, kind: "sekretaris", email: "sekretaris@upload.test" });
  cookie = await signIn("ketua@upload.test");
  secretaryCookie = await signIn("sekretaris@upload.test");
  const partner = await savePartner(await actorOfUser(ketua), {
    name: "PT Khatulistiwa Jaya",
    kind: "perusahaan",
    sector: null,
    address: null,
    status: "aktif",
    notes: null,
  });
  if (!partner.ok) throw new Error("setup");
  partnerId = partner.id;
});

afterEach(async () => {
  // Storage works again: the stand-in file goes, the folder is made again on the next upload.
  await rm(UPLOADS, { recursive: true, force: true });
  await mkdir(UPLOADS, { recursive: true });
});

describe("a partner's page", () => {
  const url = () => `/programmes/partners/${partnerId}`;

  it("saves an edit of the partner posted as a plain form", async () => {
    const response = (await run(
      partnerAction,
      postForm(
        url(),
        {
          intent: "partner",
          name: "PT Khatulistiwa Jaya Abadi",
          kind: "perusahaan",
          sector: "Perbankan",
          address: "Jl. Gajah Mada 1",
          status: "aktif",
          notes: "",
        },
        cookie,
      ),
      { id: partnerId },
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(url());
    expect((await db.partner.findUniqueOrThrow({ where: { id: partnerId } })).name).toBe("PT Khatulistiwa Jaya Abadi");
  });

  it("adds and removes a contact person", async () => {
    const added = (await run(
      partnerAction,
      postForm(url(), { intent: "contact", name: "Ibu Ratna", position: "Manajer CSR", phone: "0812 5678 9012", email: "" }, cookie),
      { id: partnerId },
    )) as Response;
    expect(added.status).toBe(302);
    const contact = await db.partnerContact.findFirstOrThrow({ where: { partnerId, name: "Ibu Ratna" } });
    expect(contact.phone).toBe("+6281256789012");
    const removed = (await run(partnerAction, postForm(url(), { intent: "contact.remove", contactId: contact.id }, cookie), {
      id: partnerId,
    })) as Response;
    expect(removed.status).toBe(302);
    expect(await db.partnerContact.count({ where: { partnerId } })).toBe(0);
  });

  it("answers bad contact input with Indonesian field messages and the input kept", async () => {
    const result = await run(
      partnerAction,
      postForm(url(), { intent: "contact", name: "", position: "Staf", phone: "12", email: "" }, cookie),
      { id: partnerId },
    );
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result);
    expect(body.values).toMatchObject({ name: "", position: "Staf", phone: "12" });
    expect(Object.keys(body.fieldErrors)).toEqual(expect.arrayContaining(["name", "phone"]));
  });

  it("records an agreement with its scan", async () => {
    const fields = {
      intent: "agreement",
      kind: "pks",
      number: "PKS/UPL/001",
      signedOn: "2026-01-10",
      startDate: "2026-01-10",
      endDate: "2026-12-31",
    };
    const response = (await run(
      partnerAction,
      multipart(url(), fields, { file: { bytes: PDF, name: "pks.pdf", type: "application/pdf" } }),
      { id: partnerId },
    )) as Response;
    expect(response.status).toBe(302);
    const agreement = await db.partnerAgreement.findFirstOrThrow({ where: { partnerId, number: "PKS/UPL/001" } });
    expect(await storedFiles()).toEqual([`agreements/${agreement.file}`]);
  });

  it("saves no agreement when its scan cannot be stored, and says so with the input kept", async () => {
    await breakStorage();
    const fields = {
      intent: "agreement",
      kind: "mou",
      number: "MOU/UPL/002",
      signedOn: "2026-02-01",
      startDate: "2026-02-01",
      endDate: "2027-01-31",
    };
    const result = await run(partnerAction, multipart(url(), fields, { file: { bytes: PDF, name: "mou.pdf", type: "application/pdf" } }), {
      id: partnerId,
    });
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result);
    expect(body.fieldErrors.file).toBe(STORAGE_FAULT);
    expect(body.values).toMatchObject({ number: "MOU/UPL/002", signedOn: "2026-02-01", endDate: "2027-01-31" });
    expect(await db.partnerAgreement.count({ where: { number: "MOU/UPL/002" } })).toBe(0);
    // The page still opens.
    expect(statusOf(await run(partnerLoader, getRequest(url(), cookie), { id: partnerId }))).toBe(200);
  });
});

describe("a board period's SK scan", () => {
  it("keeps the period as it was when the scan cannot be stored, with an Indonesian message", async () => {
    await breakStorage();
    const response = (await run(
      skAction,
      multipart(`/leadership/${ketua.periodId}/sk`, {}, { sk: { bytes: PDF, name: "sk.pdf", type: "application/pdf" } }),
      { id: ketua.periodId },
    )) as Response;
    expect(response.status).toBe(302);
    expect((await toastOf(response))?.message).toBe(STORAGE_FAULT);
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: ketua.periodId } })).skFile).toBeNull();
    expect(await db.auditLog.count({ where: { action: "leadership.period.sk", entityId: ketua.periodId } })).toBe(0);
  });
});

describe("a member's photo", () => {
  it("keeps the old photo when the new one cannot be stored, with an Indonesian message", async () => {
    const member = await buildMember({ chapterId, villageCode: "61.71.01.1003" });
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 30, height: 40, channels: 3, background: "#336699" } })
        .jpeg()
        .toBuffer(),
    );
    const upload = () =>
      run(
        photoAction,
        multipart(`/members/${member.id}/photo`, {}, { photo: { bytes: jpeg, name: "foto.jpg", type: "image/jpeg" } }, secretaryCookie),
        { id: member.id },
      ) as Promise<Response>;
    expect((await upload()).status).toBe(302);
    const first = (await db.member.findUniqueOrThrow({ where: { id: member.id } })).photoFile;
    expect(await storedFiles()).toEqual([`member-photos/${first}`]);

    await breakStorage();
    const response = await upload();
    expect(response.status).toBe(302);
    expect((await toastOf(response))?.message).toBe(STORAGE_FAULT);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).photoFile).toBe(first);
    expect(await db.auditLog.count({ where: { action: "member.photo.update", entityId: member.id } })).toBe(1);
  });
});

describe("a money entry's receipt", () => {
  it("records no entry when its receipt cannot be stored, and says so with the input kept", async () => {
    const programme = await db.programme.create({
      data: {
        chapterId,
        name: "Program Kwitansi",
        goal: "Bantuan sembako.",
        startDate: calendarDate(2026, 1, 1),
        endDate: calendarDate(2026, 12, 31),
        budget: 10_000_000,
        fundingSource: "swadaya",
        coordinatorId: ketua.memberId,
      },
    });
    const fields = {
      intent: "record",
      idempotencyKey: "kwitansi-uji-0001",
      kind: "spending",
      date: "2026-11-20",
      amount: "1.250.000",
      purpose: "Pembelian 50 paket sembako",
    };
    const receipt = { receipt: { bytes: PDF, name: "kwitansi.pdf", type: "application/pdf" } };
    await breakStorage();
    const result = await run(moneyAction, multipart(`/programmes/${programme.id}/money`, fields, receipt), { id: programme.id });
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result);
    expect(body.fieldErrors.receipt).toBe(STORAGE_FAULT);
    expect(body.values).toMatchObject({ amount: "1.250.000", purpose: "Pembelian 50 paket sembako" });
    expect(await db.moneyEntry.count({ where: { programmeId: programme.id } })).toBe(0);

    // Storage back: the same form (same key) records the entry with its receipt.
    await rm(UPLOADS, { force: true });
    const saved = (await run(moneyAction, multipart(`/programmes/${programme.id}/money`, fields, receipt), {
      id: programme.id,
    })) as Response;
    expect(saved.status).toBe(302);
    const entry = await db.moneyEntry.findFirstOrThrow({ where: { programmeId: programme.id } });
    expect(await storedFiles()).toEqual([`receipts/${entry.receiptFile}`]);
  });
});

describe("a certificate scan", () => {
  it("records no training when its certificate scan cannot be stored, and says so with the input kept", async () => {
    const member = await buildMember({ chapterId, villageCode: "61.71.01.1003" });
    const fields = {
      title: "Diklat Pendampingan PKH",
      kind: "diklat",
      organiser: "Kemensos",
      startDate: "2026-03-02",
      endDate: "2026-03-04",
      hours: "24",
      certificateNumber: "KMS/UPL/77",
      certificateIssuedOn: "2026-03-04",
      certificateExpiresOn: "",
    };
    await breakStorage();
    const result = await run(
      memberTrainingsAction,
      multipart(
        `/members/${member.id}/trainings`,
        fields,
        { file: { bytes: PDF, name: "sertifikat.pdf", type: "application/pdf" } },
        secretaryCookie,
      ),
      { id: member.id },
    );
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result);
    expect(body.fieldErrors.file).toBe(STORAGE_FAULT);
    expect(body.values).toMatchObject({ title: "Diklat Pendampingan PKH", certificateNumber: "KMS/UPL/77" });
    expect(await db.externalTraining.count({ where: { memberId: member.id } })).toBe(0);
    expect(await db.certificate.count({ where: { number: "KMS/UPL/77" } })).toBe(0);
  });

  it("keeps a participant's certificate unsaved when its scan cannot be stored, and says so with the input kept", async () => {
    const member = await buildMember({ chapterId, villageCode: "61.71.01.1003" });
    const course = await db.course.create({
      data: { name: "Bimtek Pendataan DTSEN", kind: "bimtek_teknis", organiser: "ipsm", hours: 8, chapterId },
    });
    const event = await db.trainingEvent.create({
      data: {
        chapterId,
        courseId: course.id,
        startDate: calendarDate(2026, 4, 6),
        endDate: calendarDate(2026, 4, 6),
        place: "Aula Dinsos",
        organiser: "IPSM",
        hours: 8,
      },
    });
    const participant = await db.trainingParticipant.create({
      data: { eventId: event.id, memberId: member.id, attendance: "hadir", result: "lulus" },
    });
    const fields = { number: "IPSM/BT/2026/015", issuer: "IPSM Kota Pontianak", issuedOn: "2026-04-06", expiresOn: "" };
    await breakStorage();
    const result = await run(
      eventCertificateAction,
      multipart(
        `/trainings/events/${event.id}/participants/${participant.id}/certificate`,
        fields,
        { file: { bytes: PDF, name: "sertifikat.pdf", type: "application/pdf" } },
        secretaryCookie,
      ),
      { id: event.id, participantId: participant.id },
    );
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result);
    expect(body.fieldErrors.file).toBe(STORAGE_FAULT);
    expect(body.values).toMatchObject({ number: "IPSM/BT/2026/015", issuer: "IPSM Kota Pontianak" });
    expect(await db.certificate.count({ where: { participantId: participant.id } })).toBe(0);
  });
});
