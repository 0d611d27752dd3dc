// The training pages through their loaders and actions: who may see and change what (board,
// volunteer, Dinas Sosial), results refused for someone not registered, the summary PDF and
// the matrix spreadsheet.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { listCourses } from "~/domain/trainings/courses.server";
import { loader as memberTrainingsLoader } from "~/routes/members.$id.trainings";
import { loader as indexLoader } from "~/routes/trainings._index";
import { loader as certificateFileLoader } from "~/routes/trainings.certificates.$id.file";
import { loader as coursesLoader } from "~/routes/trainings.courses";
import { action as eventAction, loader as eventLoader } from "~/routes/trainings.events.$id._index";
import { loader as newEventLoader } from "~/routes/trainings.events.new";
import { loader as matrixLoader } from "~/routes/trainings.matrix";
import { loader as matrixXlsxLoader } from "~/routes/trainings.matrix[.]xlsx";
import { loader as recordPdfLoader } from "~/routes/trainings.record[.]pdf";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter, buildMember, buildUser } from "../factories";
import { trainingEvent } from "../factories/trainings";
import { actorOfUser, type TestActor } from "../support/actors";
import { pdfText } from "../support/pdf-text";
import { dataOf, getRequest, postForm, run, signIn, statusOf } from "../support/requests";

let chapterId: string;
let sekretaris: TestActor;
let eventId: string;
let otherEventId: string;
const cookies: Record<string, string> = {};
const members: Record<string, string> = {};

/** An event of a national course of the kind, on one day, scheduled by the Sekretaris. */
async function newEvent(kind: string, start: string) {
  const course = (await listCourses(sekretaris)).find((c) => c.kind === kind && c.chapterId === null)!;
  return trainingEvent(sekretaris, course.id, { startDate: start, endDate: start, place: "Aula", organiser: "IPSM" });
}

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "TRR", name: "IPSM Kota Latih", letterheadSubtitle: "KOTA LATIH" })).id;
  sekretaris = await actorOfUser(
    await buildBoardUser({ chapterId, kind: "sekretaris", email: "sekretaris@trr.test", name: "Sekretaris Latih" }),
  );
  await buildBoardUser({ chapterId, kind: "wakil_ketua", email: "wakil@trr.test" });
  members.volunteer = (await buildMember({ chapterId, villageCode: "61.71.01.1002", fullName: "Relawan Latih", status: "aktif" })).id;
  members.other = (await buildMember({ chapterId, villageCode: "61.71.04.1001", fullName: "Anggota Lain", status: "aktif" })).id;
  await buildUser({ chapterId, role: "volunteer", email: "relawan@trr.test", memberId: members.volunteer });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@trr.test" });
  for (const who of ["sekretaris", "wakil", "relawan", "dinsos"]) cookies[who] = await signIn(`${who}@trr.test`);
  eventId = await newEvent("bimtek_dasar", "2026-03-02");
  otherEventId = await newEvent("bimtek_teknis", "2026-04-06");
  const add = (id: string, memberIds: string[]) =>
    run(eventAction, postForm(`/trainings/events/${id}`, { intent: "addParticipants", memberIds: memberIds[0]! }, cookies.sekretaris), {
      id,
    });
  expect(statusOf(await add(eventId, [members.volunteer!]))).toBe(302);
  expect(statusOf(await add(otherEventId, [members.other!]))).toBe(302);
});

describe("who may see and change trainings", () => {
  it("gives the board the chapter's trainings, a volunteer their own, and the Dinas Sosial none", async () => {
    const board = dataOf<{ isBoard: boolean }>(await run(indexLoader, getRequest("/trainings", cookies.sekretaris)));
    expect(board.isBoard).toBe(true);
    const own = dataOf<{ isBoard: boolean; own: { member: { fullName: string } } | null }>(
      await run(indexLoader, getRequest("/trainings", cookies.relawan)),
    );
    expect(own.isBoard).toBe(false);
    expect(own.own?.member.fullName).toBe("Relawan Latih");
    expect(statusOf(await run(indexLoader, getRequest("/trainings", cookies.dinsos)))).toBe(403);

    for (const [loader, path, params] of [
      [coursesLoader, "/trainings/courses", {}],
      [matrixLoader, "/trainings/matrix", {}],
      [eventLoader, `/trainings/events/${eventId}`, { id: eventId }],
      [memberTrainingsLoader, `/members/${members.other}/trainings`, { id: members.other! }],
    ] as const) {
      expect(statusOf(await run(loader as never, getRequest(path, cookies.relawan), params))).toBe(403);
      expect(statusOf(await run(loader as never, getRequest(path, cookies.dinsos), params))).toBe(403);
      expect(statusOf(await run(loader as never, getRequest(path, cookies.wakil), params))).toBe(200);
    }
    // Reading is for the whole board; recording is the Sekretaris's.
    expect(statusOf(await run(newEventLoader, getRequest("/trainings/events/new", cookies.wakil)))).toBe(403);
    expect(statusOf(await run(newEventLoader, getRequest("/trainings/events/new", cookies.sekretaris)))).toBe(200);
    const post = postForm(`/trainings/events/${eventId}`, { intent: "addParticipants", memberIds: members.other! }, cookies.wakil);
    expect(statusOf(await run(eventAction, post, { id: eventId }))).toBe(403);
  });
});

describe("registering participants through the page", () => {
  it("refuses a form with no member ticked, with the schema's message, and registers no one", async () => {
    const before = await db.trainingParticipant.count({ where: { eventId } });
    const result = await run(eventAction, postForm(`/trainings/events/${eventId}`, { intent: "addParticipants" }, cookies.sekretaris), {
      id: eventId,
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ form: string; fieldErrors: Record<string, string> }>(result)).toMatchObject({
      form: "participants",
      fieldErrors: { memberIds: "Pilih paling sedikit satu anggota." },
    });
    expect(await db.trainingParticipant.count({ where: { eventId } })).toBe(before);
  });
});

describe("results through the page", () => {
  it("refuses a result for someone not registered for the event, and hours above the event's, saving nothing", async () => {
    const stranger = await db.trainingParticipant.findFirstOrThrow({ where: { eventId: otherEventId }, select: { id: true } });
    const own = await db.trainingParticipant.findFirstOrThrow({ where: { eventId }, select: { id: true } });
    const form = new URLSearchParams();
    for (const [id, hours] of [
      [own.id, "8"],
      [stranger.id, "4"],
    ]) {
      form.append("participant", id!);
      form.append(`attendance.${id}`, "hadir");
      form.append(`hoursAttended.${id}`, hours!);
      form.append(`result.${id}`, "lulus");
    }
    form.append("intent", "results");
    const request = new Request(`http://localhost:3000/trainings/events/${eventId}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.sekretaris! },
      body: form.toString(),
    });
    const result = await run(eventAction, request, { id: eventId });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors[`${stranger.id}.result`]).toBe(
      "Anggota ini tidak terdaftar sebagai peserta kegiatan ini.",
    );
    expect(await db.trainingParticipant.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ result: null, attendance: null });

    form.set(`hoursAttended.${own.id}`, "30");
    form.delete("participant");
    form.append("participant", own.id);
    for (const key of [...form.keys()].filter((k) => k.endsWith(stranger.id))) form.delete(key);
    const tooMany = await run(eventAction, new Request(request.url, { method: "POST", headers: request.headers, body: form.toString() }), {
      id: eventId,
    });
    expect(dataOf<{ fieldErrors: Record<string, string> }>(tooMany).fieldErrors[`${own.id}.hoursAttended`]).toBe(
      "Jam diikuti tidak boleh lebih dari jam pelatihan (24 jam).",
    );

    form.set(`hoursAttended.${own.id}`, "24");
    const saved = (await run(eventAction, new Request(request.url, { method: "POST", headers: request.headers, body: form.toString() }), {
      id: eventId,
    })) as Response;
    expect(saved.status).toBe(302);
    expect(await db.trainingParticipant.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ result: "lulus", hoursAttended: 24 });
  });
});

describe("the training record PDF and the matrix spreadsheet", () => {
  it("gives a volunteer their own record only, and refuses when they name another member", async () => {
    const refused = (await run(recordPdfLoader, getRequest(`/trainings/record.pdf?member=${members.other}`, cookies.relawan))) as Response;
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Content-Type")).not.toBe("application/pdf");
    const response = (await run(recordPdfLoader, getRequest("/trainings/record.pdf", cookies.relawan))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("RINGKASAN RIWAYAT PELATIHAN");
    expect(text).toContain("Relawan Latih");
    expect(text).toContain("Bimbingan Teknis Dasar Pekerja Sosial Masyarakat");
    expect(text).toContain("Jumlah jam pelatihan: 24 jam");
    expect(text).not.toContain("Anggota Lain");

    const boardCopy = (await run(
      recordPdfLoader,
      getRequest(`/trainings/record.pdf?member=${members.other}`, cookies.sekretaris),
    )) as Response;
    expect((await pdfText(new Uint8Array(await boardCopy.arrayBuffer()))).text).toContain("Anggota Lain");
  });

  it("exports the matrix with a column per competency and the levels held, filtered by kecamatan", async () => {
    const response = (await run(matrixXlsxLoader, getRequest("/trainings/matrix.xlsx?kecamatan=61.71.01", cookies.sekretaris))) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["Nama", "Pendataan dan verval DTSEN", "Asesmen PPKS"]));
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toContain("Relawan Latih");
    expect(names).not.toContain("Anggota Lain");
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === "Relawan Latih")!;
    expect(row.getCell(header.indexOf("Asesmen PPKS") + 1).value).toBe("Dasar");
  });

  it("does not hand a member's certificate scan to another volunteer", async () => {
    const certificate = await db.certificate.create({
      data: {
        chapterId,
        memberId: members.other!,
        title: "Uji",
        number: "X-1",
        issuer: "LSP",
        issuedOn: new Date("2026-01-01"),
        file: "nope.pdf",
        fileType: "application/pdf",
      },
    });
    expect(
      statusOf(
        await run(certificateFileLoader, getRequest(`/trainings/certificates/${certificate.id}/file`, cookies.relawan), {
          id: certificate.id,
        }),
      ),
    ).toBe(404);
  });
});
