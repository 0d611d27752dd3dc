// Indonesian texts: importing members from .xlsx/.csv (dry run, then all or nothing) and
// exporting the filtered member list.
export const memberImport = {
  // The upload page
  "import.title": "Impor anggota",
  "import.intro":
    "Unggah daftar anggota dalam berkas Excel (.xlsx) atau CSV. Portal memeriksa setiap baris lebih dulu; tidak ada yang disimpan sebelum Anda menyetujui hasil pemeriksaan.",
  "import.template": "Unduh templat Excel",
  "import.templateHint":
    "Gunakan templat ini: satu baris per anggota, tanggal dengan format HH/BB/TTTT, kelurahan dan kecamatan ditulis namanya.",
  "import.steps.title": "Cara mengimpor",
  "import.steps.1": 'Unduh templat Excel dan isi satu baris untuk setiap anggota. Penjelasan setiap kolom ada di lembar "Petunjuk".',
  "import.steps.2": 'Unggah berkas (.xlsx atau .csv, paling besar 10 MB, paling banyak 20.000 baris) lalu tekan "Periksa berkas".',
  "import.steps.3":
    "Periksa hasilnya baris demi baris: anggota baru, anggota yang diperbarui (NIK sudah terdaftar), dan baris yang ditolak beserta alasannya.",
  "import.steps.4": 'Bila tidak ada baris yang ditolak, tekan "Simpan semua". Semua baris disimpan sekaligus, atau tidak sama sekali.',
  "import.file": "Berkas daftar anggota",
  "import.check": "Periksa berkas",
  "import.checking": "Memeriksa…",
  "import.link": "Impor dari Excel/CSV",

  // Files that cannot be used
  "import.error.type": "Berkas harus berformat .xlsx atau .csv.",
  "import.error.unreadable": "Berkas tidak dapat dibaca. Simpan ulang sebagai .xlsx atau .csv lalu coba lagi.",
  "import.error.noHeader": 'Baris judul kolom tidak ditemukan. Pastikan ada kolom "Nama Lengkap" dan "NIK" seperti pada templat.',
  "import.error.empty": "Berkas tidak berisi data anggota.",
  "import.error.noHeaderSheet": 'Lembar "{sheet}" tidak memiliki baris judul kolom ("Nama Lengkap" dan "NIK"). Pilih lembar lain.',
  "import.error.noSheet": 'Lembar "{sheet}" tidak ada di berkas ini.',
  "import.error.tooMany": "Paling banyak {max} baris sekali impor; berkas ini berisi {count} baris. Bagi berkas menjadi beberapa bagian.",
  "import.error.size": "Ukuran berkas paling besar 10 MB.",
  "import.error.missing": "Pilih berkas terlebih dahulu.",
  "import.error.connection": "Sambungan terputus saat menyimpan. Muat ulang halaman ini untuk melihat apakah impor sudah tersimpan.",
  "import.error.commitFailed": "Impor gagal disimpan; tidak ada data yang berubah. Coba lagi atau hubungi pengelola portal.",

  // Why a row is refused, what to look at
  "import.reason.field": "{column}: {message}",
  "import.reason.date.notDate":
    '{column}: "{value}" bukan tanggal yang dikenali (gunakan HH/BB/TTTT, misalnya 17/08/1990 atau 17 Agustus 1990).',
  "import.reason.date.yearOnly": '{column}: "{value}" hanya tahun, bukan tanggal lengkap. Tulis tanggal, bulan dan tahun (HH/BB/TTTT).',
  "import.reason.date.number":
    '{column}: "{value}" berupa angka, bukan tanggal. Tulis tanggal sebagai HH/BB/TTTT atau format sel sebagai tanggal.',
  "import.reason.date.shortYear": '{column}: "{value}" memakai tahun dua angka; tulis tahun lengkap (HH/BB/TTTT).',
  "import.reason.date.monthFirst":
    '{column}: "{value}" tampaknya ditulis bulan lebih dulu (BB/HH/TTTT). Tulis hari lebih dulu: HH/BB/TTTT.',
  "import.reason.futureDate": '{column}: "{value}" jatuh setelah hari ini; tanggal ini tidak boleh di masa depan.',
  "import.reason.nikNumber":
    'NIK: "{value}" tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang (Excel hanya menyimpan 15 digit). Format kolom NIK sebagai Teks, ketik ulang NIK-nya, lalu unggah lagi.',
  "import.reason.nikRoundedColumn":
    'NIK: "{value}" tidak dapat dipercaya: semua NIK di kolom ini berakhiran 0, tanda kolom itu diformat sebagai angka di Excel (Excel hanya menyimpan 15 digit). Format kolom NIK sebagai Teks, ketik ulang NIK-nya, lalu unggah sebagai .xlsx.',
  "import.reason.nikMasked":
    'NIK: "{value}" disamarkan. Unduh ulang daftar anggota dengan NIK lengkap (pengurus yang berwenang), lalu unggah berkas itu.',
  "import.reason.numberLost":
    '{column}: "{value}" tersimpan sebagai angka di Excel sehingga angkanya berubah. Format kolom sebagai Teks lalu ketik ulang isinya.',
  "import.reason.unreadable":
    "{column}: berisi karakter yang tidak terbaca (karakter kontrol atau salah pengodean). Perbaiki sel tersebut, atau simpan ulang berkas sebagai CSV UTF-8.",
  "import.reason.sex": 'Jenis Kelamin: "{value}" tidak dikenal (gunakan L atau P, Laki-laki atau Perempuan).',
  "import.reason.villageUnknown": 'Kelurahan/desa "{name}" tidak ditemukan di wilayah IPSM ini.',
  "import.reason.villageMissing": "Kelurahan/Desa: wajib diisi.",
  "import.reason.villageAmbiguous": 'Ada lebih dari satu kelurahan/desa bernama "{name}"; isi juga kolom Kecamatan.',
  "import.reason.status":
    'Status "{value}" tidak dikenal (gunakan Calon, Aktif, Nonaktif, Mengundurkan diri, Meninggal atau Diberhentikan).',
  "import.reason.membershipType": 'Jenis keanggotaan "{value}" tidak dikenal (gunakan Biasa atau Kehormatan).',
  "import.reason.nikRepeated": "NIK sama dengan baris {row}.",
  "import.reason.emailRepeated": "Email sama dengan baris {row}.",
  "import.warning.phoneRestored": 'No. HP "{value}" tersimpan sebagai angka tanpa 0 di depan; angka 0 ditambahkan kembali.',
  "import.rowInSheet": "{row} (lembar {sheet})",
  "import.warning.statusKept": "Status anggota yang sudah terdaftar tidak diubah oleh impor.",
  "import.warning.nearDuplicate": "Nama dan tanggal lahir sama dengan anggota {name} ({number}); akan ditandai untuk diperiksa pengurus.",
  "import.warning.nearDuplicateRow": "Nama dan tanggal lahir sama dengan baris {row}; akan ditandai untuk diperiksa pengurus.",

  // The columns, as named in messages
  "import.field.fullName": "Nama Lengkap",
  "import.field.nik": "NIK",
  "import.field.sex": "Jenis Kelamin",
  "import.field.birthDate": "Tanggal Lahir",
  "import.field.phone": "No. HP",
  "import.field.email": "Email",
  "import.field.address": "Alamat",
  "import.field.villageCode": "Kelurahan/Desa",
  "import.field.joinDate": "Tanggal Bergabung",
  "import.field.membershipType": "Jenis Keanggotaan",
  "import.field.skPsmNumber": "Nomor SK PSM",
  "import.field.skPsmDate": "Tanggal SK PSM",
  "import.field.basicBimtekDate": "Tanggal Bimtek Dasar",

  // The dry-run page
  "import.result.title": "Hasil pemeriksaan: {file}",
  "import.result.create": "Akan dibuat",
  "import.result.update": "Akan diperbarui",
  "import.result.unchanged": "Tidak berubah",
  "import.result.reject": "Ditolak",
  "import.result.rejectedNote":
    "Ada baris yang ditolak. Tidak ada data yang disimpan: perbaiki baris tersebut di berkas, lalu unggah ulang.",
  "import.result.commit": "Simpan semua ({count} baris)",
  "import.result.commitNote": "Semua baris disimpan dalam satu kali proses: berhasil semua, atau tidak ada yang berubah.",
  "import.result.nothing": "Tidak ada perubahan untuk disimpan.",
  "import.result.committed": "Impor ini sudah disimpan.",
  "import.result.saving": "Menyimpan {done} dari {total} baris…",
  "import.result.shown": "Menampilkan {shown} dari {total} baris (semua baris yang ditolak ditampilkan).",
  "import.result.again": "Unggah berkas lain",
  "import.result.updates": "Memperbarui: {name} ({number})",
  "import.result.progress": "Kemajuan penyimpanan",
  "import.file.title": "Isi berkas",
  "import.file.sheetRead": "Lembar yang dibaca: {sheets}.",
  "import.file.otherSheets": "Lembar lain di berkas ini: {sheets}.",
  "import.file.withoutHeader": "Lembar tanpa judul kolom (tidak dibaca): {sheets}.",
  "import.file.chooseSheet": "Baca lembar",
  "import.file.allSheets": "Semua lembar yang berisi judul kolom",
  "import.file.readSheet": "Periksa lembar ini",
  "import.file.unknownColumns": "Kolom ini tidak dikenali dan diabaikan: {columns}.",
  "import.file.ignoredColumns": "Kolom ini dikenali tetapi tidak diimpor: {columns}.",
  "import.file.missingColumns":
    "Kolom wajib tidak ada di berkas: {columns}. Anggota baru tidak dapat dibuat tanpa kolom ini; tambahkan kolomnya lalu unggah ulang. (NIK yang sudah terdaftar tetap dapat diperbarui.)",
  "import.file.nikRounded":
    "Semua NIK di berkas ini berakhiran 0: kolom NIK diformat sebagai angka di Excel sehingga digit terakhirnya hilang. Format kolom NIK sebagai Teks, ketik ulang NIK, lalu unggah sebagai .xlsx.",
  "import.file.encoding":
    'Pengodean teks berkas: {encoding}. Bila ada huruf yang tampak salah, simpan ulang dari Excel sebagai "CSV UTF-8".',
  "import.encoding.utf-8": "UTF-8",
  "import.encoding.utf-8-bom": "UTF-8 (dengan BOM)",
  "import.encoding.utf-16le": "UTF-16 (Teks Unicode)",
  "import.encoding.utf-16be": "UTF-16 (Teks Unicode)",
  "import.encoding.windows-1252": "Windows-1252 (ANSI)",
  "import.col.row": "Baris",
  "import.col.name": "Nama",
  "import.col.nik": "NIK",
  "import.col.outcome": "Hasil",
  "import.col.notes": "Keterangan",
  "import.col.changed": "Kolom berubah: {fields}",
  "import.done": "Impor selesai: {created} anggota ditambahkan, {updated} diperbarui.",
  "import.refused.missing": "Hasil pemeriksaan ini tidak ditemukan.",
  "import.refused.rejected":
    "Impor tidak dapat disimpan karena ada baris yang ditolak. Tidak ada data yang disimpan: perbaiki berkas lalu unggah ulang.",
  "import.refused.committed": "Impor ini sudah pernah disimpan.",
  "import.refused.nothing": "Tidak ada perubahan untuk disimpan.",
  "import.refused.running": "Impor ini sedang disimpan. Tunggu sampai selesai.",
  "import.refused.changedDuring":
    "Data anggota berubah selama penyimpanan (NIK atau email yang sama baru saja didaftarkan). Tidak ada data yang disimpan: unggah ulang berkas untuk memeriksa lagi.",
  "import.refused.conflict":
    "Data anggota berubah sejak pemeriksaan (baris {rows}). Tidak ada data yang disimpan: unggah ulang berkas untuk memeriksa lagi.",

  // The template's instructions sheet
  "import.help.sheet": "Petunjuk",
  "import.help.column": "Kolom",
  "import.help.note": "Keterangan",
  "import.help.intro":
    'Isi satu baris per anggota di lembar "Anggota", mulai baris 3 (baris 2 adalah contoh: hapus atau timpa). Jangan mengubah judul kolom. Tanggal boleh ditulis HH/BB/TTTT atau sebagai tanggal Excel.',
  "import.help.update":
    "NIK yang sudah terdaftar di IPSM ini memperbarui data anggota tersebut; sel yang kosong tidak menghapus data yang sudah ada, dan statusnya tidak diubah.",
  "import.help.no": "Nomor urut; tidak dibaca oleh portal.",
  "import.help.fullName": "Wajib. Nama lengkap sesuai KTP.",
  "import.help.nik":
    "Wajib. 16 angka; format sel sebagai teks agar angka tidak berubah. NIK yang sudah terdaftar akan memperbarui data anggota tersebut.",
  "import.help.sex": "Wajib. L (laki-laki) atau P (perempuan).",
  "import.help.birthDate": "Wajib. HH/BB/TTTT, harus cocok dengan NIK (tanggal + 40 untuk perempuan).",
  "import.help.phone": "Tidak wajib. Diawali 08 atau +62; format sel sebagai teks agar angka 0 di depan tidak hilang.",
  "import.help.email": "Tidak wajib. Tidak boleh sama dengan anggota lain.",
  "import.help.address": "Wajib. Jalan, nomor, RT/RW.",
  "import.help.district": "Nama kecamatan, untuk membedakan kelurahan/desa yang namanya sama.",
  "import.help.village": "Wajib. Nama kelurahan/desa di wilayah IPSM (atau kode Kemendagri 10 digit, misalnya 61.71.01.1001).",
  "import.help.joinDate": "Wajib. HH/BB/TTTT; anggota minimal berusia 18 tahun pada tanggal ini.",
  "import.help.membershipType": "Biasa (bila kosong) atau Kehormatan.",
  "import.help.status": "Calon (bila kosong), Aktif, Nonaktif, Mengundurkan diri, Meninggal atau Diberhentikan. Hanya untuk anggota baru.",
  "import.help.skPsmNumber": "Tidak wajib. Nomor SK PSM.",
  "import.help.skPsmDate": "Wajib bila Nomor SK PSM diisi. HH/BB/TTTT.",
  "import.help.basicBimtekDate": "Tidak wajib. Tanggal bimtek dasar, HH/BB/TTTT.",

  // Exports
  "export.xlsx": "Unduh Excel",
  "export.csv": "Unduh CSV",
  "export.sheet": "Anggota",
  "export.col.no": "No",
  "export.col.number": "Nomor Anggota",
  "export.col.name": "Nama",
  "export.col.nik": "NIK",
  "export.col.sex": "L/P",
  "export.col.birthDate": "Tanggal Lahir",
  "export.col.phone": "No. HP",
  "export.col.district": "Kecamatan",
  "export.col.village": "Kelurahan/Desa",
  "export.col.status": "Status",
  "export.col.type": "Jenis Keanggotaan",
  "export.col.joinDate": "Tanggal Bergabung",
  "export.col.email": "Email",
  "export.col.address": "Alamat",
  "export.col.skPsmNumber": "Nomor SK PSM",
  "export.col.skPsmDate": "Tanggal SK PSM",
  "export.col.basicBimtekDate": "Tanggal Bimtek Dasar",
} as const;
