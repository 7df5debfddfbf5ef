"""Extraction: the readout inside a saved web page, a Markdown file or scraped text.

* :func:`html_to_text` takes the main text of an HTML page with trafilatura (menus,
  navigation, footers, share buttons and comment sections are left out by its
  content heuristics) and keeps one blank line between paragraphs.
* :func:`markdown_to_text` renders Markdown to plain text with markdown-it-py.
* :func:`drop_boilerplate` removes the lines a scraper or a copy-paste brings along
  with a readout: comment forms and CAPTCHA prompts, "Share" and "Print" rows,
  navigation rows and category lines, tags, bylines, date stamps, counters and a
  title repeated on the next line; a comment section or a block of related links
  after the readout is dropped to the end.

All of it runs before a readout's text is fixed, so report offsets stay valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# trafilatura's XML elements that hold one paragraph each.
_HTML_BLOCKS = frozenset({"head", "p", "item", "quote", "code", "row"})


def html_to_text(html: str) -> str | None:
    """The main text of an HTML page, one blank line between blocks; None if there is none."""
    import trafilatura
    from lxml import etree

    options: dict[str, Any] = {
        "output_format": "xml",
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "include_links": False,
        "include_formatting": False,
        "with_metadata": False,
        "deduplicate": False,
        "config": _trafilatura_config(),
    }
    xml = trafilatura.extract(html, **options)
    if xml is None and "<body" not in html.lower():
        # A fragment ("<p>…</p>") is not recognised as a page until it has a body.
        xml = trafilatura.extract(f"<html><body>{html}</body></html>", **options)
    if xml is None:
        return None
    main = etree.fromstring(xml.encode("utf-8")).find("main")
    if main is None:
        return None
    blocks = [_block_text(el) for el in main.iter() if _is_leaf_block(el)]
    text = "\n\n".join(b for b in (block.strip() for block in blocks) if b)
    if not text:
        return None
    title = _page_title(html)
    if title and _squeeze(title) not in _squeeze(text):
        # trafilatura keeps an <h1> only when it sits inside the block it takes for the
        # article; pages that put the title above that block (the Kremlin's layout) would
        # lose it, while pages that nest it (the White House's) keep it.
        text = f"{title}\n\n{text}"
    return text


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _page_title(html: str) -> str | None:
    """The page's headline: the <h1> the <title> repeats, else the only <h1>."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    headings = [_squeeze(h.text_content()) for h in root.iter("h1")]
    headings = [h for h in headings if h]
    title = _squeeze(" ".join(t.text_content() for t in root.iter("title")))
    for heading in headings:
        if title and heading in title:
            return heading
    return headings[0] if len(headings) == 1 else None


@lru_cache(maxsize=1)
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # A readout is short: below trafilatura's default of 250 characters it would fall
    # back to a baseline that glues menus and paragraphs together.
    config.set("DEFAULT", "min_extracted_size", "1")
    config.set("DEFAULT", "min_output_size", "1")
    # Our own size limit applies; trafilatura's timeout uses signals (main thread only).
    config.set("DEFAULT", "max_file_size", str(1 << 40))
    config.set("DEFAULT", "extraction_timeout", "0")
    return config


def _is_leaf_block(el: Any) -> bool:
    return el.tag in _HTML_BLOCKS and not any(
        child.tag in _HTML_BLOCKS for child in el.iterdescendants()
    )


def _block_text(el: Any) -> str:
    if el.tag == "row":
        return " ".join(t for t in (_block_text(cell).strip() for cell in el) if t)
    parts = [el.text or ""]
    for child in el:
        parts.append("\n" if child.tag == "lb" else _block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def looks_like_html(text: str) -> bool:
    """Whether text read from a file without an .html name is an HTML page."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in head:
        return True
    return (
        head.startswith("<")
        and re.search(r"<(body|head|article|main|div|p)[\s>]", head) is not None
    )


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def markdown_to_text(text: str) -> str:
    """Markdown with its markup removed: one blank line between blocks, links as their text."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    blocks: list[str] = []
    row: list[str] = []
    in_cell = False
    for token in md.parse(_FRONT_MATTER.sub("", text)):
        if token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type == "tr_close":
            blocks.append(" ".join(cell for cell in row if cell))
            row = []
        elif token.type == "inline":
            (row if in_cell else blocks).append(_inline_text(token.children or []))
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content)
        elif token.type == "html_block":
            blocks.append(_TAG.sub("", token.content))
    return "\n\n".join(b for b in (block.strip() for block in blocks) if b)


def _inline_text(children: list[Any]) -> str:
    parts = []
    for child in children:
        if child.type == "image":
            continue  # alt text describes a picture, it is not part of the readout
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")  # a wrapped line in Markdown is one space
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


# --- boilerplate ------------------------------------------------------------------

# A line that opens a comment section: when it comes in the second half of the text,
# everything from it on is the form and other readers' comments.
_COMMENT_OPENER = re.compile(
    r"(?:add|leave|post|write|submit) (?:a |new |your )?(?:comment|reply|response)s?"
    r"|(?:\d+ )?(?:comments?|responses?|replies)(?: \(\d+\))?|join the discussion"
    r"|reader comments|show comments|view comments"
    r"|(?:добавить|оставить|оставьте|написать|напишите) (?:свой |ваш )?комментари[йи]"
    r"|(?:\d+ )?комментари(?:и|ев|я|й)(?: \(\d+\))?",
    re.IGNORECASE,
)
_CAPTCHA = re.compile(
    r"captcha|testing whether or not you are a human|human visitor|are you (?:a )?human"
    r"|automated spam"
    r"|(?:enter|type) the (?:characters|code|letters|text|word)s? (?:shown|you see|in|from)"
    r"|i'?\s?a?m not a robot"
    r"|i am not a robot|введите (?:символы|код|текст) с (?:картинки|изображения)"
    r"|введите символы|я не робот|защитный код|проверочный код|антиспам",
    re.IGNORECASE,
)
# Labels and buttons of a comment form, and other page furniture.
_FURNITURE = re.compile(
    r"(?:your )?(?:name|e-?mail|email address|website|comment|message|subject)\s*\*?:?"
    r"|your e-?mail(?: address)? will not be published.*|required fields are marked.*"
    r"|(?:post comment|submit|send|save|preview|reply|cancel reply|log in to (?:comment|reply))"
    r"|notify me of (?:new|follow-up) .*|save my name, email.*"
    r"|(?:ваше )?имя\s*\*?:?|ваш e-?mail\s*\*?:?|(?:ваш )?комментарий\s*\*?:?"
    r"|отправить|ответить|опубликовать|обязательные поля помечены.*"
    r"|skip to (?:main )?content|back to top|read more|read also|see also"
    r"|related(?: articles| news| stories| posts)?|most read|advertisement|sponsored"
    r"|(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter.*|follow us(?: on .*)?"
    r"|we use cookies.*|accept (?:all )?cookies|читайте также|смотрите также|реклама"
    r"|подписывайтесь.*|наверх",
    re.IGNORECASE,
)
# A line that opens the links a news page puts under an article: related headlines, its
# tags. Like a comment section, everything from it on is dropped when it comes late.
_TAIL_OPENER = re.compile(
    r"related(?: articles?| news| stories| posts| content| coverage| topics| links)?"
    r"|(?:more|also) (?:on|about) this(?: story| topic)?|more (?:from|in) [\w .'-]{1,40}"
    r"|(?:you|we think you) (?:may|might) (?:also )?(?:like|be interested in)|recommended"
    r"|read (?:more|also|next)|see also|most (?:read|popular|viewed)|top stories|latest news"
    r"|(?:tags|topics|keywords|filed under)\s*:?(?:\s.*)?"
    r"|читайте также|смотрите также|по теме|другие новости|похожие (?:материалы|новости)"
    r"|(?:теги|ключевые слова|темы)\s*:?(?:\s.*)?",
    re.IGNORECASE,
)
# "Tags: Russia, United States, Kremlin": a label with a list of short items.
_LABEL_LIST = re.compile(
    r"(?:tags|topics|keywords|categories|category|filed under|section|теги|темы|рубрики?"
    r"|ключевые слова)\s*:\s*(?P<items>.+)",
    re.IGNORECASE,
)
# The section a page files a readout under, on a line of its own.
_CATEGORY = re.compile(
    r"home|homepage|главная|statements and releases|briefing room|speeches and remarks"
    r"|presidential actions|press briefings?|press releases?|news releases?|news stor(?:y|ies)"
    r"|readouts?|news|latest news|transcripts|telephone conversations|news and events"
    r"|новости|стенограммы|телефонные разговоры|заявления|пресс-релизы?",
    re.IGNORECASE,
)
_NAV_SEPARATORS = re.compile(r"\s+(?:[|›»>•·→]|::)\s+")
# Words of a row of share and print buttons ("Share | Tweet | Print", "Поделиться").
_SHARE_CORE = frozenset(
    "share print tweet facebook twitter telegram whatsapp viber linkedin reddit pinterest "
    "vk vkontakte email e-mail mail поделиться печать печати распечатать вконтакте одноклассники "
    "share: print:".split()
)
_SHARE_EXTRA = frozenset(
    "this on via the article page story version printer-friendly friendly printer copy link "
    "x ok send to a friend для печати версия ссылку ссылка скопировать копировать в".split()
)
_LABEL = (
    r"(?:published|updated|posted|last updated|date|time|dated|fecha de publicación"
    r"|fecha|imagen principal|featured image|image|photo|photos|tags|topics|categories"
    r"|category|section"
    r"|keywords|опубликовано|обновлено|дата|время|теги|темы|рубрика|фото|изображение)"
)
_LABEL_ONLY = re.compile(_LABEL + r"\s*:?", re.IGNORECASE)
_BYLINE = re.compile(
    r"(?:by|posted by|written by|reported by|authors?|source|photo|credit|автор|авторы|"
    r"текст|источник|фото)\s*:?\s*(?P<rest>.*)",
    re.IGNORECASE,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|янв|фев|мар|апр|авг|сен|окт|ноя|дек"
)
_WEEKDAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|понедельник|вторник|среда|четверг|пятница|суббота"
    r"|воскресенье"
)
_DATE_WORD = re.compile(
    rf"(?:{_MONTHS}|{_WEEKDAYS}|at|on|в|года?|г|am|pm|a\.m|p\.m|utc|gmt|msk|мск|et|est|edt"
    r"|cet|cest|bst|hrs|h|\d+(?:st|nd|rd|th)?)",
    re.IGNORECASE,
)
_DATE_SEPARATORS = re.compile(r"[\s,.:/\-–—|()]+")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d{1,2}:\d{2}")
_COUNTER = re.compile(
    r"\d[\d,.]{0,9}(?: (?:comments?|views?|replies|shares?|likes?"
    r"|просмотр(?:а|ов)?|комментари(?:й|я|ев)))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Boilerplate:
    """The text with its boilerplate lines dropped, and the lines dropped."""

    text: str
    dropped: tuple[str, ...]


def drop_boilerplate(text: str) -> Boilerplate:
    """Drop comment forms, CAPTCHA prompts, share rows, bylines, date stamps and the like."""
    lines = text.split("\n")
    kept: list[str] = []
    dropped: list[str] = []
    previous = ""
    position = 0
    half = len(text) / 2
    for number, line in enumerate(lines):
        stripped = line.strip()
        start = position
        position += len(line) + 1
        if not stripped:
            kept.append(line)
            continue
        if (_COMMENT_OPENER.fullmatch(stripped) and start >= half) or (
            _TAIL_OPENER.fullmatch(stripped)
            and (start >= half or _is_link_list(lines[number + 1 :]))
        ):
            # The comment section, or the related links and tags, run to the end of a
            # scraped page.
            dropped.extend(rest.strip() for rest in lines[number:] if rest.strip())
            break
        if is_boilerplate_line(stripped) or stripped == previous:
            dropped.append(stripped)
            # A blank line in its place keeps the paragraphs on each side apart.
            if kept and kept[-1].strip():
                kept.append("")
            continue
        kept.append(line)
        previous = stripped
    if not dropped:
        return Boilerplate(text=text, dropped=())
    while kept and not kept[-1].strip():
        kept.pop()  # blank lines left where a tail was cut
    return Boilerplate(text="\n".join(kept).lstrip("\n"), dropped=tuple(dropped))


def is_boilerplate_line(line: str) -> bool:
    """Whether one line (stripped) is page furniture rather than part of a readout."""
    if len(line) > 200:
        return False
    if _CAPTCHA.search(line):
        return True
    if _COMMENT_OPENER.fullmatch(line) or _FURNITURE.fullmatch(line):
        return True
    if _COUNTER.fullmatch(line) or _LABEL_ONLY.fullmatch(line) or _CATEGORY.fullmatch(line):
        return True
    return (
        _is_share_row(line)
        or _is_byline(line)
        or _is_date_stamp(line)
        or _is_label_list(line)
        or _is_navigation_row(line)
    )


def _is_link_list(lines: list[str]) -> bool:
    """Whether lines are headlines and links rather than prose: short, none ending in '.'."""
    rest = [line.strip() for line in lines if line.strip()]
    return bool(rest) and all(len(line.split()) <= 15 and not line.endswith(".") for line in rest)


def _is_label_list(line: str) -> bool:
    match = _LABEL_LIST.fullmatch(line)
    if match is None or line.endswith("."):
        return False
    items = [i for i in re.split(r"\s*[,;|#]\s*", match.group("items")) if i]
    return bool(items) and all(len(item.split()) <= 5 for item in items)


def _is_navigation_row(line: str) -> bool:
    """ "Home | World | Europe", "Главная › Новости", "March 14, 2023 • Statements and Releases"."""
    items = [i.strip() for i in _NAV_SEPARATORS.split(line) if i.strip()]
    if len(items) < 2:
        return False
    if all(is_boilerplate_line(item) for item in items):
        return True
    return len(items) >= 3 and all(
        len(item.split()) <= 4 and item[:1].isupper() and not item.endswith(".") for item in items
    )


def _is_share_row(line: str) -> bool:
    # "Поделиться:" and "Share:" are the same button with its colon.
    words = [w.rstrip(":") for w in re.split(r"[\s|·•/,]+", line.lower()) if w.rstrip(":")]
    return (
        len(words) <= 12
        and any(w in _SHARE_CORE for w in words)
        and all(w in _SHARE_CORE or w in _SHARE_EXTRA for w in words)
    )


def _is_byline(line: str) -> bool:
    match = _BYLINE.fullmatch(line)
    if match is None:
        return False
    rest = match.group("rest").strip()
    if not rest:
        return True
    # "By Jane Doe and John Roe", "Source: Kremlin.ru"; not "By phone, the leaders …".
    words = [w for w in re.split(r"[\s,]+", rest) if w]
    joiners = {"and", "и", "&", "staff", "reporter", "correspondent"}
    return (
        len(words) <= 6
        and not rest.endswith(("!", "?"))
        and (not rest.endswith(".") or len(words[-1]) <= 3)
        and all(w[:1].isupper() or w.lower() in joiners for w in words)
        and words[0][:1].isupper()
    )


def _is_date_stamp(line: str) -> bool:
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return False
    body = re.sub(rf"^{_LABEL}\s*:?\s*", "", line, flags=re.IGNORECASE)
    words = [w for w in _DATE_SEPARATORS.split(body) if w]
    has_date = _NUMERIC_DATE.search(body) is not None or any(
        re.fullmatch(_MONTHS, w, re.IGNORECASE) for w in words
    )
    return has_date and all(_DATE_WORD.fullmatch(w) for w in words)
