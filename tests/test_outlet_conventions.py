"""What Indonesian outlets share, read by the generic layer (issue 22), on documents of our own.

Each convention is matched by structure; each pattern that could take a sentence of an
article is also run on an article holding a sentence like it, which must stay.
"""

from __future__ import annotations

from cleaner import clean
from cleaner.html import site_names, strip_site_name

URL = "https://www.media-contoh.id/berita/2024/05/01/banjir"
LEAD = (
    "Banjir merendam ratusan rumah di tepi sungai sejak Senin malam setelah hujan deras turun "
    "selama enam jam, kata petugas penanggulangan bencana setempat kepada wartawan."
)
SECOND = "Petugas mendirikan dua dapur umum di balai desa dan mengirim perahu karet ke permukiman yang terendam."


def dump(*body: str, head: tuple[str, ...] = ("Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso",)) -> str:
    return "\n".join([*head, *body])


def test_channel_and_app_pitches_go_but_sentences_naming_a_channel_stay() -> None:
    kept = "Pemerintah daerah membuka kanal aduan lewat WhatsApp dan meminta warga melaporkan genangan di lingkungannya."
    article = clean(dump(
        f"JAKARTA - {LEAD}",
        kept,
        "Gabung ke Channel WhatsApp MediaContoh untuk update berita terbaru dan terpercaya.",
        "Silakan baca konten menarik lainnya dari MediaContoh.id di Google News",
        "Cek Berita dan Artikel yang lain di",
        "Google News",
        "Download Apps MediaContoh.id",
        SECOND,
    ), url=URL)
    assert article.text == "\n\n".join([LEAD, kept, SECOND])


def test_share_bars_ad_markers_and_pagers_go() -> None:
    article = clean(dump(
        f"JAKARTA - {LEAD}",
        "Salin Artikel",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Close Ads x",
        "A",
        "A",
        SECOND,
        "BACA HALAMAN BERIKUTNYA",
        "HALAMAN :",
        "1 2 3",
    ), url=URL)
    assert article.text == f"{LEAD}\n\n{SECOND}"


def test_a_column_box_goes_but_a_columnist_in_the_story_stays() -> None:
    story = "Sebelum terjun ke politik, ia pernah menjadi kolumnis tetap di sebuah harian ekonomi selama sepuluh tahun."
    article = clean(dump(
        f"JAKARTA - {LEAD}",
        story,
        "Ingin menjadi kolumnis? Kirim tulisanmu ke alamat surel redaksi kami beserta biodata singkat.",
    ), url=URL)
    assert article.text == f"{LEAD}\n\n{story}"


def test_video_credits_and_hashtag_lines_go_but_a_hashtag_in_a_sentence_stays() -> None:
    story = "Tagar #SungaiBersih ramai dibicarakan warganet sejak Selasa setelah video sampah di pintu air beredar."
    producer = "Produser film dokumenter itu mengatakan penayangan perdana digelar bulan depan di Bandung."
    article = clean(dump(
        f"JAKARTA - {LEAD}",
        story,
        producer,
        "#BanjirCikaso #Banjir #Bencana",
        "Video editor: Nama Penyunting",
        "VO/Video Editor: Satu/Dua",
    ), url=URL)
    assert article.text == "\n\n".join([LEAD, story, producer])


def test_related_headings_and_reposted_notices_end_the_text() -> None:
    article = clean(dump(
        f"JAKARTA - {LEAD}",
        SECOND,
        "Artikel ini telah tayang di mediacontoh.id dengan judul Banjir Rendam Ratusan Rumah",
        "Terkini Lainnya",
        "Harga Cabai Naik Menjelang Akhir Pekan di Pasar Induk",
    ), url=URL)
    assert article.text == f"{LEAD}\n\n{SECOND}"


def test_a_lone_bulleted_headline_goes_but_the_articles_own_list_stays() -> None:
    items = ["• Dokumen kependudukan dan kartu keluarga", "• Surat keterangan dari kelurahan setempat", "• Foto rumah yang terdampak banjir"]
    article = clean(dump(
        f"JAKARTA - {LEAD}",
        "• Warga Keluhkan Lambatnya Penyaluran Bantuan di Kecamatan Sebelah Timur",
        "Warga yang ingin mengajukan bantuan perbaikan rumah perlu menyiapkan tiga berkas.",
        *items,
        "• Satu keluarga memilih bertahan di lantai dua rumahnya.",
        SECOND,
    ), url=URL)
    assert "Warga Keluhkan" not in article.text
    assert all(item in article.text for item in items)
    assert "• Satu keluarga memilih bertahan di lantai dua rumahnya." in article.text  # a sentence, not a headline


def test_an_inserted_question_widget_goes_but_an_interview_stays() -> None:
    widget = [
        "-", "Apa penyebab banjir di kota itu? Curah hujan tinggi membuat sungai meluap.",
        "-", "Siapa yang memimpin evakuasi warga? Kepala dinas memimpin langsung di lapangan.",
        "-", "Kapan bantuan tiba di lokasi? Bantuan pertama tiba pada Selasa pagi.",
        "-",
    ]
    interview = [
        "Apa yang paling dibutuhkan warga saat ini? Air bersih dan selimut, jawab kepala desa.",
        "Kapan warga bisa kembali ke rumah? Setelah air surut dan rumah dibersihkan, katanya.",
        "Bagaimana dengan sekolah? Sekolah diliburkan sampai pekan depan, ujarnya.",
    ]
    article = clean(dump(f"JAKARTA - {LEAD}", *widget, SECOND, *interview), url=URL)
    assert "Curah hujan tinggi" not in article.text and "Kepala dinas" not in article.text
    assert all(line in article.text for line in interview)


def test_closing_codes_and_credits_leave_the_last_paragraph() -> None:
    credited = clean(dump(f"JAKARTA - {LEAD}", f"{SECOND} (Mediacontoh.id/Rina Kusuma)", "Sumber: Media Contoh"), url=URL)
    assert credited.text == f"{LEAD}\n\n{SECOND}" and list(credited.authors) == ["Rina Kusuma"]
    for mark in ("***", " [abc]", "\n(OGI)"):
        article = clean(dump(f"JAKARTA - {LEAD}", f"{SECOND}{mark}"), url=URL)
        assert article.text == f"{LEAD}\n\n{SECOND}", mark
    # An editor code is no reporter, and a sentence ending in an institution's initials keeps them.
    coded = clean(dump(f"JAKARTA - {LEAD}", f"{SECOND} (Adi/Ism)"), url=URL)
    assert not coded.authors and coded.text.endswith("terendam.")
    kpk = "Laporan itu diserahkan kepada Komisi Pemberantasan Korupsi (KPK)."
    assert clean(dump(f"JAKARTA - {LEAD}", kpk), url=URL).text.endswith("(KPK).")


def test_dateline_forms_of_other_outlets() -> None:
    for prefix, place in (
        ("Jakarta: ", "Jakarta"),
        ("JAKARTA. ", "JAKARTA"),
        ("Mediacontoh.net - - ", None),
        ("Bandung, MediaOtomotif – ", "Bandung"),
    ):
        article = clean(dump(prefix + LEAD), url=URL)
        assert (article.text, article.dateline) == (LEAD, place), prefix
    alone = clean(dump("Maros -", LEAD), url=URL)
    assert (alone.text, alone.dateline) == (LEAD, "Maros")
    # A short line with a colon is a title's or a quote's, never a dateline.
    quote = clean(dump("Warga: Kami butuh air bersih", LEAD), url=URL)
    assert quote.dateline is None


def test_a_label_above_the_headline_is_the_section_and_the_title_follows() -> None:
    article = clean("\n".join([
        "Berita Daerah",
        "Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso",
        "Ratusan rumah terendam setelah hujan deras mengguyur sejak sore.",
        "Penulis: Rina Kusuma",
        "Editor: Budi Santoso",
        LEAD,
        SECOND,
        "Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso - MEDIACONTOH.ID",
    ]), url=URL)
    assert article.title == "Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso"
    assert article.category == "Berita Daerah"
    assert list(article.authors) == ["Rina Kusuma"] and list(article.editors) == ["Budi Santoso"]
    assert article.text == f"{LEAD}\n\n{SECOND}"


def test_the_sites_name_leaves_the_title_whichever_side_it_stands() -> None:
    names = site_names("https://regional.mediacontoh.co.id/read/1", "MediaContoh.co.id")
    title = "Banjir Rendam Ratusan Rumah"
    for shown in (f"{title} - MediaContoh.co.id Regional", f"{title} | mediacontoh", f"MediaContoh.co.id: {title}", f"{title} :: Mediacontoh News"):
        assert strip_site_name(shown, names) == title, shown
    # A clause that only mentions the outlet, and a title with a colon of its own, stay whole.
    assert strip_site_name("Banjir Rendam Rumah - Mediacontoh Minta Warga Tetap Waspada Malam Ini", names).endswith("Malam Ini")
    assert strip_site_name("Kepala Desa: Air Mulai Surut", names) == "Kepala Desa: Air Mulai Surut"


PAGE = """<html><head>
<meta property="og:title" content="Banjir Rendam Ratusan Rumah di Tepi Sungai - MediaContoh.id">
<meta property="og:site_name" content="MediaContoh.id">
<meta property="og:url" content="https://www.mediacontoh.id/daerah/2024/05/01/123456/banjir-rendam-ratusan-rumah">
<meta name="pubdate" content="2024-05-01">
</head><body>
<div class="menu"><a href="/">Home</a><a href="/daerah">Daerah</a></div>
<div class="side right"><a href="/tag/pemilu">Pemilu</a><a href="/tag/harga-cabai">Harga Cabai</a></div>
<div class="crumbs"><a href="/">Beranda</a> / <a href="/daerah">Daerah</a> / <a href="/daerah/jabar">Jawa Barat</a></div>
<h1>Banjir Rendam Ratusan Rumah di Tepi Sungai</h1>
<div class="info">Rabu, 1 Mei 2024 | 14:35 WIB</div>
<div class="isi">
<p>{lead}</p><p>{second}</p>
<p>Warga berharap tanggul yang jebol segera diperbaiki sebelum musim hujan berikutnya datang, kata seorang ketua RT.</p>
</div>
<table class="copy"><tr><td>Penulis</td><td>: Kontributor Garut, Rina Kusuma</td></tr><tr><td>Editor</td><td>: Budi Santoso</td></tr></table>
<div class="kumpulan-berita"><span>Kumpulan berita</span><a href="/tag/banjir">#Banjir</a> <a href="/tag/cikaso">Sungai Cikaso</a></div>
<ul class="list"><li><a href="/daerah/2024/04/30/123400/jalan-rusak">Jalan Rusak</a><span>Selasa, 30 April 2024 | 09:00 WIB</span></li></ul>
</body></html>""".format(lead=LEAD, second=SECOND)


def test_a_page_no_layout_reads_shows_its_metadata() -> None:
    article = clean(PAGE)
    assert article.title == "Banjir Rendam Ratusan Rumah di Tepi Sungai"
    assert article.published == "2024-05-01T14:35:00+07:00"  # shown under the headline, not the head's bare day
    assert list(article.authors) == ["Rina Kusuma"] and list(article.editors) == ["Budi Santoso"]
    assert article.category == "Jawa Barat"
    assert list(article.tags) == ["Banjir", "Sungai Cikaso"]  # not the side column's topics
    assert LEAD in article.text and SECOND in article.text


def test_a_rubric_above_the_headline_is_the_section_when_the_breadcrumb_names_none() -> None:
    page = f"""<html><head><meta property="og:title" content="Mahasiswa Rakit Robot Penyiram Tanaman"></head><body>
<div class="breadcrumb"><a href="//www.media-contoh.id/">MediaContoh</a> / <a href="/berita">Berita</a> / <a href="#">Detail Berita</a></div>
<div class="follow"><a href="https://www.facebook.com/mediacontoh">Like</a><a href="https://twitter.com/mediacontoh">Like</a></div>
<div class="jdl"><div class="date">Selasa 7 Mei 2024, 10:15 WIB</div><h2>INOVASI KAMPUS</h2>
<h1>Mahasiswa Rakit Robot Penyiram Tanaman</h1></div>
<div class="isi"><p>{LEAD}</p><p>{SECOND}</p></div></body></html>"""
    article = clean(page, url="https://www.media-contoh.id/berita/123456/mahasiswa-rakit-robot")
    assert article.category == "INOVASI KAMPUS"  # not the placeholder "Detail Berita", nor a "Like" button
    assert article.published == "2024-05-07T10:15:00+07:00"


def test_bylines_of_older_templates_in_a_dump() -> None:
    title = "Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso"
    channel = clean(dump(f"Regional - Rina Kusuma, CNBC Indonesia", f"JAKARTA - {LEAD}", head=(title,)), url=URL)
    assert (list(channel.authors), channel.category) == (["Rina Kusuma"], "Regional")
    journalist = clean(dump("Rina Kusuma , Jurnalis-Rabu, 1 Mei 2024 |14:35 WIB", f"JAKARTA - {LEAD}", head=(title,)), url=URL)
    assert (list(journalist.authors), journalist.published) == (["Rina Kusuma"], "2024-05-01T14:35:00+07:00")
    rep_red = clean(dump("Rep: C12/ Red: Budi Santoso", f"JAKARTA - {LEAD}", head=(title,)), url=URL)
    assert (list(rep_red.authors), list(rep_red.editors)) == ([], ["Budi Santoso"])  # a reporter's code is no name
    role_under = clean(dump("Rina Kusuma", "Penulis", f"JAKARTA - {LEAD}", head=(title, "MediaContoh.id - 01/05/2024, 14:35 WIB")), url=URL)
    assert list(role_under.authors) == ["Rina Kusuma"] and role_under.text == LEAD


def test_page_widgets_breadcrumbs_and_dates_of_lists_go() -> None:
    article = clean("\n".join([
        "HOME BERITA DAERAH",
        "Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso",
        "Rabu, 1 Mei 2024 14:35 WIB",
        "imsak04:10",
        "maghrib17:30",
        "waktu baca 2 menit",
        f"JAKARTA - {LEAD}",
        "- Rabu, 1 Mei 2024 13:07 WIB",
        SECOND,
        "MediaContoh.id, Rabu, 1 Mei 2024.",
    ]), url=URL)
    assert article.title == "Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso"
    assert article.text == f"{LEAD}\n\n{SECOND}"
    # A day named as a chronology's heading stays: only a date with its minute is a list's.
    chronology = clean(dump(f"JAKARTA - {LEAD}", "Senin, 29 April 2024", SECOND), url=URL)
    assert "Senin, 29 April 2024" in chronology.text


def test_a_next_pages_heading_goes_with_its_pager_but_a_heading_after_the_prompt_stays() -> None:
    cut = clean(dump(f"JAKARTA - {LEAD}", SECOND, "Harga Cabai di Pasar Induk Ikut Naik", "BACA HALAMAN BERIKUTNYA", "HALAMAN :", "1 2 3"), url=URL)
    assert cut.text == f"{LEAD}\n\n{SECOND}"
    heading = "Empat Pemain Belum Bergabung"
    kept = clean(dump(f"JAKARTA - {LEAD}", "Baca halaman berikutnya ya pembaca.", heading, SECOND), url=URL)
    assert kept.text == f"{LEAD}\n\n{heading}\n\n{SECOND}"


def test_a_breadcrumb_line_and_a_timed_date_over_the_title() -> None:
    article = clean("\n".join([
        "MediaContoh.id - Daerah - Jawa Barat",
        "Rabu 01 Mei 2024 14:35 WIB",
        "Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso",
        f"JAKARTA - {LEAD}",
    ]), url=URL)
    assert (article.category, article.published) == ("Jawa Barat", "2024-05-01T14:35:00+07:00")
    assert article.title == "Banjir Rendam Ratusan Rumah di Tepi Sungai Cikaso" and article.text == LEAD
