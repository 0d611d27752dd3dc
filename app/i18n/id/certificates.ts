// The Indonesian catalogue, certificates part: the certificate of service of one volunteer
// (Surat Keterangan Relawan PSM): issuing it (/reports/certificates), the volunteer's own list
// (/profile), the PDF, and its result on the verification page.
export const certificates = {
  "certificates.title": "Surat keterangan relawan",
  "certificates.intro":
    "Surat Keterangan Relawan PSM untuk seorang anggota: jam dan kegiatannya yang sudah diverifikasi pada suatu periode, ditandatangani Ketua, dengan kode QR verifikasi. Angka dibekukan saat surat diterbitkan.",
  "certificates.period": "{start} s.d. {end}",
  "certificates.hours": "{hours} jam",

  "certificates.form.title": "Terbitkan surat keterangan",
  "certificates.form.member": "Anggota",
  "certificates.form.memberPlaceholder": "Pilih anggota",
  "certificates.form.start": "Dari tanggal",
  "certificates.form.end": "Sampai tanggal",
  "certificates.form.note":
    "Dihitung dari kegiatan terverifikasi anggota itu (sebagai pencatat atau relawan pendamping) dan jam pelatihannya. Periode harus sudah berakhir, paling panjang 366 hari.",
  "certificates.form.submit": "Terbitkan surat keterangan",
  "certificates.form.issued": "Surat keterangan {number} diterbitkan.",
  "certificates.form.reissue": "Terbitkan ulang dengan nomor baru",

  "certificates.list.title": "Surat keterangan yang sudah diterbitkan",
  "certificates.list.empty": "Belum ada surat keterangan yang diterbitkan.",
  "certificates.list.number": "Nomor",
  "certificates.list.member": "Anggota",
  "certificates.list.period": "Periode",
  "certificates.list.hours": "Jam kegiatan",
  "certificates.list.activities": "Kegiatan",
  "certificates.list.issuedAt": "Diterbitkan",
  "certificates.list.issuedBy": "oleh {name}",
  "certificates.list.download": "Unduh PDF",
  "certificates.list.downloadLabel": "Unduh surat keterangan {number} (PDF)",

  "certificates.error.forbidden": "Anda tidak berwenang menerbitkan surat keterangan relawan.",
  "certificates.error.member": "Pilih anggota dari daftar.",
  "certificates.error.endBeforeStart": "Tanggal akhir tidak boleh sebelum tanggal awal.",
  "certificates.error.tooLong": "Periode surat keterangan paling panjang 366 hari.",
  "certificates.error.notEnded": "Periode ini belum berakhir. Tanggal akhir paling lambat hari ini ({date}).",
  "certificates.error.alreadyIssued":
    "Surat keterangan untuk {name} periode {period} sudah diterbitkan: Nomor {number}, {date}. Unduh yang sudah ada dari daftar di bawah, atau terbitkan ulang bila angkanya perlu diperbarui (nomor baru; yang lama tetap sah).",
  "certificates.error.reissuedMeanwhile":
    "Surat keterangan ini baru saja diterbitkan ulang: Nomor {number}. Periksa daftar di bawah sebelum menerbitkan lagi.",
  "certificates.error.noActivity":
    "{name} tidak memiliki kegiatan terverifikasi pada periode {period}. Surat keterangan tidak dapat diterbitkan.",

  "certificates.profile.title": "Surat keterangan relawan",
  "certificates.profile.intro":
    "Surat keterangan yang diterbitkan pengurus untuk Anda. Keasliannya dapat diperiksa siapa saja lewat kode QR pada surat.",
  "certificates.profile.empty": "Belum ada surat keterangan untuk Anda. Surat keterangan diterbitkan oleh pengurus IPSM atas permintaan.",

  "certificates.pdf.docTitle": "Surat Keterangan Relawan PSM {number}",
  "certificates.pdf.title": "SURAT KETERANGAN RELAWAN PSM",
  "certificates.pdf.number": "Nomor: {number}",
  "certificates.pdf.opening": "Yang bertanda tangan di bawah ini, {title} {chapter}, menerangkan bahwa:",
  "certificates.pdf.name": "Nama",
  "certificates.pdf.memberNumber": "No. anggota",
  "certificates.pdf.chapter": "Keanggotaan",
  "certificates.pdf.body":
    "telah melaksanakan kegiatan kesejahteraan sosial sebagai Relawan Pekerja Sosial Masyarakat (PSM) pada periode {period}, dengan rincian sebagai berikut:",
  "certificates.pdf.hours": "Jam kegiatan lapangan",
  "certificates.pdf.activities": "Jumlah kegiatan",
  "certificates.pdf.people": "Orang yang dijangkau",
  "certificates.pdf.trainingHours": "Jam pelatihan",
  "certificates.pdf.peopleValue": "{people} orang",
  "certificates.pdf.byType": "Kegiatan menurut jenis",
  "certificates.pdf.column.type": "Jenis kegiatan",
  "certificates.pdf.column.activities": "Kegiatan",
  "certificates.pdf.column.hours": "Jam",
  "certificates.pdf.otherTypes": "Jenis lainnya ({count} jenis)",
  "certificates.pdf.note":
    "Jam dan kegiatan dihitung dari catatan kegiatan yang sudah diverifikasi pengurus di Portal IPSM, termasuk kegiatan yang dilaksanakan bersama relawan lain. Jam pelatihan dihitung terpisah.",
  "certificates.pdf.closing": "Demikian surat keterangan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
  "certificates.pdf.placeDate": "{place}, {date}",
  "certificates.pdf.signature": "{title} {chapter},",
  "certificates.pdf.signatureDefaultTitle": "Ketua",
  "certificates.pdf.signatureBlank": "(..............................)",
  "certificates.pdf.verifyUrl": "Periksa keaslian: {url}",
  "certificates.pdf.verifyHash": "Kode isi: {hash}",

  "verify.certificate.kind": "Surat Keterangan Relawan PSM",
  "verify.certificate.valid": "Surat keterangan asli",
  "verify.certificate.validText":
    "Surat keterangan ini diterbitkan melalui Portal IPSM. Bandingkan nama, nomor, periode, dan kode isi dengan salinan Anda.",
  "verify.certificate.altered": "Isi tersimpan tidak cocok",
  "verify.certificate.alteredText": "Angka yang tersimpan tidak lagi cocok dengan kode isinya. Hubungi pengurus IPSM.",
  "verify.certificate.name": "Nama relawan",
  "verify.certificate.memberNumber": "No. anggota",
  "verify.certificate.chapter": "Cabang",
  "verify.certificate.period": "Periode",
  "verify.certificate.hours": "Jam kegiatan",
  "verify.certificate.activities": "Kegiatan terverifikasi",
  "verify.certificate.trainingHours": "Jam pelatihan",
  "verify.certificate.number": "Nomor",
  "verify.certificate.issuedAt": "Tanggal terbit",
  "verify.certificate.hash": "Kode isi",
  "verify.certificate.note": "Halaman ini hanya menampilkan isi surat keterangan. Data pribadi relawan tidak ditampilkan.",
} as const;
