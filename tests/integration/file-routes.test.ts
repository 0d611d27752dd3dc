// Routes that send files (PDFs, scans, photos, spreadsheets) answer a refusal or a missing file
// with the portal's Indonesian error page, never a bare English "Not Found"; links that cannot
// work are not shown. Real Requests against the real test database.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as activityPhoto } from "~/routes/activities.$id.photos.$photoId[.]jpg";
import { loader as activitiesXlsx } from "~/routes/activities.export[.]xlsx";
import { loader as auditXlsx } from "~/routes/audit.export[.]xlsx";
import { loader as serviceCertificatePdf } from "~/routes/certificates.$id[.]pdf";
import { action as skUpload, loader as skScan } from "~/routes/leadership.$id.sk";
import { loader as structurePdf } from "~/routes/leadership.$id.structure[.]pdf";
import { loader as memberPage } from "~/routes/members.$id._index";
import { loader as cardPdf } from "~/routes/members.$id.card[.]pdf";
import { action as photoUpload, loader as photoPage } from "~/routes/members.$id.photo";
import { loader as photoJpg } from "~/routes/members.$id.photo[.]jpg";
import { loader as cardsPdf } from "~/routes/members.cards[.]pdf";
import { loader as membersIndex } from "~/routes/members._index";
import { loader as membersCsv } from "~/routes/members.export[.]csv";
import { loader as membersXlsx } from "~/routes/members.export[.]xlsx";
import { loader as templateXlsx } from "~/routes/members.template[.]xlsx";
import { loader as membersPdf } from "~/routes/members[.]pdf";
import { loader as receipt } from "~/routes/programmes.$id.money.$entryId.receipt";
import { loader as programmePdf } from "~/routes/programmes.$id.report[.]pdf";
import { loader as programmeXlsx } from "~/routes/programmes.$id.report[.]xlsx";
import { loader as agreementScan } from "~/routes/programmes.partners.$id.agreements.$agreementId";
import { loader as certificateFile } from "~/routes/trainings.certificates.$id.file";
import { loader as matrixXlsx } from "~/routes/trainings.matrix[.]xlsx";
import { loader as recordPdf } from "~/routes/trainings.record[.]pdf";
import { loader as reportPdf } from "~/routes/reports.$id[.]pdf";
import { loader as reportXlsx } from "~/routes/reports.$id[.]xlsx";
import { loader as profileLoader } from "~/routes/profile";
import { buildBoardUser, buildChapter, buildMember, buildUser } from "../factories";
import { dataOf, getRequest, run, signIn } from "../support/requests";

type Loader = (args: LoaderFunctionArgs) => unknown;

const cookies: Record<string, string> = {};
let chapterId: string;
let inactiveId: string;
let activeId: string;
let periodId: string;

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "FIL" })).id;
  const board = await buildBoardUser({ chapterId, kind: "sekretaris", email: "sekretaris@file.test" });
  periodId = board.periodId;
  await buildBoardUser({ chapterId, kind: "ketua", email: "ketua@file.test" });
  inactiveId = (await buildMember({ chapterId, villageCode: "61.71.01.1003", status: "nonaktif" })).id;
  activeId = (await buildMember({ chapterId, villageCode: "61.71.01.1003", status: "aktif" })).id;
  await buildUser({ chapterId, role: "volunteer", email: "relawan@file.test", memberId: activeId });
  await buildUser({ chapterId, role: "volunteer", email: "mantan@file.test", memberId: inactiveId });
  await buildUser({ chapterId, role: "dinsos", email: "dinsos@file.test" });
  await buildUser({ chapterId, role: "volunteer", email: "tanpa-anggota@file.test" });
  await buildUser({ chapterId, role: "admin", email: "admin@file.test" });
  for (const who of ["sekretaris", "ketua", "relawan", "mantan", "dinsos", "tanpa-anggota", "admin"])
    cookies[who] = await signIn(`${who}@file.test`);
});

const missing = "tidak-ada";

/** [what, loader, url, params, who, status] */
const cases: [string, Loader, string, Record<string, string>, string, 403 | 404][] = [
  ["the card of a member no longer active", cardPdf as Loader, `/members/ID/card.pdf`, { id: "INACTIVE" }, "sekretaris", 404],
  ["someone else's card, for a volunteer", cardPdf as Loader, `/members/ID/card.pdf`, { id: "INACTIVE" }, "relawan", 403],
  ["a photo never uploaded", photoJpg as Loader, `/members/ID/photo.jpg`, { id: "ACTIVE" }, "sekretaris", 404],
  ["a photo, for the Dinas Sosial", photoJpg as Loader, `/members/ID/photo.jpg`, { id: "ACTIVE" }, "dinsos", 403],
  ["the photo upload address opened in the browser", photoPage as Loader, `/members/ID/photo`, { id: "ACTIVE" }, "sekretaris", 404],
  ["cards, for a volunteer", cardsPdf as Loader, `/members/cards.pdf`, {}, "relawan", 403],
  ["the member list PDF, for a volunteer", membersPdf as Loader, `/members.pdf`, {}, "relawan", 403],
  ["the member csv, for the Dinas Sosial", membersCsv as Loader, `/members/export.csv`, {}, "dinsos", 403],
  ["the member xlsx, for a volunteer", membersXlsx as Loader, `/members/export.xlsx`, {}, "relawan", 403],
  ["the import template, for a volunteer", templateXlsx as Loader, `/members/template.xlsx`, {}, "relawan", 403],
  [
    "a certificate of service that does not exist",
    serviceCertificatePdf as Loader,
    `/certificates/${missing}.pdf`,
    { id: missing },
    "ketua",
    404,
  ],
  ["an SK scan never uploaded", skScan as Loader, `/leadership/ID/sk`, { id: "PERIOD" }, "sekretaris", 404],
  [
    "the structure of a period that does not exist",
    structurePdf as Loader,
    `/leadership/${missing}/structure.pdf`,
    { id: missing },
    "sekretaris",
    404,
  ],
  [
    "a receipt that does not exist",
    receipt as Loader,
    `/programmes/${missing}/money/${missing}/receipt`,
    { id: missing, entryId: missing },
    "ketua",
    404,
  ],
  ["a programme report that does not exist", programmePdf as Loader, `/programmes/${missing}/report.pdf`, { id: missing }, "ketua", 404],
  [
    "a programme workbook that does not exist",
    programmeXlsx as Loader,
    `/programmes/${missing}/report.xlsx`,
    { id: missing },
    "ketua",
    404,
  ],
  [
    "an agreement scan that does not exist",
    agreementScan as Loader,
    `/programmes/partners/${missing}/agreements/${missing}`,
    { id: missing, agreementId: missing },
    "ketua",
    404,
  ],
  [
    "a certificate scan that does not exist",
    certificateFile as Loader,
    `/trainings/certificates/${missing}/file`,
    { id: missing },
    "sekretaris",
    404,
  ],
  ["the training matrix, for a volunteer", matrixXlsx as Loader, `/trainings/matrix.xlsx`, {}, "relawan", 403],
  ["a training record, for an account without a member", recordPdf as Loader, `/trainings/record.pdf`, {}, "tanpa-anggota", 404],
  [
    "an activity photo that does not exist",
    activityPhoto as Loader,
    `/activities/${missing}/photos/${missing}.jpg`,
    { id: missing, photoId: missing },
    "sekretaris",
    404,
  ],
  ["the activity export, for the Dinas Sosial", activitiesXlsx as Loader, `/activities/export.xlsx`, {}, "dinsos", 403],
  ["the audit export, for a volunteer", auditXlsx as Loader, `/audit/export.xlsx`, {}, "relawan", 403],
  ["a report that does not exist, as PDF", reportPdf as Loader, `/reports/${missing}.pdf`, { id: missing }, "ketua", 404],
  ["a report that does not exist, as xlsx", reportXlsx as Loader, `/reports/${missing}.xlsx`, { id: missing }, "dinsos", 404],
  ["a report, for a volunteer", reportPdf as Loader, `/reports/${missing}.pdf`, { id: missing }, "relawan", 403],
];

describe("routes that send files", () => {
  it.each(cases)("answer %s with the Indonesian error page", async (_what, loader, url, params, who, status) => {
    const ids: Record<string, string> = { INACTIVE: inactiveId, ACTIVE: activeId, PERIOD: periodId };
    const resolved = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, ids[v] ?? v]));
    const response = (await run(loader, getRequest(url.replace("ID", resolved.id ?? ""), cookies[who]), resolved)) as Response;
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain(status === 403 ? "Akses ditolak" : "Halaman tidak ditemukan");
    expect(html).toContain("Kembali ke dasbor");
    expect(html).not.toMatch(/Not Found|Forbidden/);
  });

  it("says why a card cannot be printed", async () => {
    const response = (await run(cardPdf as Loader, getRequest(`/members/${inactiveId}/card.pdf`, cookies.sekretaris), {
      id: inactiveId,
    })) as Response;
    expect(await response.text()).toContain("Kartu anggota hanya dicetak untuk anggota berstatus calon atau aktif.");
  });

  it("still sends the redirect to the login page to a visitor who is not signed in", async () => {
    const response = (await run(cardPdf as Loader, getRequest(`/members/${activeId}/card.pdf`), { id: activeId })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("a refusal with a sentence", () => {
  it("reaches the Indonesian error page of a file route, conflicts with their own page", async () => {
    const { conflict, forbidden } = await import("~/domain/shared/outcome.server");
    const { unwrap } = await import("~/http/outcome.server");
    const { fileRoute } = await import("~/http/resource-errors.server");
    const sentence = "Laporan ini sudah diajukan dan tidak dapat diubah lagi.";
    const taken = await fileRoute(async () => unwrap(conflict(sentence)))({} as LoaderFunctionArgs);
    expect(taken.status).toBe(409);
    expect(taken.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await taken.text();
    expect(html).toContain("Tidak dapat dilakukan sekarang");
    expect(html).toContain(sentence);
    expect(html).not.toContain("Conflict");
    const denied = await (
      await fileRoute(async () => unwrap(forbidden("Hanya Ketua yang dapat mengunduhnya.")))({} as LoaderFunctionArgs)
    ).text();
    expect(denied).toContain("Akses ditolak");
    expect(denied).toContain("Hanya Ketua yang dapat mengunduhnya.");
  });

  it("a chapter image that is not there, or not the administrator's, answers with the error page", async () => {
    const { loader: chapterImage } = await import("~/routes/chapter_.images.$kind[.]png");
    const missingLogo = (await run(chapterImage, getRequest("/chapter/images/logo.png", cookies.admin), { kind: "logo" })) as Response;
    expect(missingLogo.status).toBe(404);
    expect(await missingLogo.text()).toContain("Halaman tidak ditemukan");
    const unknownKind = (await run(chapterImage, getRequest("/chapter/images/other.png", cookies.admin), { kind: "other" })) as Response;
    expect(unknownKind.status).toBe(404);
    const notAdmin = (await run(chapterImage, getRequest("/chapter/images/logo.png", cookies.ketua), { kind: "logo" })) as Response;
    expect(notAdmin.status).toBe(403);
    expect(await notAdmin.text()).toContain("Akses ditolak");
  });
});

describe("uploads to a record that is not there", () => {
  it("answer with the Indonesian error page too", async () => {
    const post = (url: string) => {
      const form = new FormData();
      form.set("photo", new File([new Uint8Array([1, 2, 3])], "x.jpg", { type: "image/jpeg" }));
      form.set("sk", new File([new TextEncoder().encode("%PDF-1.4 x")], "sk.pdf", { type: "application/pdf" }));
      return new Request(`http://localhost:3000${url}`, { method: "POST", body: form, headers: { Cookie: cookies.sekretaris! } });
    };
    for (const [action, url, params] of [
      [photoUpload, `/members/${missing}/photo`, { id: missing }],
      [skUpload, `/leadership/${missing}/sk`, { id: missing }],
    ] as const) {
      const response = (await run(action as Loader, post(url), params)) as Response;
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("Halaman tidak ditemukan");
      expect(html).not.toContain("Not Found");
    }
  });
});

describe("links that cannot work are not shown", () => {
  it("shows no card link for a member no longer active, on their page or their profile", async () => {
    const page = dataOf<{ canPrintCard: boolean }>(
      await run(memberPage, getRequest(`/members/${inactiveId}`, cookies.sekretaris), { id: inactiveId }),
    );
    expect(page.canPrintCard).toBe(false);
    const active = dataOf<{ canPrintCard: boolean }>(
      await run(memberPage, getRequest(`/members/${activeId}`, cookies.sekretaris), { id: activeId }),
    );
    expect(active.canPrintCard).toBe(true);
    const profile = dataOf<{ member: { status: string } }>(await run(profileLoader, getRequest("/profile", cookies.mantan)));
    expect(profile.member.status).toBe("nonaktif");
  });

  it("shows the duplicates link only to those who may resolve duplicates", async () => {
    const [a, b] = [
      await buildMember({ chapterId, villageCode: "61.71.01.1003" }),
      await buildMember({ chapterId, villageCode: "61.71.01.1003" }),
    ];
    const { db } = await import("~/utils/db.server");
    await db.memberDuplicateFlag.create({ data: { chapterId, memberId: a.id, otherMemberId: b.id } });
    const forBoard = dataOf<{ duplicates: number }>(await run(membersIndex, getRequest("/members", cookies.sekretaris)));
    expect(forBoard.duplicates).toBe(1);
    const forKetua = dataOf<{ duplicates: number }>(await run(membersIndex, getRequest("/members", cookies.ketua)));
    expect(forKetua.duplicates).toBe(0);
  });
});
