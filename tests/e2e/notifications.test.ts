// Notifications in the browser (docs/decisions/029): the Koordinator Kecamatan returns an
// activity and gets a ready WhatsApp message carrying the reason; the volunteer sees the unread
// count in the header, opens the notification and lands on the activity, which is then read.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signedInPhone } from "../support/browser";

const baseURL = inject("baseURL");
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function signedIn(email: string): Promise<Page> {
  const { context, page } = await signedInPhone(browser, baseURL, email);
  contexts.push(context);
  return page;
}

describe("a returned activity reaches its volunteer", () => {
  it("by the header's unread count and the notification, and by a WhatsApp link with the reason", async () => {
    const volunteer = await signedIn("relawan@demo.ipsm.id");
    // start from nothing unread
    await volunteer.goto("/notifications");
    const markAll = volunteer.getByRole("button", { name: "Tandai semua sudah dibaca" });
    if (await markAll.count()) {
      await markAll.click();
      await volunteer.getByText("Semua pemberitahuan ditandai sudah dibaca.").waitFor();
    }
    await expect(volunteer.getByTestId("notification-badge").innerText()).resolves.toBe("Pemberitahuan");

    // the volunteer logs an activity in Pontianak Kota
    await volunteer.goto("/activities/new");
    await volunteer.getByLabel("Jam mulai").fill("08:00");
    await volunteer.getByLabel("Jam selesai").fill("09:30");
    await volunteer.getByLabel("Jenis kegiatan").selectOption({ label: "Kunjungan rumah / validasi data PPKS" });
    await volunteer.getByLabel("Cari kelurahan atau kecamatan").fill("tengah");
    await volunteer.getByLabel("Kelurahan/desa", { exact: true }).selectOption({ label: "Tengah" });
    await volunteer.getByLabel("Jumlah rumah tangga (KK) yang dijangkau").fill("1");
    await volunteer.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
    await volunteer.getByText("Kegiatan dikirim untuk verifikasi.").waitFor();
    const activityUrl = new URL(volunteer.url()).pathname;
    expect(activityUrl).toMatch(/^\/activities\/\w+$/);

    // the Koordinator Kecamatan returns it with a reason
    const coordinator = await signedIn("korcam@demo.ipsm.id");
    await coordinator.goto(activityUrl);
    const reason = "Narasi belum menyebut siapa yang dikunjungi";
    await coordinator.getByLabel("Alasan dikembalikan").fill(reason);
    await coordinator.getByRole("button", { name: "Kembalikan" }).click();
    await coordinator.getByText("1 kegiatan dikembalikan ke relawan.").waitFor();
    const whatsapp = coordinator.getByRole("link", { name: /^Kirim pemberitahuan lewat WhatsApp/ });
    const href = new URL((await whatsapp.getAttribute("href"))!);
    expect(href.origin).toBe("https://wa.me");
    expect(href.pathname).toMatch(/^\/628\d{8,11}$/);
    expect(href.searchParams.get("text")).toContain(reason);
    expect(href.searchParams.get("text")).toContain("IPSM Kota Pontianak");

    // the volunteer's header counts it; the notification leads to the activity
    await volunteer.goto("/");
    const badge = volunteer.getByTestId("notification-badge");
    await expect(badge.innerText()).resolves.toBe("Pemberitahuan (1)");
    await badge.click();
    await volunteer.getByRole("heading", { level: 1, name: "Pemberitahuan" }).waitFor();
    const item = volunteer.getByTestId("notifications").getByRole("listitem").first();
    await expect(item.innerText()).resolves.toContain(reason);
    await item.getByRole("link", { name: "Kegiatan Anda dikembalikan" }).click();
    await volunteer.waitForURL((url) => url.pathname === activityUrl);
    await expect(volunteer.getByTestId("return-reason").textContent()).resolves.toContain(reason);
    await expect(volunteer.getByTestId("notification-badge").innerText()).resolves.toBe("Pemberitahuan");
  });
});
