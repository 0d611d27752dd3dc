import { beforeAll, describe, expect, it } from "vitest";
import { createSession, getSessionUser, purgeStaleAuthRecords, verifyLogin } from "~/domain/accounts/accounts.server";
import { addressBucket, THROTTLE } from "~/domain/accounts/login-throttle.server";
import { db } from "~/utils/db.server";
import { buildChapter, buildUser } from "../factories";

let chapterId: string;

beforeAll(async () => {
  chapterId = (await buildChapter()).id;
});

const minutes = (n: number) => n * 60_000;

describe("verifyLogin", () => {
  it("accepts the right password, case-insensitive email, and writes an audit record", async () => {
    const user = await buildUser({ chapterId, role: "volunteer", email: "Ketua@Test.IPSM.id" });
    const result = await verifyLogin({ email: " ketua@test.ipsm.id ", password: "password-123", clientAddress: "10.0.0.1" });
    expect(result).toEqual({ ok: true, userId: user.id, name: "Pengguna volunteer" });
    const audit = await db.auditLog.findFirst({ where: { action: "auth.login", entityId: user.id } });
    expect(audit?.actorId).toBe(user.id);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    await buildUser({ chapterId, role: "volunteer", email: "relawan1@test.ipsm.id" });
    expect(await verifyLogin({ email: "relawan1@test.ipsm.id", password: "wrong", clientAddress: "10.0.0.2" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyLogin({ email: "nobody@test.ipsm.id", password: "password-123", clientAddress: "10.0.0.2" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses an inactive account even with the right password", async () => {
    await buildUser({ chapterId, role: "volunteer", email: "off@test.ipsm.id", active: false });
    const result = await verifyLogin({ email: "off@test.ipsm.id", password: "password-123", clientAddress: "10.0.0.3" });
    expect(result).toEqual({ ok: false, reason: "inactive" });
  });

  it("slows a guesser down progressively without ever holding back the owner at another address", async () => {
    await buildUser({ chapterId, role: "volunteer", email: "target@test.ipsm.id" });
    const start = new Date("2026-03-01T02:00:00Z");
    const guess = (at: Date, password = "bad", clientAddress = "10.1.0.1") =>
      verifyLogin({ email: "target@test.ipsm.id", password, clientAddress, now: at });
    // free attempts, then each further failure imposes the next wait
    for (let i = 0; i < THROTTLE.freeAttempts; i++) expect(await guess(start)).toEqual({ ok: false, reason: "invalid" });
    expect(await guess(start)).toEqual({ ok: false, reason: "invalid" });
    expect(await guess(start)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: THROTTLE.delaysSeconds[0] });
    // even the right password waits at the guessing address...
    expect(await guess(new Date(start.getTime() + 10_000), "password-123")).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: THROTTLE.delaysSeconds[0] - 10,
    });
    // ...but the owner at another address signs in at once, as does anyone on another account from the guessing address
    expect((await guess(start, "password-123", "10.1.1.1")).ok).toBe(true);
    await buildUser({ chapterId, role: "volunteer", email: "colleague@test.ipsm.id" });
    expect(
      (await verifyLogin({ email: "colleague@test.ipsm.id", password: "password-123", clientAddress: "10.1.0.1", now: start })).ok,
    ).toBe(true);
    // after the wait the next guess is checked, and the wait after it is longer
    const later = new Date(start.getTime() + THROTTLE.delaysSeconds[0] * 1000);
    expect(await guess(later)).toEqual({ ok: false, reason: "invalid" });
    expect(await guess(later)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: THROTTLE.delaysSeconds[1] });
  });

  it("counts and checks atomically: 40 parallel guesses get only the free attempts and one more checked", async () => {
    await buildUser({ chapterId, role: "volunteer", email: "raced@test.ipsm.id" });
    const now = new Date("2026-03-04T02:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 40 }, () => verifyLogin({ email: "raced@test.ipsm.id", password: "bad", clientAddress: "10.4.0.1", now })),
    );
    expect(results.filter((r) => r.ok === false && r.reason === "invalid")).toHaveLength(THROTTLE.freeAttempts + 1);
    expect(results.filter((r) => r.ok === false && r.reason === "throttled")).toHaveLength(40 - THROTTLE.freeAttempts - 1);
  });

  it("forgets failures older than the window, and a right password clears the count", async () => {
    await buildUser({ chapterId, role: "volunteer", email: "slow@test.ipsm.id" });
    const start = new Date("2026-03-02T02:00:00Z");
    const at = (ms: number) => new Date(start.getTime() + ms);
    for (let i = 0; i < THROTTLE.freeAttempts + 1; i++) {
      await verifyLogin({ email: "slow@test.ipsm.id", password: "bad", clientAddress: "10.2.0.1", now: start });
    }
    const later = at(minutes(THROTTLE.windowMinutes + 1));
    expect(await verifyLogin({ email: "slow@test.ipsm.id", password: "bad", clientAddress: "10.2.0.1", now: later })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await verifyLogin({ email: "slow@test.ipsm.id", password: "password-123", clientAddress: "10.2.0.1", now: later })).ok).toBe(
      true,
    );
    expect(await db.loginThrottle.count({ where: { key: { contains: "slow@test.ipsm.id" } } })).toBe(0);
  });

  it("many guesses from one office address never lock out the others behind it", async () => {
    const now = new Date("2026-03-03T02:00:00Z");
    for (let i = 0; i < 50; i++) {
      await verifyLogin({ email: `guess${i % 10}@test.ipsm.id`, password: "x", clientAddress: "10.9.9.9", now });
    }
    await buildUser({ chapterId, role: "volunteer", email: "innocent@test.ipsm.id" });
    expect((await verifyLogin({ email: "innocent@test.ipsm.id", password: "password-123", clientAddress: "10.9.9.9", now })).ok).toBe(true);
  });

  it("treats an IPv6 client by its /64 network", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::5")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::ffff:10.0.0.7")).toBe("10.0.0.7");
    expect(addressBucket("10.0.0.7")).toBe("10.0.0.7");
  });
});

describe("sessions", () => {
  it("gives the user with chapter and role permissions while the session lives", async () => {
    const user = await buildUser({ chapterId, role: "volunteer" });
    const now = new Date();
    const session = await createSession(user.id, 12, now);
    const current = await getSessionUser(session.id, now);
    expect(current?.id).toBe(user.id);
    expect(current?.chapter.id).toBe(chapterId);
    expect(current?.permissions).toContain("create:activity:own");
    expect(current?.permissions).not.toContain("export:member:chapter");
  });

  it("ends at expiry, and at once when the account is deactivated", async () => {
    const user = await buildUser({ chapterId, role: "volunteer" });
    const now = new Date();
    const session = await createSession(user.id, 1, now);
    expect(await getSessionUser(session.id, new Date(now.getTime() + minutes(61)))).toBeNull();

    const live = await createSession(user.id, 12, now);
    expect(await getSessionUser(live.id, now)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await getSessionUser(live.id, now)).toBeNull();
  });

  it("purges expired sessions and stale login counters only", async () => {
    const user = await buildUser({ chapterId, role: "volunteer" });
    const past = new Date(Date.now() - minutes(24 * 60));
    const old = await createSession(user.id, 1, past);
    const live = await createSession(user.id, 12);
    await db.loginThrottle.createMany({
      data: [
        { key: "login:old", failures: 2, firstFailureAt: past },
        { key: "login:locked", failures: 20, firstFailureAt: past, lockedUntil: new Date(Date.now() + minutes(5)) },
        { key: "login:recent", failures: 1, firstFailureAt: new Date() },
      ],
    });
    await purgeStaleAuthRecords();
    expect(await db.session.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: live.id } })).not.toBeNull();
    const keys = (await db.loginThrottle.findMany({ where: { key: { startsWith: "login:" } }, select: { key: true } })).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(["login:locked", "login:recent"]));
    expect(keys).not.toContain("login:old");
  });
});
