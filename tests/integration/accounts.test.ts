import { beforeAll, describe, expect, it } from "vitest";
import { createSession, getSessionUser, LOGIN_LIMITS, purgeStaleAuthRecords, verifyLogin } from "~/domain/accounts/accounts.server";
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

  it("locks an account after repeated failures, even for the right password, until the lock ends", async () => {
    await buildUser({ chapterId, role: "volunteer", email: "target@test.ipsm.id" });
    const start = new Date("2026-03-01T02:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      const address = `10.1.0.${i}`; // different addresses: the account counter alone locks
      const r = await verifyLogin({ email: "target@test.ipsm.id", password: "bad", clientAddress: address, now: start });
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await verifyLogin({
      email: "target@test.ipsm.id",
      password: "password-123",
      clientAddress: "10.1.1.1",
      now: new Date(start.getTime() + minutes(1)),
    });
    expect(locked).toEqual({ ok: false, reason: "locked", retryAfterMinutes: LOGIN_LIMITS.lockMinutes - 1 });

    const after = await verifyLogin({
      email: "target@test.ipsm.id",
      password: "password-123",
      clientAddress: "10.1.1.1",
      now: new Date(start.getTime() + minutes(LOGIN_LIMITS.lockMinutes + 1)),
    });
    expect(after.ok).toBe(true);
  });

  it("forgets failures older than the window", async () => {
    await buildUser({ chapterId, role: "volunteer", email: "slow@test.ipsm.id" });
    const start = new Date("2026-03-02T02:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) {
      await verifyLogin({ email: "slow@test.ipsm.id", password: "bad", clientAddress: "10.2.0.1", now: start });
    }
    const later = new Date(start.getTime() + minutes(LOGIN_LIMITS.windowMinutes + 1));
    await verifyLogin({ email: "slow@test.ipsm.id", password: "bad", clientAddress: "10.2.0.1", now: later });
    const ok = await verifyLogin({ email: "slow@test.ipsm.id", password: "password-123", clientAddress: "10.2.0.1", now: later });
    expect(ok.ok).toBe(true);
  });

  it("locks a client address that tries many accounts", async () => {
    const now = new Date("2026-03-03T02:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      await verifyLogin({ email: `guess${i}@test.ipsm.id`, password: "x", clientAddress: "10.9.9.9", now });
    }
    await buildUser({ chapterId, role: "volunteer", email: "innocent@test.ipsm.id" });
    const fromThatAddress = await verifyLogin({ email: "innocent@test.ipsm.id", password: "password-123", clientAddress: "10.9.9.9", now });
    expect(fromThatAddress.ok).toBe(false);
    const fromElsewhere = await verifyLogin({ email: "innocent@test.ipsm.id", password: "password-123", clientAddress: "10.9.9.10", now });
    expect(fromElsewhere.ok).toBe(true);
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
        { key: "ip:old", failures: 2, firstFailureAt: past },
        { key: "ip:locked", failures: 20, firstFailureAt: past, lockedUntil: new Date(Date.now() + minutes(5)) },
        { key: "ip:recent", failures: 1, firstFailureAt: new Date() },
      ],
    });
    await purgeStaleAuthRecords();
    expect(await db.session.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: live.id } })).not.toBeNull();
    const keys = (await db.loginThrottle.findMany({ where: { key: { startsWith: "ip:" } }, select: { key: true } })).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(["ip:locked", "ip:recent"]));
    expect(keys).not.toContain("ip:old");
  });
});
