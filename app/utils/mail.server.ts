// Outgoing mail through nodemailer, when SMTP_URL and MAIL_FROM are set (.env). Without them the
// portal works as before: nothing is sent and the board shares links itself. A failure to send
// never fails the action that wanted the mail: it is logged, and the caller says it was not sent.
import nodemailer, { type Transporter } from "nodemailer";
import { mailSettings } from "./env.server";

export type Mail = { to: string; subject: string; text: string; html: string };

let transport: { url: string; transporter: Transporter } | null = null;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** Whether mail can be sent at all. */
export function mailConfigured(): boolean {
  return mailSettings() !== null;
}

/** Sends one message and throws what the SMTP server (or the connection) answered when it fails. */
export async function deliverMail(mail: Mail): Promise<void> {
  const settings = mailSettings();
  if (!settings) throw new Error("SMTP_URL / MAIL_FROM are not set");
  await transporterFor(settings.url).sendMail({ from: settings.from, ...mail });
}

/** Sends one message; true when the SMTP server accepted it, false when mail is not configured or sending failed. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const settings = mailSettings();
  if (!settings) return false;
  try {
    await transporterFor(settings.url).sendMail({ from: settings.from, ...mail });
    return true;
  } catch (error) {
    console.error(`Mail to ${mail.to} was not sent: ${error instanceof Error ? error.message : error}`);
    return false;
  }
}

/** Escapes text for the HTML part of a message. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
