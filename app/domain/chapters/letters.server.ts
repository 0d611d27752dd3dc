// Outgoing letters of a chapter (contribution reports, certificates of service): their numbers
// in the association's format, "013/IPSM-PTK/XI/2026" = the chapter's serial of the year (three
// digits, never reused) / "IPSM-" and the chapter's code / the month in Roman numerals / the year.
// The serial lives in LetterCounter, one row per chapter and year, and is taken inside the
// transaction that issues the letter, so a letter that fails to be issued gives its serial back.
import type { Prisma } from "~/utils/db.server";
import { romanMonth } from "~/utils/format";

type Tx = Prisma.TransactionClient;

/** The chapter's next letter number for a letter dated `date` (a calendar date at UTC midnight). */
export async function nextLetterNumber(tx: Tx, chapterId: string, code: string, date: Date): Promise<string> {
  const year = date.getUTCFullYear();
  const counter = await tx.letterCounter.upsert({
    where: { chapterId_year: { chapterId, year } },
    create: { chapterId, year, next: 2 },
    update: { next: { increment: 1 } },
    select: { next: true },
  });
  const serial = counter.next - 1;
  return `${String(serial).padStart(3, "0")}/IPSM-${code}/${romanMonth(date.getUTCMonth() + 1)}/${year}`;
}
