// Browser-suite data beside the demo: a chapter of its own for journeys that change who holds
// power (a new board), so that they cannot take rights away from the demo accounts the other
// browser tests use. Run by e2e-server.ts with `tsx`, on the e2e database.
import { hashRecoveryCode } from "~/domain/accounts/second-factor.server";
import { ensureDefaultPositions } from "~/domain/leadership/positions.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import type { PositionKind } from "~/validation/leadership";
import { buildBoardUser, buildChapter, buildMember, buildUser, calendarDate } from "../factories";
import { E2E_SECOND_FACTOR } from "../support/second-factor";

export const E2E_PASSWORD = "demo-ipsm-2026";

async function main() {
  const chapter = await buildChapter({ code: "UJI", name: "IPSM Kota Uji", letterheadSubtitle: "KOTA UJI" });
  await ensureDefaultPositions(chapter.id);
  const village = "61.71.01.1002";
  const ketua = await buildMember({ chapterId: chapter.id, villageCode: village, fullName: "Ketua Uji Peralihan", status: "aktif" });
  const oldSecretary = await buildMember({ chapterId: chapter.id, villageCode: village, fullName: "Sekretaris Lama Uji", status: "aktif" });
  const newSecretary = await buildMember({ chapterId: chapter.id, villageCode: village, fullName: "Sekretaris Baru Uji", status: "aktif" });
  await buildMember({ chapterId: chapter.id, villageCode: village, fullName: "Anggota Tidak Aktif Uji", status: "nonaktif" });
  for (const [email, member] of [
    ["ketua@uji.test", ketua],
    ["sekretaris-lama@uji.test", oldSecretary],
    ["sekretaris-baru@uji.test", newSecretary],
  ] as const) {
    await buildUser({
      chapterId: chapter.id,
      role: "volunteer",
      email,
      name: member.fullName,
      memberId: member.id,
      password: E2E_PASSWORD,
    });
  }
  // The serving board: started four years ago, planned to run to the end of next year.
  const year = new Date().getUTCFullYear();
  const period = await db.leadershipPeriod.create({
    data: {
      chapterId: chapter.id,
      name: `Periode ${year - 4}-${year + 1}`,
      startDate: calendarDate(year - 4, 1, 10),
      endDate: calendarDate(year + 1, 12, 31),
      skNumber: `400.9/3/DINSOS/${year - 4}`,
      skDate: calendarDate(year - 4, 1, 5),
      status: "active",
      activatedAt: new Date(),
    },
  });
  const positionId = async (kind: PositionKind) =>
    (await db.boardPosition.findFirstOrThrow({ where: { chapterId: chapter.id, kind }, select: { id: true } })).id;
  await db.positionHolding.createMany({
    data: [
      { periodId: period.id, positionId: await positionId("ketua"), memberId: ketua.id, startDate: period.startDate },
      { periodId: period.id, positionId: await positionId("sekretaris"), memberId: oldSecretary.id, startDate: period.startDate },
    ],
  });

  // The second factor (tests/e2e/second-factor.test.ts), in a chapter of its own: a Bendahara who
  // turns it on in the browser, and a Ketua whose second factor is already on (known secret and
  // recovery codes).
  const twoStep = await buildChapter({ code: "DLK", name: "IPSM Kota Dua Langkah", letterheadSubtitle: "KOTA DUA LANGKAH" });
  const passwordHash = await hashPassword(E2E_PASSWORD);
  const enrolling = await buildBoardUser({
    chapterId: twoStep.id,
    kind: "bendahara",
    email: E2E_SECOND_FACTOR.enrolEmail,
    name: "Bendahara Dua Langkah",
  });
  const enrolled = await buildBoardUser({
    chapterId: twoStep.id,
    kind: "ketua",
    email: E2E_SECOND_FACTOR.recoveryEmail,
    name: "Ketua Dua Langkah",
  });
  await db.user.update({ where: { id: enrolling.id }, data: { passwordHash } });
  await db.user.update({
    where: { id: enrolled.id },
    data: {
      passwordHash,
      totpSecret: E2E_SECOND_FACTOR.secret,
      totpEnabledAt: new Date(),
      recoveryCodes: { create: E2E_SECOND_FACTOR.recoveryCodes.map((code) => ({ codeHash: hashRecoveryCode(code) })) },
    },
  });

  // The outbox the administrator looks after (tests/e2e/outbox.test.ts): an email that failed and
  // one a stopped server left uncertain, to the Ketua of the test chapter. The e2e server has no
  // SMTP settings, so a retried one waits (pending) and is never really sent.
  const ketuaUser = await db.user.findUniqueOrThrow({ where: { email: "ketua@uji.test" }, select: { id: true } });
  const mail = (eventKey: string, subject: string) => ({
    userId: ketuaUser.id,
    chapterId: chapter.id,
    kind: "report_due" as const,
    eventKey,
    toAddress: "ketua@uji.test",
    subject,
    text: subject,
    html: `<p>${subject}</p>`,
  });
  await db.outboxMessage.create({
    data: {
      ...mail("e2e-outbox:failed", "Laporan bulanan belum dikirim · IPSM Kota Uji"),
      status: "failed",
      attempts: 4,
      lastError: "ECONNREFUSED",
    },
  });
  await db.outboxMessage.create({
    data: {
      ...mail("e2e-outbox:uncertain", "Ringkasan verifikasi · IPSM Kota Uji"),
      status: "uncertain",
      attempts: 1,
      lastError: "Server berhenti saat email ini sedang dikirim; tidak dikirim ulang agar tidak ganda.",
    },
  });
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
