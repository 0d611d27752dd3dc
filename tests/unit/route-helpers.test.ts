// The one place where a domain outcome becomes an HTTP answer (~/http/outcome.server,
// docs/decisions/016): forbidden 403, not found 404, invalid 400 with the form's messages and
// what was typed, conflict 409 with its sentence as the form's message; the Indonesian sentences
// pass through untouched. (requireActor, which needs a session, is covered in
// tests/integration/routes.test.ts.)
import { describe, expect, it } from "vitest";
import { conflict, forbidden, invalid, notFound, ok } from "~/domain/shared/outcome.server";
import { t } from "~/i18n";
import { badRequest, formRefusal, invalidForm, unwrap } from "~/http/outcome.server";
import { dataOf, statusOf } from "../support/requests";

const SENTENCE = "Laporan ini sudah diajukan dan tidak dapat diubah lagi.";

/** The Response a helper throws; fails when it does not throw one. */
function thrownBy(work: () => unknown): Response {
  try {
    work();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected a thrown Response");
}

describe("unwrap", () => {
  it("gives the values of a success", () => {
    expect(unwrap(ok({ member: { id: "m1" } }))).toEqual({ ok: true, member: { id: "m1" } });
  });

  it("throws forbidden as 403 and not found as 404; without a sentence the body is the bare status text the error pages ignore", async () => {
    const denied = thrownBy(() => unwrap(forbidden()));
    expect(denied.status).toBe(403);
    expect(await denied.text()).toBe("Forbidden");
    const missing = thrownBy(() => unwrap(notFound()));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Not Found");
  });

  it("throws a refusal's Indonesian sentence as plain text for the error page", async () => {
    const denied = thrownBy(() => unwrap(forbidden("Hanya Ketua yang dapat mengajukan laporan.")));
    expect(denied.status).toBe(403);
    expect(denied.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await denied.text()).toBe("Hanya Ketua yang dapat mengajukan laporan.");

    const taken = thrownBy(() => unwrap(conflict(SENTENCE)));
    expect(taken.status).toBe(409);
    expect(await taken.text()).toBe(SENTENCE);

    const wrong = thrownBy(() => unwrap(invalid({ date: "Tanggal tidak valid." }, "Periksa kembali isian formulir.")));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toBe("Periksa kembali isian formulir.");
  });
});

describe("formRefusal", () => {
  const values = { fullName: "Siti Aminah", phone: "0812" };

  it("answers invalid with 400, its messages and what was typed, and any extra values", () => {
    const result = formRefusal(invalid({ phone: "Nomor telepon tidak valid." }, "Periksa kembali isian formulir."), {
      values,
      intent: "contact",
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf(result)).toEqual({
      intent: "contact",
      fieldErrors: { phone: "Nomor telepon tidak valid." },
      formError: "Periksa kembali isian formulir.",
      values,
    });
  });

  it("keeps the values an invalid refusal carries besides its messages", () => {
    const refusal = invalid({ nik: "NIK sudah terdaftar." }, undefined, { existingMember: { id: "m1", name: "Siti" } });
    const result = formRefusal(refusal, { values });
    expect(statusOf(result)).toBe(400);
    expect(dataOf(result)).toEqual({ existingMember: { id: "m1", name: "Siti" }, fieldErrors: { nik: "NIK sudah terdaftar." }, values });
  });

  it("answers conflict with 409 and its sentence as the form's message", () => {
    const result = formRefusal(conflict(SENTENCE, { number: "Nomor sudah dipakai." }), { values });
    expect(statusOf(result)).toBe(409);
    expect(dataOf(result)).toEqual({ fieldErrors: { number: "Nomor sudah dipakai." }, formError: SENTENCE, values });
    expect(dataOf(formRefusal(conflict(SENTENCE)))).toEqual({ fieldErrors: {}, formError: SENTENCE, values: {} });
  });

  it("throws forbidden (403) and not found (404) as the error page", async () => {
    expect(thrownBy(() => formRefusal(forbidden(), { values })).status).toBe(403);
    const missing = thrownBy(() => formRefusal(notFound("Anggota tidak ditemukan."), { values }));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Anggota tidak ditemukan.");
  });
});

describe("invalidForm", () => {
  it("answers what the schema refused with 400, its messages and what was typed", () => {
    const parsed = { fieldErrors: { email: "Email tidak valid." }, values: { email: "siti@" } };
    const result = invalidForm(parsed);
    expect(statusOf(result)).toBe(400);
    expect(dataOf(result)).toEqual({ fieldErrors: { email: "Email tidak valid." }, values: { email: "siti@" } });
  });

  it("keeps the form's message and merges the extra values", () => {
    const result = invalidForm({ fieldErrors: {}, values: {}, formError: "Berkas tidak dapat dibaca." }, { intent: "upload" });
    expect(dataOf(result)).toEqual({ intent: "upload", fieldErrors: {}, values: {}, formError: "Berkas tidak dapat dibaca." });
  });
});

describe("badRequest", () => {
  it("throws 400 with the Indonesian sentence, the general one by default", async () => {
    const general = thrownBy(() => badRequest());
    expect(general.status).toBe(400);
    expect(await general.text()).toBe(t("error.400"));
    const own = thrownBy(() => badRequest("Permintaan tidak dikenal."));
    expect(own.status).toBe(400);
    expect(await own.text()).toBe("Permintaan tidak dikenal.");
  });
});
