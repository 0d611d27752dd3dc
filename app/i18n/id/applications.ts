// Indonesian texts: the public application (/apply, "Daftar menjadi PSM"), the privacy notice
// (/privacy), and the board's queue of applications (/members/applications).
export const applications = {
  "apply.title": "Daftar menjadi PSM",
  "apply.choose": "Pilih IPSM di wilayah tempat Anda tinggal.",
  "apply.none": "Belum ada IPSM yang menerima pendaftaran.",
  "apply.intro":
    "Isi data diri Anda untuk mendaftar sebagai Pekerja Sosial Masyarakat di {chapter}. Pengurus akan menghubungi Anda setelah memeriksa pendaftaran.",
  "apply.motivation": "Mengapa Anda ingin menjadi PSM?",
  "apply.consent":
    "Saya sudah membaca pemberitahuan privasi dan setuju data saya disimpan dan diperiksa pengurus IPSM untuk pendaftaran ini.",
  "apply.privacyLink": "Baca pemberitahuan privasi",
  "apply.submit": "Kirim pendaftaran",
  "apply.done.title": "Pendaftaran terkirim",
  "apply.done":
    "Terima kasih. Pendaftaran Anda ke {chapter} sudah kami terima. Pengurus akan menghubungi Anda lewat nomor HP yang Anda isi.",
  "applications.error.phoneRequired": "Isi nomor HP agar pengurus dapat menghubungi Anda.",
  "applications.error.motivationShort": "Ceritakan alasan Anda paling sedikit {min} karakter.",
  "applications.error.consent": "Centang persetujuan untuk mengirim pendaftaran.",
  "applications.error.nikTaken": "NIK ini sudah terdaftar atau sedang diperiksa. Hubungi sekretariat IPSM.",
  "applications.error.tooMany": "Terlalu banyak pendaftaran dari jaringan ini ({count} per jam). Coba lagi nanti.",
  "applications.title": "Pendaftaran masuk",
  "applications.intro":
    "Pendaftaran calon PSM dari halaman publik. Terima untuk mencatatnya sebagai anggota calon; tolak untuk menghapusnya.",
  "applications.empty": "Tidak ada pendaftaran yang menunggu.",
  "applications.link": "Pendaftaran masuk ({count})",
  "applications.received": "Diterima {date}",
  "applications.accept": "Terima sebagai calon",
  "applications.decline": "Tolak",
  "applications.declineConfirm": "Tolak pendaftaran {name}? Datanya dihapus.",
  "applications.accepted": "{name} dicatat sebagai anggota calon.",
  "applications.declined": "Pendaftaran {name} ditolak dan datanya dihapus.",
} as const;
