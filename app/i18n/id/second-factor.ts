// The Indonesian catalogue, second-factor part (issue 17, docs/decisions/024): the code step of
// the sign-in (/login/code), the user's own page (/profile/second-factor: turn on with an
// authenticator app, recovery codes, turn off), the card on /profile, the administrator's
// chapter setting, and the audit log's names for what happened.
export const secondFactor = {
  // The sign-in's second step
  "secondFactor.login.title": "Verifikasi dua langkah",
  "secondFactor.login.intro":
    "Buka aplikasi autentikator di ponsel Anda (mis. Google Authenticator atau Aegis) dan ketik 6 angka untuk Portal IPSM.",
  "secondFactor.login.code": "Kode 6 angka",
  "secondFactor.login.submit": "Verifikasi",
  "secondFactor.login.recoveryToggle": "Tidak bisa membuka aplikasi? Pakai kode pemulihan",
  "secondFactor.login.recoveryIntro":
    "Ketik salah satu kode pemulihan yang Anda catat saat mengaktifkan verifikasi dua langkah. Setiap kode hanya berlaku sekali.",
  "secondFactor.login.recoveryCode": "Kode pemulihan",
  "secondFactor.login.recoverySubmit": "Masuk dengan kode pemulihan",
  "secondFactor.login.cancel": "Batal, kembali ke halaman masuk",
  "secondFactor.login.expired": "Waktu untuk memasukkan kode sudah habis. Masuk lagi dengan email dan kata sandi.",
  "secondFactor.login.wrongCode": "Kode salah atau sudah kedaluwarsa. Periksa jam ponsel Anda dan coba kode yang baru.",
  "secondFactor.login.usedCode": "Kode ini baru saja dipakai. Tunggu kode berikutnya di aplikasi.",
  "secondFactor.login.wrongRecovery": "Kode pemulihan salah atau sudah pernah dipakai.",
  "secondFactor.login.throttled": "Terlalu banyak kode yang salah. Coba lagi dalam {wait}.",
  "secondFactor.login.recoveryLeft":
    "Anda masuk dengan kode pemulihan. Sisa kode pemulihan: {count}. Buat kode baru di Verifikasi dua langkah bila hampir habis.",

  // The user's own page
  "secondFactor.title": "Verifikasi dua langkah",
  "secondFactor.intro":
    "Selain kata sandi, portal meminta 6 angka dari aplikasi autentikator di ponsel Anda setiap kali masuk. Orang yang mengetahui kata sandi Anda tetap tidak dapat masuk tanpa ponsel Anda.",
  "secondFactor.profileLink": "Atur verifikasi dua langkah",
  "secondFactor.status.on": "Aktif sejak {date}.",
  "secondFactor.status.off": "Belum aktif.",
  "secondFactor.status.recoveryLeft": "Kode pemulihan yang belum dipakai: {count} dari 10.",
  "secondFactor.status.required": "IPSM Anda mewajibkan verifikasi dua langkah untuk jabatan Anda.",
  "secondFactor.status.requiredNow":
    "IPSM Anda mewajibkan verifikasi dua langkah untuk administrator dan pengurus yang mengelola uang atau data pribadi. Aktifkan sekarang untuk melanjutkan.",
  "secondFactor.start": "Aktifkan verifikasi dua langkah",
  "secondFactor.enrol.title": "Hubungkan aplikasi autentikator",
  "secondFactor.enrol.step1": "Pasang aplikasi autentikator di ponsel Anda, misalnya Google Authenticator atau Aegis.",
  "secondFactor.enrol.step2": "Di aplikasi, pilih tambah akun lalu pindai kode QR ini.",
  "secondFactor.enrol.qrAlt": "Kode QR untuk aplikasi autentikator",
  "secondFactor.enrol.manual": "Tidak bisa memindai? Ketik kunci ini di aplikasi (jenis: berbasis waktu):",
  "secondFactor.enrol.step3": "Ketik 6 angka yang muncul di aplikasi, dan kata sandi Anda untuk memastikan ini memang Anda.",
  "secondFactor.enrol.code": "Kode 6 angka dari aplikasi",
  "secondFactor.enrol.password": "Kata sandi Anda",
  "secondFactor.enrol.submit": "Aktifkan",
  "secondFactor.enrol.cancel": "Batal",
  "secondFactor.enrol.expired": "Waktu untuk menghubungkan aplikasi sudah habis. Mulai lagi.",
  "secondFactor.enrol.already": "Verifikasi dua langkah sudah aktif.",
  "secondFactor.enrol.done": "Verifikasi dua langkah aktif.",
  "secondFactor.enrol.doneEnded": "Verifikasi dua langkah aktif. {count} sesi lain sudah dikeluarkan.",
  "secondFactor.codes.title": "Kode pemulihan Anda",
  "secondFactor.codes.intro":
    "Tulis atau cetak kode-kode ini dan simpan di tempat aman, terpisah dari ponsel Anda. Bila ponsel hilang, setiap kode dapat dipakai sekali untuk masuk. Kode ini hanya ditampilkan sekarang.",
  "secondFactor.codes.continue": "Saya sudah mencatatnya, lanjutkan",
  "secondFactor.regenerate.title": "Kode pemulihan baru",
  "secondFactor.regenerate.intro": "Membuat 10 kode baru; semua kode lama tidak berlaku lagi.",
  "secondFactor.regenerate.submit": "Buat kode pemulihan baru",
  "secondFactor.disable.title": "Matikan verifikasi dua langkah",
  "secondFactor.disable.intro": "Setelah dimatikan, akun Anda hanya dilindungi kata sandi.",
  "secondFactor.disable.submit": "Matikan",
  "secondFactor.disable.done": "Verifikasi dua langkah dimatikan.",
  "secondFactor.disable.required": "Verifikasi dua langkah tidak dapat dimatikan: IPSM Anda mewajibkannya untuk jabatan Anda.",
  "secondFactor.confirm.label": "Kode 6 angka dari aplikasi atau kata sandi Anda",
  "secondFactor.confirm.wrong": "Kode atau kata sandi salah.",
  "secondFactor.notEnabled": "Verifikasi dua langkah belum aktif.",

  // Validation
  "secondFactor.error.code": "Ketik 6 angka dari aplikasi autentikator.",
  "secondFactor.error.recoveryCode": "Ketik kode pemulihan seperti yang tertulis, mis. abcd-efgh-jkmn.",
  "secondFactor.error.confirm": "Ketik kode dari aplikasi atau kata sandi Anda.",
  "secondFactor.error.password": "Kata sandi salah.",

  // The administrator's chapter setting (/chapters/:id)
  "secondFactor.chapter.title": "Verifikasi dua langkah",
  "secondFactor.chapter.require": "Wajibkan verifikasi dua langkah",
  "secondFactor.chapter.help":
    "Administrator dan pengurus yang mengelola uang atau data pribadi (Ketua, Wakil Ketua, Sekretaris, Wakil Sekretaris, Bendahara) harus memakai aplikasi autentikator untuk masuk. Yang belum mengaktifkannya diarahkan ke halaman pengaturannya, dan tidak ada yang dapat mematikannya selama diwajibkan.",
  "secondFactor.chapter.save": "Simpan pengaturan verifikasi",
  "secondFactor.chapter.saved": "Pengaturan verifikasi dua langkah disimpan.",

  // The audit log
  "audit.action.auth.login.password": "Kata sandi benar, menunggu kode verifikasi dua langkah",
  "audit.action.auth.second-factor.enable": "Verifikasi dua langkah diaktifkan",
  "audit.action.auth.second-factor.disable": "Verifikasi dua langkah dimatikan",
  "audit.action.auth.second-factor.recovery-codes": "Kode pemulihan dibuat ulang",
  "audit.action.auth.second-factor.recovery-code-used": "Masuk dengan kode pemulihan",
  "audit.action.chapter.second-factor": "Kewajiban verifikasi dua langkah diubah",
  "audit.action.auth.second-factor.reset": "Verifikasi dua langkah dimatikan oleh pengurus",
  "secondFactor.reset.title": "Verifikasi dua langkah",
  "secondFactor.reset.on": "Login ini memakai verifikasi dua langkah sejak {date}.",
  "secondFactor.reset.intro":
    "Bila pemiliknya kehilangan ponsel dan kode pemulihan, matikan verifikasi dua langkahnya. Semua sesinya berakhir; ia masuk dengan kata sandinya (beri tautan atur ulang bila lupa) dan, bila IPSM mewajibkannya, memasang aplikasi lagi.",
  "secondFactor.reset.reasonLabel": "Alasan (mis. ponsel hilang, dikonfirmasi lewat telepon)",
  "secondFactor.reset.reason": "Tulis alasannya (paling sedikit 5 karakter).",
  "secondFactor.reset.submit": "Matikan verifikasi dua langkah",
  "secondFactor.reset.notOn": "Login ini tidak memakai verifikasi dua langkah.",
  "secondFactor.reset.done": "Verifikasi dua langkah {name} dimatikan. Semua sesinya berakhir.",
} as const;
