"""Where a layout's article ends and which embedded posts belong to it (issue 23, cleaner.extent)."""

from __future__ import annotations

from lxml import html

from cleaner import clean
from cleaner.extent import embedded_posts, trailing_sections

LONG = "Kalimat isi berita yang cukup panjang untuk dibaca sebagai satu paragraf utuh oleh pembaca."


def _tree(body: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body>{body}</body></html>")


def test_a_heading_and_its_paragraphs_after_the_container_continue_the_article() -> None:
    tree = _tree(f'<div id="page"><div class="isi"><p>{LONG}</p></div><div class="ad"></div><h2>Sub Judul</h2><p>{LONG}</p><p>{LONG}</p></div>')
    found = trailing_sections(tree.xpath("//div[@class='isi']"))
    assert [element.tag for element in found] == ["h2", "p", "p"]


def test_notices_links_and_lone_headings_after_the_container_are_not_article() -> None:
    notice = '<p>Baca berita terkini dan terpercaya di <a href="/">Berita Contoh</a></p>'
    related = f'<div class="related"><h2>Berita Terkait</h2><p><a href="/x">{LONG}</a></p></div>'
    for after in (notice, related, "<h2>Saksikan video pilihan di bawah ini:</h2>", f"<h3>Judul</h3><p>{LONG[:40]}</p>"):
        tree = _tree(f'<div id="page"><div class="isi"><p>{LONG}</p></div>{after}</div>')
        assert trailing_sections(tree.xpath("//div[@class='isi']")) == [], after


def test_the_search_climbs_only_from_a_container_that_ends_its_parent() -> None:
    closed = _tree(f'<div id="page"><div class="wrap"><div class="isi"><p>{LONG}</p></div></div><h2>Sub Judul</h2><p>{LONG}</p></div>')
    assert len(trailing_sections(closed.xpath("//div[@class='isi']"))) == 2
    followed = _tree(f'<div id="page"><div class="wrap"><div class="isi"><p>{LONG}</p></div><p>Tag: contoh</p></div><h2>Sub Judul</h2><p>{LONG}</p></div>')
    assert trailing_sections(followed.xpath("//div[@class='isi']")) == []


TWEET = '<blockquote class="twitter-tweet"><p>Isi cuitan {n} tentang banjir di jalan utama kota</p>&mdash; Warga {n} (@warga{n}) <a href="#">May 1, 2022</a></blockquote>'


def test_posts_the_text_introduces_are_kept_and_the_others_dropped() -> None:
    tree = _tree(
        f'<div class="isi"><p>{LONG}</p><p>Sejumlah warganet pun mengunggah kondisi jalan di media sosial.</p>'
        f'{TWEET.format(n=1)}<script></script>{TWEET.format(n=2)}<p>{LONG}</p>{TWEET.format(n=3)}'
        f'<p>Berikut cuitan tersebut:</p><div class="embed-wrap">{TWEET.format(n=4)}</div></div>'
    )
    verdicts = [keep for _, keep in embedded_posts(tree.xpath("//div[@class='isi']"), set())]
    assert verdicts == [True, True, False, True]


def test_a_page_keeps_introduced_posts_and_drops_an_unintroduced_one() -> None:
    page = (
        "<html><head><meta property='og:title' content='Banjir Rendam Jalan Utama'></head><body>"
        "<div class='article-content-body__item'><div class='article-raw-content'>"
        f"<p><b>Liputan6.com, Bekasi</b> {LONG}</p><p>Beberapa pengguna pun mengunggah foto genangan itu.</p>{TWEET.format(n=1)}"
        f"<p>{LONG}</p>{TWEET.format(n=2)}<p>Penutup berita ini juga cukup panjang untuk menjadi paragraf terakhir.</p>"
        "</div></div><h1 class='article-header__title'>Banjir Rendam Jalan Utama</h1></body></html>"
    )
    article = clean(page, url="https://www.liputan6.com/news/read/4800001/banjir")
    assert "Isi cuitan 1 tentang banjir di jalan utama kota" in article.text.split("\n\n")
    assert "cuitan 2" not in article.text
    assert any(d.reason == "shared.embed_not_introduced" for d in article.decisions)


def test_an_introduced_instagram_post_keeps_its_attribution_not_its_interface() -> None:
    post = (
        '<blockquote class="instagram-media"><div><a href="https://www.instagram.com/p/x/"><div>Lihat postingan ini di Instagram</div></a></div>'
        '<p><a href="https://www.instagram.com/p/x/">Sebuah kiriman dibagikan oleh Dinas Pariwisata (@dispar)</a></p></blockquote>'
    )
    page = (
        "<html><head><meta property='og:title' content='Pantai Baru Dibuka'></head><body>"
        "<div class='article-content-body__item'><div class='article-raw-content'>"
        f"<p><b>Liputan6.com, Garut</b> {LONG}</p><p>Dinas pariwisata membagikan suasana pantai itu lewat akun Instagram resminya.</p>{post}"
        f"<p>{LONG} Penutup.</p></div></div><h1 class='article-header__title'>Pantai Baru Dibuka</h1></body></html>"
    )
    paragraphs = clean(page, url="https://www.liputan6.com/news/read/4800002/pantai").text.split("\n\n")
    assert "Sebuah kiriman dibagikan oleh Dinas Pariwisata (@dispar)" in paragraphs
    assert "Lihat postingan ini di Instagram" not in paragraphs


def _density_page(extra: str) -> str:
    paragraphs = "".join(f"<p>Paragraf ke-{n}: {LONG}</p>" for n in range(1, 4))
    return f"<html><body><div class='nav'><a href='/'>Home</a></div><div class='isi'>{paragraphs}{extra}</div></body></html>"


def test_density_drops_paragraphs_and_headings_of_related_article_links() -> None:
    from cleaner.density import main_lines

    titles = [f"Judul berita lain nomor {n} tentang kota" for n in range(3)]
    for extra in (
        "".join(f"<p><a href='/berita/{n}'>{title}</a></p>" for n, title in enumerate(titles)),
        "".join(f"<h3><a href='/berita/{n}'>{title}</a></h3>" for n, title in enumerate(titles)),
        "<p><b>Baca juga:</b><br>" + "<br>".join(f"<a href='/berita/{n}'>{title}</a>" for n, title in enumerate(titles)) + "</p>",
        f"<p>Baca juga</p><p><a href='/berita/0'>{titles[0]}</a></p>",
    ):
        lines = main_lines(html.fromstring(_density_page(extra)))
        assert lines is not None and not [line for line in lines if "Judul berita lain" in line], extra


def test_density_keeps_a_linked_address_a_linked_sentence_and_a_lone_linked_title() -> None:
    from cleaner.density import main_lines

    for extra, kept in (
        ("<p>Kontak redaksi: <a href='mailto:r@contoh.id'>r@contoh.id</a></p>", "Kontak redaksi: r@contoh.id"),
        ("<p><a href='/laporan.pdf'>Unduh laporan lengkap dari dinas terkait.</a></p>", "Unduh laporan lengkap dari dinas terkait."),
        ("<p><a href='https://contoh.id'>www.contoh.id/layanan-pengaduan</a></p>", "www.contoh.id/layanan-pengaduan"),
        ("<p><a href='/berita/9'>Judul berita lain yang berdiri sendiri</a></p>", "Judul berita lain yang berdiri sendiri"),
    ):
        lines = main_lines(html.fromstring(_density_page(extra)))
        assert lines is not None and kept in lines, extra
