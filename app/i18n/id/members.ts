// Indonesian texts: the member registry.
export const members = {
  "validation.tooLong": "Terlalu panjang (paling banyak {max} karakter).",
  "validation.date": "Masukkan tanggal yang benar.",
  "validation.futureDate": "Tanggal tidak boleh di masa depan.",
  "validation.nik.format": "NIK harus 16 angka.",
  "validation.nik.region": "Kode wilayah pada NIK (6 angka pertama) bukan kode kecamatan yang terdaftar.",
  "validation.nik.birthDate":
    "Tanggal lahir pada NIK tidak cocok dengan tanggal lahir dan jenis kelamin yang diisi (untuk perempuan, tanggal pada NIK ditambah 40).",
  "validation.phone": "Nomor HP harus diawali 08 atau +62 dan berisi 10–13 angka.",
  "validation.sex": "Pilih jenis kelamin.",
  "validation.village": "Pilih kelurahan/desa dari daftar.",
  "validation.villageOutside": "Kelurahan/desa ini tidak berada di wilayah IPSM Anda.",
  "validation.minAge": "Anggota harus berusia minimal {age} tahun saat bergabung.",
  "validation.skDate": "Isi tanggal SK PSM.",
  "validation.status": "Pilih status.",
  "validation.emailTaken": "Email ini sudah dipakai anggota lain.",
} as const;
