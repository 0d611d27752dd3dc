// Indonesian texts: the first-run setup page (/setup) and `npm run setup`.
export const setup = {
  "setup.title": "Penyiapan Portal IPSM",
  "setup.intro":
    "Portal ini belum disiapkan. Buat akun administrator pertama dan IPSM pertama. Kode penyiapan tertulis di log server saat server dijalankan.",
  "setup.section.code": "Kode penyiapan",
  "setup.code": "Kode penyiapan dari log server",
  "setup.codeHint": "Contoh: ABCD-EF23-GH45. Tanda hubung dan huruf besar/kecil tidak berpengaruh.",
  "setup.section.admin": "Administrator pertama",
  "setup.adminName": "Nama lengkap administrator",
  "setup.adminEmail": "Email administrator (untuk masuk)",
  "setup.password": "Kata sandi administrator",
  "setup.passwordHint": "Paling sedikit {min} karakter.",
  "setup.confirm": "Ulangi kata sandi",
  "setup.section.chapter": "IPSM pertama",
  "setup.submit": "Siapkan portal",
  "setup.done": "Portal siap. Selamat datang, {name}.",
  "setup.error.codeRequired": "Masukkan kode penyiapan dari log server.",
  "setup.error.codeWrong": "Kode penyiapan salah. Salin kode dari log server.",
  "setup.error.codeReplaced": "Kode penyiapan salah terlalu sering. Kode baru sudah ditulis di log server.",
  "setup.error.emailTaken": "Email ini sudah dipakai.",
  "setup.error.alreadyDone": "Portal sudah disiapkan. Penyiapan hanya dapat dilakukan sekali.",
} as const;
