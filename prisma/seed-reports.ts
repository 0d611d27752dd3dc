// A demo contribution report: the month before last, submitted by the Ketua and received by the
// Dinas Sosial, through the same rules the pages use (so its PDF, hash and /verify page are real).
// Last month is left for the board to report (the browser test does).
import { createReport, reviewReport, submitReport, type ReportActor } from "~/domain/reports/reports.server";
import { calendarToday } from "~/utils/dates";
import { permissionsFor, rolePermissions } from "~/utils/permissions";

const TZ = "Asia/Jakarta";

export async function seedReports(input: { chapterId: string; users: { ketua: string; dinsos: string } }) {
  const today = calendarToday(TZ);
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 0));
  const ketua: ReportActor = {
    userId: input.users.ketua,
    chapterId: input.chapterId,
    timeZone: TZ,
    permissions: permissionsFor("volunteer", ["ketua"]),
  };
  const dinsos: ReportActor = {
    userId: input.users.dinsos,
    chapterId: input.chapterId,
    timeZone: TZ,
    permissions: rolePermissions("dinsos"),
  };
  const created = await createReport(ketua, { kind: "month", start, end, includeSubChapters: true });
  if (!created.ok) throw new Error(`Demo report refused: ${JSON.stringify(created.fieldErrors)}`);
  // Submitted on the 5th of last month, received two days later.
  const submittedAt = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 5, 2));
  const submitted = await submitReport(ketua, created.id, submittedAt);
  if (!submitted.ok) throw new Error(`Demo report not submitted: ${submitted.error}`);
  await reviewReport(dinsos, created.id, "received", null, new Date(submittedAt.getTime() + 2 * 86_400_000));
}
