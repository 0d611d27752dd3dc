// A demo contribution report: the month before last, submitted by the Ketua and received by the
// Dinas Sosial, through the same rules the pages use (so its PDF, hash and /verify page are real).
// Last month is left for the board to report (the browser test does).
import { createReport, reviewReport, submitReport } from "~/domain/reports/reports.server";
import type { Actor } from "~/domain/shared/actor.server";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { permissionsFor, rolePermissions } from "~/utils/permissions";

const TZ = "Asia/Jakarta";

export async function seedReports(input: { chapterId: string; users: { ketua: string; dinsos: string } }) {
  const today = calendarToday(TZ);
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 0));
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: input.chapterId }, select: { code: true } });
  const base = { chapterId: input.chapterId, chapterCode: chapter.code, timeZone: TZ, memberId: null, districtCodes: [] };
  const ketua: Actor = { ...base, userId: input.users.ketua, role: "volunteer", permissions: permissionsFor("volunteer", ["ketua"]) };
  const dinsos: Actor = { ...base, userId: input.users.dinsos, role: "dinsos", permissions: rolePermissions("dinsos") };
  const created = await createReport(ketua, { kind: "month", start, end, includeSubChapters: true });
  if (!created.ok) throw new Error(`Demo report refused: ${JSON.stringify(created)}`);
  // Submitted on the 5th of last month, received two days later.
  const submittedAt = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 5, 2));
  const submitted = await submitReport(ketua, created.id, submittedAt);
  if (!submitted.ok) throw new Error(`Demo report not submitted: ${JSON.stringify(submitted)}`);
  await reviewReport(dinsos, created.id, "received", null, new Date(submittedAt.getTime() + 2 * 86_400_000));
}
