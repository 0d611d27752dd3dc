// The react-hook-form resolver whose zod schema is loaded with import() (app/utils/lazy-resolver.ts,
// docs/decisions/028): with the real profile schema it gives the same Indonesian messages per
// field as the server, lets valid values through (parsed), and lets the form post when the schema
// cannot be loaded; react-hook-form's own handleSubmit behaves accordingly.
import { createFormControl, type FieldValues, type ResolverOptions } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { t } from "~/i18n";
import { lazyZodResolver } from "~/utils/lazy-resolver";
import { profileFormSchema } from "~/validation/members";

const loadProfileSchema = () => import("~/validation/members").then((m) => m.profileFormSchema);
const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<FieldValues>;
const valid = { phone: "0812-3456-7890", email: "", address: "Jl. Tanjungpura No. 5" };

describe("lazyZodResolver", () => {
  it("answers with the schema's message beside each invalid field", async () => {
    const resolver = lazyZodResolver(loadProfileSchema);
    const result = await resolver({ phone: "12", email: "bukan-email", address: " " }, undefined, options);
    const server = profileFormSchema.safeParse({ phone: "12", email: "bukan-email", address: " " });
    expect(server.success).toBe(false);
    const expected = Object.fromEntries((server.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(Object.keys(result.errors).sort()).toEqual(["address", "email", "phone"]);
    for (const field of ["address", "email", "phone"] as const) {
      expect(result.errors[field]?.message).toBe(expected[field]);
    }
    expect(result.errors.address?.message).toBe(t("validation.required"));
    expect(result.values).toEqual({});
  });

  it("lets valid values through as the schema parses them", async () => {
    const result = await lazyZodResolver(loadProfileSchema)(valid, undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(profileFormSchema.parse(valid));
    expect(result.values.phone).toBe("+6281234567890");
  });

  it("loads the schema once for every form that uses the same loader", async () => {
    const load = vi.fn(loadProfileSchema);
    await lazyZodResolver(load)(valid, undefined, options);
    await lazyZodResolver(load)({ ...valid, address: "" }, undefined, options);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("lets the values through when the schema cannot be loaded, and tries again later", async () => {
    const load = vi
      .fn()
      .mockRejectedValueOnce(new Error("Failed to fetch dynamically imported module"))
      .mockImplementation(loadProfileSchema);
    const resolver = lazyZodResolver(load);
    const offline = await resolver({ phone: "12", email: "", address: "" }, undefined, options);
    expect(offline).toEqual({ values: { phone: "12", email: "", address: "" }, errors: {} });
    const online = await resolver({ phone: "12", email: "", address: "" }, undefined, options);
    expect(Object.keys(online.errors).sort()).toEqual(["address", "phone"]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("react-hook-form with lazyZodResolver", () => {
  const submit = async (resolver: ReturnType<typeof lazyZodResolver>, values: Record<string, string>) => {
    const form = createFormControl({ resolver, defaultValues: values });
    const onValid = vi.fn();
    const onInvalid = vi.fn();
    await form.handleSubmit(onValid, onInvalid)();
    return { onValid, onInvalid, errors: form.control._formState.errors };
  };

  it("keeps an invalid form in the browser with the messages beside the fields", async () => {
    const { onValid, onInvalid, errors } = await submit(lazyZodResolver(loadProfileSchema), { ...valid, address: "" });
    expect(onValid).not.toHaveBeenCalled();
    expect(onInvalid).toHaveBeenCalledOnce();
    expect(errors.address?.message).toBe(t("validation.required"));
  });

  it("sends a valid form", async () => {
    const { onValid, onInvalid } = await submit(lazyZodResolver(loadProfileSchema), valid);
    expect(onInvalid).not.toHaveBeenCalled();
    expect(onValid).toHaveBeenCalledOnce();
  });

  it("sends the form as it is when the schema cannot be loaded (the server checks it)", async () => {
    const offline = () => Promise.reject(new Error("Failed to fetch dynamically imported module"));
    const { onValid, onInvalid } = await submit(lazyZodResolver(offline), { ...valid, address: "" });
    expect(onInvalid).not.toHaveBeenCalled();
    expect(onValid).toHaveBeenCalledOnce();
  });
});
