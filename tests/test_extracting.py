"""Saved web pages, Markdown and scraped text: the readout kept, the page furniture dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from readout_diff import segmenting
from readout_diff.extracting import drop_boilerplate, is_boilerplate_line, markdown_to_text
from readout_diff.reading import read_readout, readout_from_text, show_input

FIXTURES = Path(__file__).parent / "fixtures" / "input"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"

EN_PARAGRAPHS = [
    "Readout of the President’s Call with Prime Minister Ostrander",
    "The President spoke today with Prime Minister Ostrander to discuss the war in Ukraine "
    "and the coming summit.",
    "The leaders discussed the extension of the New START treaty and agreed that strategic "
    "stability talks should resume in the spring.",
    "The President raised the case of Alexei Navalny and called for his immediate release.",
    "They also discussed climate change and energy security in Europe.\n"
    "The leaders agreed to stay in close touch.",
]
PAGE_FURNITURE = [
    "Skip to content", "Administration", "Briefing Room", "Get Involved", "Search", "Home",
    "Statements and Releases", "Share", "Facebook", "Twitter", "Email", "Print",
    "Leave a Reply", "Your email address", "Required fields", "Comment", "Name *", "CAPTCHA",
    "Enter the characters", "Post Comment", "Privacy Policy", "Copyright", "Subscribe",
    "newsletter", "1600", "dataLayer", "March 14, 2023",
]  # fmt: skip


def test_html_page_yields_the_readout_paragraph_by_paragraph() -> None:
    readout = read_readout(FIXTURES / "page_en.html")
    assert readout.source_format == "html"
    assert readout.text.split("\n\n") == EN_PARAGRAPHS


@pytest.mark.parametrize("furniture", PAGE_FURNITURE)
def test_html_page_drops_navigation_share_buttons_comment_form_and_footer(
    furniture: str,
) -> None:
    assert furniture not in read_readout(FIXTURES / "page_en.html").text


def test_html_page_sentences_are_the_readout_sentences(en_nlp: Language) -> None:
    readout = read_readout(FIXTURES / "page_en.html")
    segmented, _ = segmenting.segment(readout, en_nlp)
    texts = [s.text for s in segmented.sentences]
    assert texts[0] == EN_PARAGRAPHS[0]
    assert texts[-1] == "The leaders agreed to stay in close touch."
    assert len(texts) == 6


def test_russian_html_page_in_windows_1251() -> None:
    readout = read_readout(FIXTURES / "page_ru_cp1251.html")
    assert readout.language == "ru"
    paragraphs = [p for p in readout.text.split("\n\n") if p.strip()]
    assert paragraphs == [
        "Телефонный разговор с Премьер-министром Остландии",
        "\nСостоялся телефонный разговор Владимира Путина с Премьер-министром Остландии.",
        "Собеседники обсудили ситуацию вокруг урегулирования на Украине и перспективы "
        "продления Договора СНВ-3.",
        "Затронута тема изменения климата и сотрудничества в энергетике.",
        "Условлено продолжить контакты на различных уровнях.",
    ]
    for furniture in ("Главная", "Новости", "Поиск", "Поделиться", "печати", "комментарий"):
        assert furniture not in readout.text
    assert readout.dropped == ("14 марта 2023 года, 17:30",)


def test_html_is_sniffed_without_an_html_file_name(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_bytes((FIXTURES / "page_en.html").read_bytes())
    assert read_readout(path).text.split("\n\n") == EN_PARAGRAPHS


def test_html_fragment_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "fragment.html"
    path.write_text("<p>The leaders spoke.</p><p>They agreed to meet.</p>", encoding="utf-8")
    assert read_readout(path).text == "The leaders spoke.\n\nThey agreed to meet."


def test_a_text_file_that_mentions_tags_is_not_taken_for_html(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The <p> tag and the <div> tag were not discussed.", encoding="utf-8")
    readout = read_readout(path)
    assert readout.source_format == "text"
    assert readout.text == "The <p> tag and the <div> tag were not discussed."


def test_input_format_can_be_forced(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("# Heading\n\nThe *leaders* spoke.", encoding="utf-8")
    assert read_readout(path).text == "# Heading\n\nThe *leaders* spoke."
    assert read_readout(path, input_format="markdown").text == "Heading\n\nThe leaders spoke."


def test_markdown_markup_is_removed_and_text_kept() -> None:
    readout = read_readout(FIXTURES / "readout.md")
    assert readout.source_format == "markdown"
    assert readout.text.split("\n\n") == [
        "Readout of the President's call with Prime Minister Ostrander",
        "The President spoke today with Prime Minister Ostrander about the war in Ukraine "
        "and the coming summit.",
        "The leaders discussed the New START treaty.",
        "They agreed that strategic stability talks should resume.",
        "The President raised the case of Alexei Navalny.",
        "Topic Raised by",
        "Climate change both leaders",
    ]
    for markup in ("**", "](", "![", "`", "> ", "---", "title:", "call.jpg", "|"):
        assert markup not in readout.text


def test_markdown_hard_break_and_code_block() -> None:
    assert markdown_to_text("One line  \nnext line.\n\n    code here\n") == (
        "One line\nnext line.\n\ncode here"
    )


def test_scraped_text_loses_byline_date_counter_share_row_and_captcha_tail() -> None:
    readout = read_readout(FIXTURES / "scraped.txt")
    assert readout.text.split("\n\n\n") == [
        "Leaders discuss arms control and Ukraine in a first call of the year",
        "The two presidents spoke by phone on Tuesday and discussed the future of the New "
        "START treaty, which expires in less than a year.\n\n"
        "According to the readout published by the Kremlin, the leaders also talked about "
        "the settlement in Ukraine and agreed to keep in contact.\n\n"
        "The White House account added that the President had raised the jailing of Alexei "
        "Navalny, a topic the Russian summary left out.",
    ]
    assert "CAPTCHA" in readout.dropped
    assert "By: Staff Writer" in readout.dropped


def test_keep_boilerplate_keeps_every_line() -> None:
    raw = (FIXTURES / "scraped.txt").read_text(encoding="utf-8")
    readout = read_readout(FIXTURES / "scraped.txt", keep_boilerplate=True)
    assert readout.dropped == ()
    assert readout.text == raw.replace("\u00a0", " ")


@pytest.mark.skipif(not SEED.is_dir(), reason="the seed article (../shared/seed) is not here")
def test_seed_article_yields_no_sentence_from_its_comment_form(en_nlp: Language) -> None:
    for path in sorted(SEED.glob("*.txt")):
        readout = read_readout(path)
        segmented, _ = segmenting.segment(readout, en_nlp)
        assert len(segmented.sentences) > 5
        for sentence in segmented.sentences:
            lowered = sentence.text.lower()
            for tail in ("captcha", "comment", "enter the characters", "human visitor"):
                assert tail not in lowered, sentence.text
        assert segmented.sentences[-1].text.endswith("communication going forward.")


@pytest.mark.parametrize(
    "line",
    [
        "Add new comment",
        "Leave a Reply",
        "Post a comment",
        "12 comments",
        "Комментарии (3)",
        "Добавить комментарий",
        "CAPTCHA",
        "Image CAPTCHA",
        "Enter the characters shown in the image.",
        "Введите символы с картинки",
        "I'm not a robot",
        "Share",
        "Print",
        "Share | Tweet | Print",
        "Share this article",
        "Поделиться",
        "Версия для печати",
        "By:",
        "By Jane Doe and John Roe",
        "By: Staff Writer",
        "Автор: Иван Петров",
        "Source: Kremlin.ru",
        "26 January 2021",
        "January 26, 2021, 18:00",
        "Tuesday, January 26, 2021 at 6:00 pm ET",
        "2021-01-26",
        "26.01.2021 17:45",
        "26 января 2021 года, 18:00",
        "Published: 26 January 2021",
        "Fecha de publicación:",
        "Imagen principal:",
        "0",
        "1,204 views",
        "Your email address will not be published. Required fields are marked *",
        "Name *",
        "Skip to main content",
        "Read more",
        "Читайте также",
        "Поделиться: ВКонтакте | Telegram | Печать",
        "Share: Facebook | Twitter | Print",
        "Statements and Releases",
        "Briefing Room",
        "Новости",
        "Tags: Russia, United States, Kremlin",
        "Теги: Россия, США, переговоры",
        "Home | World | Europe | Politics",
        "Главная › Новости › События",
        "March 14, 2023 • Statements and Releases",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "By phone, the two leaders discussed the New START treaty.",
        "By agreement of the sides, the talks will continue.",
        "The presidents agreed to share information on cyber threats.",
        "Print media were not discussed.",
        "On 26 January 2021 the presidents spoke by telephone.",
        "The leaders discussed comments made by the foreign minister.",
        "Source of tension: the situation in Ukraine.",
        "Telephone conversation with US President Joseph Biden",
        "Владимир Путин поздравил Джозефа Байдена с инаугурацией.",
        "5. Trade and economic cooperation.",
        "Comments by the President on the call are expected tomorrow.",
        "Related issues of regional security were also discussed.",
        "Tags on exported goods were discussed: the leaders want them simplified.",
        "Trade and economic cooperation",
        "Europe",
        "News of the agreement was welcomed by both sides.",
    ],
)
def test_readout_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_comment_heading_near_the_top_drops_only_its_line() -> None:
    text = "Comments\nThe leaders spoke.\nThey discussed trade.\nThey agreed to meet again."
    kept = drop_boilerplate(text)
    assert kept.text == "The leaders spoke.\nThey discussed trade.\nThey agreed to meet again."
    assert kept.dropped == ("Comments",)


def test_comment_section_at_the_end_is_cut_with_what_follows() -> None:
    text = "The leaders spoke at length.\nThey agreed to meet.\nLeave a comment\nGreat call!"
    kept = drop_boilerplate(text)
    assert kept.text == "The leaders spoke at length.\nThey agreed to meet."
    assert kept.dropped == ("Leave a comment", "Great call!")


def test_dropping_a_line_keeps_paragraphs_apart() -> None:
    assert drop_boilerplate("Heading\nShare\nThe leaders spoke.").text == (
        "Heading\n\nThe leaders spoke."
    )


def test_text_given_in_code_keeps_boilerplate_unless_asked() -> None:
    assert readout_from_text("Share\nThe leaders spoke.", "a").text == "Share\nThe leaders spoke."
    dropped = readout_from_text("Share\nThe leaders spoke.", "a", keep_boilerplate=False)
    assert dropped.text == "The leaders spoke."


def test_readout_from_html_text_in_memory() -> None:
    html = "<html><body><nav>Home News</nav><article><p>The leaders spoke.</p></article>"
    assert readout_from_text(html, "a", input_format="html").text == "The leaders spoke."


def test_show_input_prints_the_text_exactly_with_what_was_dropped() -> None:
    readout = read_readout(FIXTURES / "scraped.txt")
    shown = show_input(readout)
    header, rest = shown.split("\n", 1)
    assert header == (
        f"=== scraped ({FIXTURES / 'scraped.txt'}: text, utf-8, en, "
        f"{len(readout.text)} characters) ==="
    )
    assert rest.startswith(readout.text + "\n=== 18 boilerplate lines dropped ===\n")
    assert "- CAPTCHA\n" in rest


def test_html_named_file_without_tags_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "saved-as-text.html"
    path.write_text("The leaders spoke.\nShare", encoding="utf-8")
    readout = read_readout(path)
    assert (readout.source_format, readout.text) == ("text", "The leaders spoke.")


def test_pasted_news_page_loses_navigation_category_tags_and_related_headlines() -> None:
    readout = read_readout(FIXTURES / "news_page.txt")
    assert readout.text.split("\n\n")[0].startswith("Readout of the President's Call")
    assert readout.text.endswith("communication going forward.")
    for furniture in ("Home", "Statements and Releases", "Tags", "Related", "Navalny"):
        assert furniture not in readout.text
    assert readout.dropped[-5:] == (
        "Related articles",
        "Navalny's allies call for sanctions on oligarchs",
        "Election interference: what we know so far",
        "Cyber attacks on the rise, report says",
        "Home | Privacy | Contact",
    )


def test_related_headlines_make_no_topic_and_show_input_lists_them() -> None:
    from click.testing import CliRunner

    from readout_diff.cli import cli

    page = str(FIXTURES / "news_page.txt")
    result = CliRunner().invoke(cli, ["-f", "json", "samples/kremlin.txt", page])
    topics = {t["id"] for t in json.loads(result.stdout)["topics"]}
    assert not topics & {"navalny", "election-interference", "cyber", "sanctions"}
    shown = CliRunner().invoke(cli, ["--show-input", page, "samples/kremlin.txt"]).stdout
    assert "- Navalny's allies call for sanctions on oligarchs\n" in shown


def test_related_heading_early_cuts_only_when_headlines_follow() -> None:
    prose = "The leaders spoke at length about trade and about the talks on arms control."
    headlines = drop_boilerplate(f"{prose}\nRelated\nA\nB\nC\nD\nE\nF\nG\nH\nI\nJ")
    assert headlines.text == prose
    early = drop_boilerplate(f"Related\n{prose}\nThey agreed to meet again.\n{prose}")
    assert early.text == f"{prose}\nThey agreed to meet again.\n{prose}"
    assert early.dropped == ("Related",)


@pytest.mark.parametrize("encoding", ["windows-1251", "utf-8"])
def test_title_above_the_article_block_is_kept_in_any_encoding(
    tmp_path: Path, encoding: str
) -> None:
    title = "Телефонный разговор с Премьер-министром Остландии"
    page = (
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="{encoding}">'
        f"<title>{title} • Пример.ру</title></head><body>"
        '<nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>'
        f'<div class="read__top"><p><time>14 марта 2023 года</time></p><h1>{title}</h1></div>'
        '<div class="entry-content read__internal_content">'
        "<p>Состоялся телефонный разговор Владимира Путина с Премьер-министром Остландии.</p>"
        "<p>Собеседники обсудили ситуацию вокруг урегулирования на Украине.</p>"
        "<p>Условлено продолжить контакты на различных уровнях.</p></div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251" if encoding != "utf-8" else "utf-8"))
    assert read_readout(path).text.split("\n\n")[:2] == [
        title,
        "Состоялся телефонный разговор Владимира Путина с Премьер-министром Остландии.",
    ]


def test_show_input_says_1_boilerplate_line_and_1_sentence() -> None:
    readout = readout_from_text("Share\nThe leaders spoke.", "a", keep_boilerplate=False)
    shown = show_input(readout, ["The leaders spoke."])
    assert shown.splitlines()[0].endswith(" 18 characters, 1 sentence) ===")
    assert "=== 1 boilerplate line dropped ===" in shown
