// The leadership pages through their loaders and actions, with real Requests: who may see and
// change what, bad input answered in Indonesian with nothing saved, the SK scan and the PDF.
import { beforeAll, describe, expect, it } from "vitest";
import { action as periodAction, loader as periodLoader } from "~/routes/leadership.$id._index";
import { action as holdingAction } from "~/routes/leadership.$id.holdings.$holdingId";
import { action as skAction, loader as skLoader } from "~/routes/leadership.$id.sk";
import { loader as structureLoader } from "~/routes/leadership.$id.structure[.]pdf";
import { loader as indexLoader } from "~/routes/leadership._index";
import { action as newAction, loader as newLoader } from "~/routes/leadership.new";
import { action as positionsAction } from "~/routes/leadership.positions";
import { loader as newMemberLoader } from "~/routes/members.new";
import { addDays, calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { toDateInput } from "~/validation/fields";
import type { PositionKind } from "~/validation/leadership";
import { buildBoardUser, buildChapter, buildMember, buildUser } from "../factories";
import { pdfText } from "../support/pdf-text";
import { dataOf, getRequest, postForm, run, signIn, statusOf, toastMessageOf } from "../support/requests";

const VILLAGE = "61.71.01.1002";
let chapterId: string;
let periodId: string;
const cookies: Record<string, string> = {};
const members: Record<string, string> = {};

const today = () => calendarToday("Asia/Jakarta");

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "LDR", name: "IPSM Kota Pengurus", letterheadSubtitle: "KOTA PENGURUS" })).id;
  const ketua = await buildBoardUser({ chapterId, kind: "ketua", email: "ketua@ldr.test", name: "Ketua Ldr" });
  await buildBoardUser({ chapterId, kind: "bendahara", email: "bendahara@ldr.test", name: "Bendahara Ldr" });
  periodId = ketua.periodId;
  members.ketua = ketua.memberId;
  members.candidate = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Calon Sekretaris", status: "aktif" })).id;
  members.inactive = (await buildMember({ chapterId, villageCode: VILLAGE, fullName: "Anggota Nonaktif", status: "nonaktif" })).id;
  await buildUser({ chapterId, role: "volunteer", email: "calon@ldr.test", memberId: members.candidate });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@ldr.test" });
  for (const who of ["ketua", "bendahara", "calon", "dinsos"]) cookies[who] = await signIn(`${who}@ldr.test`);
});

async function positionId(kind: PositionKind) {
  return (await db.boardPosition.findFirstOrThrow({ where: { chapterId, kind }, select: { id: true } })).id;
}

describe("who may see and change the board", () => {
  it("shows the board to members and the Dinas Sosial, and lets only the Ketua or Sekretaris change it", async () => {
    for (const who of ["ketua", "bendahara", "calon", "dinsos"]) {
      expect(statusOf(await run(indexLoader, getRequest("/leadership", cookies[who])))).toBe(200);
      expect(statusOf(await run(periodLoader, getRequest(`/leadership/${periodId}`, cookies[who]), { id: periodId }))).toBe(200);
    }
    expect(statusOf(await run(newLoader, getRequest("/leadership/new", cookies.ketua)))).toBe(200);
    for (const who of ["bendahara", "calon", "dinsos"]) {
      expect(statusOf(await run(newLoader, getRequest("/leadership/new", cookies[who])))).toBe(403);
      const post = postForm(
        `/leadership/${periodId}`,
        { intent: "addHolding", positionId: "x", memberId: members.candidate!, startDate: "2026-01-01" },
        cookies[who],
      );
      expect(statusOf(await run(periodAction, post, { id: periodId }))).toBe(403);
      expect(
        statusOf(await run(positionsAction, postForm("/leadership/positions", { title: "X", kind: "anggota_pengurus" }, cookies[who]))),
      ).toBe(403);
    }
    // The page does not offer the forms to those who may not use them.
    const seen = dataOf<{ canManage: boolean; members: unknown[] }>(
      await run(periodLoader, getRequest(`/leadership/${periodId}`, cookies.calon), { id: periodId }),
    );
    expect(seen.canManage).toBe(false);
    expect(seen.members).toEqual([]);
  });

  it("keeps one chapter's board out of another's reach", async () => {
    const other = await buildChapter({ code: "LDX" });
    const outsider = await buildBoardUser({ chapterId: other.id, kind: "ketua", email: "ketua@ldx.test" });
    const cookie = await signIn("ketua@ldx.test");
    expect(statusOf(await run(periodLoader, getRequest(`/leadership/${periodId}`, cookie), { id: periodId }))).toBe(404);
    expect(statusOf(await run(structureLoader, getRequest(`/leadership/${periodId}/structure.pdf`, cookie), { id: periodId }))).toBe(404);
    expect(outsider.periodId).not.toBe(periodId);
  });
});

describe("appointing through the page", () => {
  it("answers bad input with Indonesian messages beside the fields and saves nothing", async () => {
    const before = await db.positionHolding.count({ where: { periodId } });
    const post = (fields: Record<string, string>) =>
      run(periodAction, postForm(`/leadership/${periodId}`, { intent: "addHolding", ...fields }, cookies.ketua), { id: periodId });

    const inactive = await post({
      positionId: await positionId("sekretaris"),
      memberId: members.inactive!,
      startDate: toDateInput(today()),
    });
    expect(statusOf(inactive)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(inactive).fieldErrors.memberId).toBe(
      "Anggota Nonaktif bukan anggota aktif. Jabatan hanya dapat dipegang anggota berstatus aktif.",
    );

    const secondKetua = await post({
      positionId: await positionId("ketua"),
      memberId: members.candidate!,
      startDate: toDateInput(today()),
    });
    expect(dataOf<{ fieldErrors: Record<string, string> }>(secondKetua).fieldErrors.memberId).toMatch(
      /^Jabatan Ketua sudah dipegang Ketua Ldr/,
    );

    const backwards = await post({
      positionId: await positionId("sekretaris"),
      memberId: members.candidate!,
      startDate: toDateInput(today()),
      endDate: toDateInput(addDays(today(), -3)),
    });
    const failure = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(backwards);
    expect(failure.fieldErrors.endDate).toBe("Tanggal berakhir tidak boleh sebelum tanggal mulai.");
    expect(failure.values.memberId).toBe(members.candidate);
    expect(await db.positionHolding.count({ where: { periodId } })).toBe(before);
  });

  it("appoints a Sekretaris who can then open the registry, and takes it away with the holding", async () => {
    expect(statusOf(await run(newMemberLoader, getRequest("/members/new", cookies.calon)))).toBe(403);
    const response = (await run(
      periodAction,
      postForm(
        `/leadership/${periodId}`,
        {
          intent: "addHolding",
          positionId: await positionId("sekretaris"),
          memberId: members.candidate!,
          startDate: toDateInput(addDays(today(), -10)),
        },
        cookies.ketua,
      ),
      { id: periodId },
    )) as Response;
    expect(response.status).toBe(302);
    expect(await toastMessageOf(response)).toBe("Calon Sekretaris ditetapkan sebagai Sekretaris.");
    // Same session, next request: the position's rights are there.
    expect(statusOf(await run(newMemberLoader, getRequest("/members/new", cookies.calon)))).toBe(200);

    const holding = await db.positionHolding.findFirstOrThrow({ where: { periodId, memberId: members.candidate }, select: { id: true } });
    const ended = (await run(
      holdingAction,
      postForm(
        `/leadership/${periodId}/holdings/${holding.id}`,
        { intent: "end", endDate: toDateInput(addDays(today(), -1)), endReason: "mengundurkan_diri", endNote: "Surat pengunduran diri" },
        cookies.ketua,
      ),
      { id: periodId, holdingId: holding.id },
    )) as Response;
    expect(ended.status).toBe(302);
    expect(await toastMessageOf(ended)).toBe("Jabatan Sekretaris Calon Sekretaris diakhiri.");
    expect(statusOf(await run(newMemberLoader, getRequest("/members/new", cookies.calon)))).toBe(403);

    const audit = await db.auditLog.findMany({ where: { entityType: "LeadershipPeriod", entityId: periodId }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["leadership.holding.create", "leadership.holding.end"]));
  });
});

describe("periods through the page", () => {
  it("refuses a period that overlaps an ended one, with the other period named", async () => {
    await db.leadershipPeriod.create({
      data: { chapterId, name: "Periode 2011-2016", startDate: new Date("2011-01-01"), endDate: new Date("2016-01-01"), status: "ended" },
    });
    const result = await run(
      newAction,
      postForm("/leadership/new", { name: "Periode Salah", startDate: "2015-06-01", endDate: "2020-05-31" }, cookies.ketua),
    );
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors.startDate).toBe(
      "Tanggal ini bertumpang tindih dengan Periode 2011-2016 (1 Januari 2011 s.d. 1 Januari 2016). Periode kepengurusan tidak boleh bertumpang tindih.",
    );
    expect(await db.leadershipPeriod.count({ where: { chapterId, name: "Periode Salah" } })).toBe(0);
  });

  it("refuses to activate a draft without a Ketua, with a message", async () => {
    const start = toDateInput(addDays(today(), -1));
    const created = (await run(
      newAction,
      postForm(
        "/leadership/new",
        { name: "Periode Tanpa Ketua", startDate: start, endDate: toDateInput(addDays(today(), 1800)) },
        cookies.ketua,
      ),
    )) as Response;
    const draftId = created.headers.get("Location")!.split("/").pop()!;
    const response = (await run(periodAction, postForm(`/leadership/${draftId}`, { intent: "activate" }, cookies.ketua), {
      id: draftId,
    })) as Response;
    expect(await toastMessageOf(response)).toBe("Tetapkan Ketua periode ini (anggota aktif) terlebih dahulu.");
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("draft");
    expect((await db.leadershipPeriod.findUniqueOrThrow({ where: { id: periodId } })).status).toBe("active");
  });
});

describe("the SK scan and the susunan pengurus", () => {
  function upload(cookie: string, bytes: Uint8Array, name: string, type: string) {
    const form = new FormData();
    form.set("sk", new File([new Uint8Array(bytes)], name, { type }));
    return new Request(`http://localhost:3000/leadership/${periodId}/sk`, { method: "POST", body: form, headers: { Cookie: cookie } });
  }

  it("stores a PDF scan, refuses what is not a PDF or an image whatever it claims to be", async () => {
    const fake = new TextEncoder().encode("MZ this is not a pdf");
    const refused = (await run(skAction, upload(cookies.ketua!, fake, "sk.pdf", "application/pdf"), { id: periodId })) as Response;
    expect(await toastMessageOf(refused)).toBe("Berkas harus berupa PDF, JPG atau PNG.");
    expect(statusOf(await run(skLoader, getRequest(`/leadership/${periodId}/sk`, cookies.ketua), { id: periodId }))).toBe(404);

    const pdf = new TextEncoder().encode("%PDF-1.4\n% scan\n");
    expect(statusOf(await run(skAction, upload(cookies.bendahara!, pdf, "sk.pdf", "application/pdf"), { id: periodId }))).toBe(403);
    const saved = (await run(skAction, upload(cookies.ketua!, pdf, "sk.pdf", "application/pdf"), { id: periodId })) as Response;
    expect(await toastMessageOf(saved)).toBe("Pindaian SK disimpan.");
    const download = (await run(skLoader, getRequest(`/leadership/${periodId}/sk`, cookies.dinsos), { id: periodId })) as Response;
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });

  it("prints the board as it stands with the decree and the Ketua's signature", async () => {
    await db.leadershipPeriod.update({
      where: { id: periodId },
      data: { skNumber: "188.45/77/HK/2025", skIssuer: "Wali Kota Pengurus", skDate: new Date("2025-01-06") },
    });
    const response = (await run(structureLoader, getRequest(`/leadership/${periodId}/structure.pdf`, cookies.dinsos), {
      id: periodId,
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("SUSUNAN PENGURUS");
    expect(text).toContain("Berdasarkan Surat Keputusan Wali Kota Pengurus Nomor 188.45/77/HK/2025 tanggal 6 Januari 2025");
    expect(text).toMatch(/1 Ketua Ketua Ldr/);
    expect(text).toMatch(/Bendahara Bendahara Ldr/);
    // The Sekretaris who resigned yesterday is no longer on it.
    expect(text).not.toContain("Calon Sekretaris");
    expect(text).toMatch(/Ketua, Ketua Ldr/);
  });
});
