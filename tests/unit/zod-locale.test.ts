// Every message zod writes itself is Indonesian: a schema that sets no message of its own still
// answers a person in their language, in the browser and on the server.
import { describe, expect, it } from "vitest";
import { z } from "~/validation/zod";

describe("zod's own messages", () => {
  it("are Indonesian for a schema without messages of its own", () => {
    const schema = z.object({ name: z.string().min(3), age: z.number().int(), kind: z.enum(["a", "b"]) });
    const result = schema.safeParse({ name: "ab", age: 1.5, kind: "c" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toHaveLength(3);
    for (const message of messages) {
      expect(message).not.toMatch(/\b(Too small|expected|Invalid)\b/);
    }
    expect(messages.join(" ")).toMatch(/Terlalu kecil|Input tidak valid/);
  });
});
