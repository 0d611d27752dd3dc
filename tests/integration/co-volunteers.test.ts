// Choosing co-volunteers without the chapter's member list: the search (parts of names in any
// order, case, accents, straight and curly apostrophes, extra spaces, member numbers; at most 20,
// names starting with the query first), who can be found (active members of the actor's chapter,
// never the actor: the same people the server accepts on an activity), the volunteer's recent
// co-volunteers, the names of chosen ones, and the routes: GET /activities/co-volunteers, the
// form's loaders (no member list) and a refused form keeping its choices with their names.
import { beforeAll, describe, expect, it } from "vitest";
import { chosenCoVolunteers, recentCoVolunteers, searchCoVolunteers } from "~/domain/activities/co-volunteers.server";
import { loader as searchLoader } from "~/routes/activities.co-volunteers";
import { loader as editLoader } from "~/routes/activities.$id.edit";
import { action as newAction, loader as newLoader } from "~/routes/activities.new";
import { calendarToday } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { CoVolunteer } from "~/validation/co-volunteers";
import { toDateInput } from "~/validation/fields";
import { buildMember } from "../factories";
import { activityChapter, loggedFor, nextKey, typeOf, type ActivityChapter } from "../factories/activities";
import { account, volunteer, type TestActor } from "../support/actors";
import { expectOk, expectRefusal } from "../support/outcomes";
import { dataOf, getRequest, postMultipart, run, signIn, statusOf } from "../support/requests";
import { PLACES } from "../support/timeline";

const COVOLUNTEER_MSG = "Relawan pendamping harus anggota aktif cabang ini.";

let ctx: ActivityChapter;
let author: TestActor;
let dinsos: TestActor;
const people: Record<string, CoVolunteer & { status: string }> = {};

async function member(
  fullName: string,
  status: "aktif" | "calon" | "nonaktif" | "mengundurkan_diri" | "meninggal" | "diberhentikan" = "aktif",
) {
  const m = await buildMember({ chapterId: ctx.id, villageCode: PLACES.V1002, fullName, status });
  people[fullName] = { id: m.id, fullName: m.fullName, memberNumber: m.memberNumber, status };
  return people[fullName]!;
}

/** The names a search finds, in the order it gives them. */
async function names(query: string, actor: TestActor = author) {
  return expectOk(await searchCoVolunteers(actor, query)).matches.map((m) => m.fullName);
}

beforeAll(async () => {
  ctx = await activityChapter();
  author = await volunteer(ctx.id, { fullName: "Utin Marufah" });
  dinsos = await account(ctx.id, "dinsos");
  for (const name of [
    "Ma'ruf Amin",
    "Siti Ma’rufah",
    "André Wijaya",
    "Nur Aisyah",
    "Aisyah Nur",
    "Yohana Wenda",
    "Yohanes Kefas",
    "Maria Yohana",
    "Elyohanah Tabuni",
  ])
    await member(name);
  for (let n = 1; n <= 25; n++) await member(`Zulkarnain ${String(n).padStart(2, "0")}`);
  await member("Maruf Calon", "calon");
  await member("Maruf Nonaktif", "nonaktif");
  await member("Maruf Mundur", "mengundurkan_diri");
  await member("Maruf Almarhum", "meninggal");
  await member("Maruf Diberhentikan", "diberhentikan");
  const elsewhere = await activityChapter();
  await buildMember({ chapterId: elsewhere.id, villageCode: PLACES.V1002, fullName: "Maruf Cabang Lain", status: "aktif" });
});

describe("searching co-volunteers", () => {
  it("finds parts of names whatever the case, accents, apostrophes and spaces", async () => {
    for (const query of ["maruf", "Ma'ruf", "ma’ruf", "MA RUF", "  ma   ruf  "]) {
      expect(await names(query), query).toEqual(["Ma'ruf Amin", "Siti Ma’rufah"]);
    }
    for (const query of ["andre", "ANDRÉ", "andré wij", "wijaya andre", "dre"]) {
      expect(await names(query), query).toEqual(["André Wijaya"]);
    }
    // words in any order; the name that starts with the query first
    expect(await names("  nur   ais ")).toEqual(["Nur Aisyah", "Aisyah Nur"]);
    expect(await names("ais nur")).toEqual(["Aisyah Nur", "Nur Aisyah"]);
  });

  it("orders names starting with the query first, then a word starting with it, then the rest, each alphabetical", async () => {
    expect(await names("yohan")).toEqual(["Yohana Wenda", "Yohanes Kefas", "Maria Yohana", "Elyohanah Tabuni"]);
  });

  it("finds a member number, whole or in part", async () => {
    const andre = people["André Wijaya"]!;
    expect(andre.memberNumber).toBeTruthy();
    expect(expectOk(await searchCoVolunteers(author, andre.memberNumber!)).matches).toEqual([
      { id: andre.id, fullName: "André Wijaya", memberNumber: andre.memberNumber },
    ]);
    const spaced = andre.memberNumber!.replace(/[^\p{L}\p{N}]+/gu, " ");
    expect(await names(spaced)).toContain("André Wijaya");
    const tail = andre.memberNumber!.replace(/\D/g, "").slice(-4);
    expect(await names(tail)).toContain("André Wijaya");
  });

  it("gives at most 20, and nothing for fewer than two letters or digits", async () => {
    const zul = await names("zulkarnain");
    expect(zul).toEqual(Array.from({ length: 20 }, (_, i) => `Zulkarnain ${String(i + 1).padStart(2, "0")}`));
    for (const query of ["", " ", "z", " m ", "'", "m'", "é"]) expect(await names(query), JSON.stringify(query)).toEqual([]);
    expect(await names("zu")).toHaveLength(20);
  });

  it("only finds active members of the actor's chapter, never the actor", async () => {
    // departed, inactive, candidate and another chapter's "Maruf" are left out; the author too
    expect(await names("maruf")).toEqual(["Ma'ruf Amin", "Siti Ma’rufah"]);
    expect(await names("utin")).toEqual([]);
    // everyone the search finds, the server accepts on an activity; the others it refuses
    const found = expectOk(await searchCoVolunteers(author, "maruf")).matches.map((m) => m.id);
    await loggedFor(ctx, author, {}, { coVolunteerIds: found });
    for (const left of ["Maruf Calon", "Maruf Nonaktif", "Maruf Mundur", "Maruf Almarhum", "Maruf Diberhentikan"]) {
      const refused = await searchCoVolunteers(author, left);
      expect(expectOk(refused).matches).toEqual([]);
    }
  });

  it("is refused to a Dinas Sosial account", async () => {
    expectRefusal(await searchCoVolunteers(dinsos, "maruf"), "forbidden");
  });
});

describe("recent and chosen co-volunteers", () => {
  it("are the last distinct co-volunteers of the volunteer's own activities, at most 8, still active", async () => {
    const helper = await volunteer(ctx.id, { fullName: "Helper Recent" });
    const [a, b, c, d, e, f, g, h, i] = await Promise.all(
      ["Rekan A", "Rekan B", "Rekan C", "Rekan D", "Rekan E", "Rekan F", "Rekan G", "Rekan H", "Rekan I"].map((n) => member(n)),
    );
    const gone = await member("Rekan Pergi");
    await loggedFor(ctx, helper, { date: "2031-06-01" }, { coVolunteerIds: [i!.id] });
    await loggedFor(ctx, helper, { date: "2031-06-02" }, { coVolunteerIds: [a!.id, gone.id] });
    await loggedFor(ctx, helper, { date: "2031-06-03" }, { coVolunteerIds: [b!.id, c!.id] });
    await loggedFor(ctx, helper, { date: "2031-06-04" }, { coVolunteerIds: [d!.id, e!.id, f!.id] });
    await loggedFor(ctx, helper, { date: "2031-06-05" }, { coVolunteerIds: [g!.id, h!.id, a!.id] });
    // someone else's activity naming the helper's colleague does not count
    await loggedFor(ctx, author, { date: "2031-06-06" }, { coVolunteerIds: [i!.id] });
    await db.member.update({ where: { id: gone.id }, data: { status: "mengundurkan_diri" } });
    const recent = await recentCoVolunteers(helper);
    expect(recent).toHaveLength(8);
    expect(new Set(recent.slice(0, 3).map((r) => r.fullName))).toEqual(new Set(["Rekan G", "Rekan H", "Rekan A"]));
    expect(new Set(recent.slice(3, 6).map((r) => r.fullName))).toEqual(new Set(["Rekan D", "Rekan E", "Rekan F"]));
    expect(new Set(recent.slice(6).map((r) => r.fullName))).toEqual(new Set(["Rekan B", "Rekan C"]));
    expect(Object.keys(recent[0]!).sort()).toEqual(["fullName", "id", "memberNumber"]);
    expect(await recentCoVolunteers(dinsos)).toEqual([]);
  });

  it("are named in the order given, leaving out who cannot be chosen", async () => {
    const amin = people["Ma'ruf Amin"]!;
    const andre = people["André Wijaya"]!;
    const chosen = await chosenCoVolunteers(author, [
      andre.id,
      people["Maruf Mundur"]!.id,
      author.memberId!,
      "no-such-id",
      amin.id,
      andre.id,
    ]);
    expect(chosen).toEqual([
      { id: andre.id, fullName: andre.fullName, memberNumber: andre.memberNumber },
      { id: amin.id, fullName: amin.fullName, memberNumber: amin.memberNumber },
    ]);
  });
});

describe("the routes", () => {
  let authorCookie: string;
  let dinsosCookie: string;
  beforeAll(async () => {
    authorCookie = await signIn(author.email);
    dinsosCookie = await signIn(dinsos.email);
  });

  const search = (q: string, cookie?: string) =>
    run(searchLoader, getRequest(`/activities/co-volunteers?q=${encodeURIComponent(q)}`, cookie));

  it("GET /activities/co-volunteers answers the matches as JSON: id, name and member number only", async () => {
    const response = (await search("ma’ruf", authorCookie)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    const body = (await response.json()) as { matches: CoVolunteer[] };
    expect(body.matches.map((m) => m.fullName)).toEqual(["Ma'ruf Amin", "Siti Ma’rufah"]);
    for (const m of body.matches) expect(Object.keys(m).sort()).toEqual(["fullName", "id", "memberNumber"]);
    const andre = people["André Wijaya"]!;
    expect((await ((await search(andre.memberNumber!, authorCookie)) as Response).json()).matches).toEqual([
      { id: andre.id, fullName: "André Wijaya", memberNumber: andre.memberNumber },
    ]);
    for (const q of ["a", "", "  é "]) expect(await ((await search(q, authorCookie)) as Response).json(), q).toEqual({ matches: [] });
    expect(await ((await run(searchLoader, getRequest("/activities/co-volunteers", authorCookie))) as Response).json()).toEqual({
      matches: [],
    });
  });

  it("is refused to a Dinas Sosial account (403) and sends a signed-out request to the login page", async () => {
    expect(statusOf(await search("maruf", dinsosCookie))).toBe(403);
    const signedOut = (await search("maruf")) as Response;
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/login/);
  });

  it("the form's loaders send the recent co-volunteers and the chosen ones by name, never the member list", async () => {
    const form = dataOf<Record<string, unknown>>(await run(newLoader, getRequest("/activities/new", authorCookie)));
    expect(form).not.toHaveProperty("volunteers");
    const recent = form.recentVolunteers as CoVolunteer[];
    expect(recent.map((r) => r.fullName).sort()).toEqual(["Ma'ruf Amin", "Rekan I", "Siti Ma’rufah"]);

    const amin = people["Ma'ruf Amin"]!;
    const id = await loggedFor(ctx, author, {}, { coVolunteerIds: [amin.id], submit: false });
    const edit = dataOf<Record<string, unknown>>(await run(editLoader, getRequest(`/activities/${id}/edit`, authorCookie), { id }));
    expect(edit).not.toHaveProperty("volunteers");
    expect(edit.chosen).toEqual([{ id: amin.id, fullName: amin.fullName, memberNumber: amin.memberNumber }]);
  });

  it("a refused form comes back with its co-volunteers named, and one who cannot be chosen refused with a message", async () => {
    const amin = people["Ma'ruf Amin"]!;
    const fields = {
      idempotencyKey: nextKey(),
      date: toDateInput(calendarToday(PLACES.TZ)),
      durationMinutes: "60",
      typeId: typeOf(ctx),
      villageCode: PLACES.V1002,
      households: "1",
      intent: "submit",
    };
    const request = postMultipart("/activities/new", fields, [], authorCookie);
    // two co-volunteers: one active, one who left
    const body = await request.formData();
    body.append("coVolunteers", amin.id);
    body.append("coVolunteers", people["Maruf Mundur"]!.id);
    const answer = await run(newAction, new Request(request.url, { method: "POST", body, headers: { Cookie: authorCookie } }));
    expect(statusOf(answer)).toBe(400);
    const refused = dataOf<{ fieldErrors: Record<string, string>; coVolunteers: CoVolunteer[] }>(answer);
    expect(refused.fieldErrors).toEqual({ coVolunteers: COVOLUNTEER_MSG });
    expect(refused.coVolunteers).toEqual([{ id: amin.id, fullName: amin.fullName, memberNumber: amin.memberNumber }]);
  });
});
