// The privacy notice (UU 27/2022 on Pelindungan Data Pribadi), consent, the member's rights and
// the retention settings. Keep docs/privacy.md in step with it; a change of content needs a new
// PRIVACY_NOTICE_VERSION (app/validation/privacy.ts).
export const privacy = {
  "privacy.title": "Pemberitahuan privasi",
  "privacy.footer": "Pemberitahuan privasi",
  "privacy.version": "Versi {version}",
  "privacy.intro":
    "Portal IPSM dikelola oleh IPSM (Ikatan Pekerja Sosial Masyarakat) kabupaten/kota untuk mencatat anggota, kegiatan, pelatihan, program, dan laporan kepada Dinas Sosial. IPSM kabupaten/kota yang mengelola keanggotaan Anda adalah pengendali data pribadi Anda menurut Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
  "privacy.kept.title": "Data yang kami simpan",
  "privacy.kept.members":
    "Anggota dan pendaftar: nama, NIK, jenis kelamin, tanggal lahir, alamat, kelurahan, nomor HP, email, foto kartu anggota, status keanggotaan, jabatan pengurus, pelatihan dan sertifikat, serta kegiatan yang Anda catat.",
  "privacy.kept.residents":
    "Warga yang didampingi: jumlah orang per kategori PPKS dan kelurahan, uraian kegiatan, foto kegiatan, dan tindak lanjut kasus. NIK atau nomor KK warga hanya disimpan bila IPSM Anda memilih menyimpannya untuk tindak lanjut, dan hanya dilihat pengurus yang berwenang.",
  "privacy.kept.accounts":
    "Akun: email, nama, waktu masuk, sesi yang aktif, dan catatan audit (siapa mengubah atau melihat data penting, kapan). Pemberitahuan di portal, email pemberitahuan yang dikirim kepada Anda, dan pilihan Anda menerima email per jenis pemberitahuan. Di ponsel Anda: halaman yang terakhir dilihat dan kegiatan yang belum terkirim (sampai terkirim atau sampai Anda keluar dari akun).",
  "privacy.why.title": "Untuk apa",
  "privacy.why.body":
    "Untuk mengelola keanggotaan dan kartu anggota, mengatur pengurus, mencatat pelatihan dan kompetensi, mencatat dan memverifikasi kegiatan pendampingan, mengelola program bersama mitra CSR, dan menyusun laporan kepada Dinas Sosial. Data tidak dijual dan tidak dipakai untuk keperluan lain. Juga untuk memberi tahu Anda hal yang perlu Anda tindak lanjuti, di portal dan lewat email bila IPSM Anda memakainya. Portal tidak mengirim WhatsApp; pengurus dapat membuka WhatsApp mereka sendiri dengan pesan yang sudah disiapkan ke nomor HP Anda.",
  "privacy.who.title": "Siapa yang melihat apa",
  "privacy.who.body":
    "Anda melihat data Anda sendiri. Pengurus IPSM melihat data anggota sesuai jabatannya (NIK ditampilkan tersamar kecuali untuk yang berwenang). Dinas Sosial menerima angka rekapitulasi dalam laporan, tidak pernah nama atau NIK warga yang didampingi. Mitra CSR menerima laporan program berisi angka dan foto kegiatan, tanpa data pribadi warga.",
  "privacy.retention.title": "Berapa lama",
  "privacy.retention.members":
    'Data anggota disimpan selama Anda menjadi anggota. Setelah Anda berhenti, data disimpan selama masa simpan yang ditetapkan IPSM Anda (biasanya 12 bulan), lalu atas permintaan Anda pengurus dapat menganonimkannya: nama, NIK, kontak, dan foto dihapus, sedangkan angka kegiatan tetap tercatat atas nama "anggota dianonimkan".',
  "privacy.retention.residents":
    "NIK atau nomor KK warga pada tindak lanjut dihapus otomatis setelah masa simpan yang ditetapkan IPSM sejak tindak lanjut selesai.",
  "privacy.retention.accounts":
    "Sesi masuk berakhir paling lama {hours} jam lalu dihapus; catatan percobaan masuk yang gagal dihapus setelah 15 menit; tautan undangan dan atur ulang kata sandi berlaku paling lama 7 hari lalu dihapus. Pendaftaran yang ditolak langsung dihapus; pendaftaran yang tidak diputuskan dalam 180 hari dihapus otomatis. Laporan yang sudah dikirim ke Dinas Sosial disimpan apa adanya sebagai dokumen resmi. Pemberitahuan yang sudah dibaca dihapus setelah 6 bulan dan semua pemberitahuan setelah 12 bulan; isi email pemberitahuan dihapus 30 hari setelah terkirim (90 hari bila gagal terkirim).",
  "privacy.rights.title": "Hak Anda",
  "privacy.rights.body":
    'Anda berhak mengetahui, mendapat salinan, memperbaiki, dan meminta penghapusan data Anda, serta menarik persetujuan. Salinan lengkap dapat diunduh sendiri lewat menu Profil ("Unduh data saya"). Nomor HP, email, dan alamat dapat Anda perbaiki di Profil; data lain diperbaiki oleh sekretariat IPSM. Untuk penghapusan atau pertanyaan lain, hubungi sekretariat IPSM Anda; permintaan dijawab paling lambat 3 x 24 jam sesuai undang-undang.',
  "privacy.security.title": "Di mana dan bagaimana data dijaga",
  "privacy.security.body":
    "Data disimpan di server yang dikelola IPSM Anda, bersama cadangannya. Kata sandi disimpan dalam bentuk tersandi, akses dibatasi menurut peran dan jabatan, dan setiap perubahan data penting dicatat.",
  "privacy.consent.title": "Persetujuan pemberitahuan privasi",
  "privacy.consent.intro":
    "Sebelum melanjutkan, bacalah pemberitahuan privasi Portal IPSM. Persetujuan Anda dicatat beserta tanggal dan versi pemberitahuannya.",
  "privacy.consent.updated": "Pemberitahuan privasi telah diperbarui sejak persetujuan Anda sebelumnya.",
  "privacy.consent.read": "Baca pemberitahuan privasi selengkapnya",
  "privacy.consent.check": "Saya sudah membaca pemberitahuan privasi dan menyetujui pengolahan data saya untuk keperluan keanggotaan IPSM.",
  "privacy.consent.required": "Centang persetujuan untuk melanjutkan.",
  "privacy.consent.submit": "Setuju dan lanjutkan",
  "privacy.consent.decline": "Bila Anda tidak setuju, jangan centang; hubungi sekretariat IPSM Anda, lalu keluar dari akun ini.",
  "privacy.consent.done": "Terima kasih. Persetujuan Anda tercatat.",
  "privacy.consent.label": "Persetujuan privasi",
  "privacy.consent.given": "{date} (versi {version})",
  "privacy.consent.none": "Belum tercatat (diminta saat anggota masuk ke portal)",
  "privacy.consent.outdated": "{date} (versi {version}, sebelum versi sekarang)",
  "privacy.anonymise.title": "Anonimkan anggota",
  "privacy.anonymise.intro":
    'Atas permintaan anggota yang sudah berhenti, hapus identitasnya: nama, NIK, tanggal lahir, alamat, kontak, dan foto. Kegiatan dan angka tetap tercatat atas nama "anggota dianonimkan"; laporan yang sudah dikirim tidak berubah. Tindakan ini tidak dapat dibatalkan.',
  "privacy.anonymise.reason": "Alasan (mis. permintaan tertulis anggota tanggal ...)",
  "privacy.anonymise.confirm": "Ketik ANONIMKAN untuk memastikan",
  "privacy.anonymise.submit": "Anonimkan anggota ini",
  "privacy.anonymise.notLeft":
    "Hanya anggota yang sudah berhenti (mengundurkan diri, diberhentikan, atau meninggal) yang dapat dianonimkan.",
  "privacy.anonymise.tooSoon": "Masa simpan data anggota yang berhenti adalah {months} bulan: anggota ini dapat dianonimkan mulai {date}.",
  "privacy.anonymise.already": "Anggota ini sudah dianonimkan.",
  "privacy.anonymise.confirmWrong": "Ketik ANONIMKAN (huruf besar) untuk memastikan.",
  "privacy.anonymise.done": "Identitas anggota telah dihapus. Kegiatannya tetap tercatat sebagai anggota dianonimkan.",
  "privacy.anonymise.name": "Anggota dianonimkan",
  "privacy.anonymise.badge": "Dianonimkan {date}",
  "privacy.retention.settings.title": "Masa simpan data",
  "privacy.retention.settings.members": "Masa simpan data anggota yang berhenti (bulan)",
  "privacy.retention.settings.members.hint": "Setelah masa ini, pengurus dapat menganonimkan anggota atas permintaannya.",
  "privacy.retention.settings.cases": "Masa simpan NIK/KK warga setelah tindak lanjut selesai (bulan)",
  "privacy.retention.settings.cases.hint": "Setelah masa ini NIK/KK pada tindak lanjut dihapus otomatis setiap hari.",
  "privacy.retention.settings.range": "Isi bilangan bulat {min} sampai {max} bulan.",
  "privacy.retention.settings.saved": "Masa simpan data disimpan.",
  "privacy.caseIdentifier.erased": "Dihapus otomatis {date} (masa simpan berakhir)",
} as const;
