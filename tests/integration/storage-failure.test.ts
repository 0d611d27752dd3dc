// When the database's storage fails (a full disk, a file system turned read-only), a write is
// refused whole: the person gets a clear Indonesian answer (503), nothing is half-saved, and the
// log says what failed. The uploads folder's own failures are tested in activity-uploads.test.ts.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listVillages } from "~/domain/chapters/regions.server";
import { action as newMemberAction } from "~/routes/members.new";
import { db } from "~/utils/db.server";
import { buildBoardUser, buildChapter } from "../factories";
import { postForm, run, signIn } from "../support/requests";

let chapterId: string;
let cookie: string;
let villageCode: string;

beforeAll(async () => {
  chapterId = (await buildChapter({ code: "SF", name: "IPSM Kota Disk" })).id;
  await buildBoardUser({ chapterId, email: "sekretaris@storage.test" });
  cookie = await signIn("sekretaris@storage.test");
  villageCode = (await listVillages("61.71"))[0]!.code;
});

afterEach(async () => {
  await db.$queryRawUnsafe("PRAGMA query_only = OFF");
  vi.restoreAllMocks();
});

const newMember = (name: string) =>
  postForm(
    "/members/new",
    {
      fullName: name,
      nik: "6171015708900011",
      sex: "P",
      birthDate: "1990-08-17",
      phone: "0812 1111 2222",
      address: "Jl. Gajah Mada 1",
      villageCode,
      joinDate: "2026-01-05",
      membershipType: "biasa",
    },
    cookie,
  );

describe("a storage failure during a write", () => {
  it("answers 503 in Indonesian, saves nothing, logs what failed; the same form goes through once storage is back", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = { members: await db.member.count({ where: { chapterId } }), audits: await db.auditLog.count({ where: { chapterId } }) };
    // the file system turns read-only under the portal
    await db.$queryRawUnsafe("PRAGMA query_only = ON");
    const refused = await run(newMemberAction, newMember("Siti Aminah"));
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(503);
    expect(await (refused as Response).text()).toMatch(/^Penyimpanan server sedang bermasalah/);
    expect(logged.mock.calls.some((call) => String(call[0]).startsWith("database: a write failed because of the storage"))).toBe(true);
    await db.$queryRawUnsafe("PRAGMA query_only = OFF");
    expect(await db.member.count({ where: { chapterId } })).toBe(before.members);
    expect(await db.auditLog.count({ where: { chapterId } })).toBe(before.audits);

    const saved = (await run(newMemberAction, newMember("Siti Aminah"))) as Response;
    expect(saved.status).toBe(302);
    expect(await db.member.count({ where: { chapterId } })).toBe(before.members + 1);
  });
});
