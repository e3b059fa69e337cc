from __future__ import annotations

from datetime import UTC, datetime

import pytest

from transforms.article import ExtractionError, extract_article

FETCHED = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
BODY = (
    "<p>MAIDUGURI, Nigeria (Lakes Chronicle) - Gunmen killed 11 farmers and abducted four others in an attack "
    "on a village in Borno state on Tuesday, a local official said.</p>"
    "<p>The attackers arrived on motorcycles at dawn and opened fire on farmers harvesting beans near Jere, "
    "the official said, asking not to be named because he was not authorised to speak to reporters.</p>"
    "<p>Residents said dozens of families had left for Maiduguri since the attack.</p>"
)


def page(head: str = "", body: str = BODY, lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Gunmen kill 11 farmers</title>'
            f'{head}</head><body><nav><a href="/">Home</a> <a href="/africa">Africa</a></nav>'
            f"<article><h1>Gunmen kill 11 farmers in Borno</h1>{body}</article>"
            f"<footer>&copy; 2026 Lakes Chronicle</footer></body></html>").encode()


def test_page_metadata_date_wins_and_is_recorded_as_page() -> None:
    html = page('<meta property="article:published_time" content="2026-11-25T06:30:00+01:00">')
    art = extract_article(html, "https://lakes.example/a", datetime(2026, 11, 26, tzinfo=UTC), FETCHED)
    assert art.date_source == "page"
    assert art.published_at == datetime(2026, 11, 25, 5, 30, tzinfo=UTC)
    assert "Gunmen killed 11 farmers" in art.text
    assert "Home" not in art.text and "2026 Lakes Chronicle" not in art.text


def test_feed_date_is_used_when_the_page_has_none() -> None:
    feed_date = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    art = extract_article(page(), "https://lakes.example/a", feed_date, FETCHED)
    assert art.date_source == "feed"
    assert art.published_at == feed_date


def test_no_date_anywhere_is_recorded_as_none() -> None:
    art = extract_article(page(), "https://lakes.example/a", None, FETCHED)
    assert (art.published_at, art.date_source) == (None, "none")


def test_a_page_date_far_in_the_future_is_rejected() -> None:
    html = page('<meta property="article:published_time" content="2027-03-01T00:00:00Z">')
    art = extract_article(html, "https://lakes.example/a", None, FETCHED)
    assert art.date_source == "none"


def test_metadata_title_language_site_and_canonical() -> None:
    html = page('<link rel="canonical" href="https://lakes.example/africa/borno-attack?utm_source=x">'
                '<meta property="og:site_name" content="Lakes Chronicle">', lang="en-GB")
    art = extract_article(html, "https://m.lakes.example/a", None, FETCHED)
    assert art.site_name == "Lakes Chronicle"
    assert art.language == "en"
    assert art.page_canonical_url == "https://lakes.example/africa/borno-attack"
    assert art.extractor.startswith("trafilatura ")


def test_a_home_page_canonical_is_ignored() -> None:
    html = page('<link rel="canonical" href="https://lakes.example/">')
    assert extract_article(html, "https://lakes.example/a", None, FETCHED).page_canonical_url is None


@pytest.mark.parametrize(
    "html",
    [b"", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", page(body="<p>Subscribe to read.</p>")],
    ids=["empty", "navigation-only", "paywall-stub"],
)
def test_pages_without_an_article_body_raise(html: bytes) -> None:
    with pytest.raises(ExtractionError):
        extract_article(html, "https://lakes.example/a", None, FETCHED)


def test_the_http_last_modified_date_is_the_last_resort_before_none() -> None:
    http = datetime(2026, 11, 26, 22, 0, tzinfo=UTC)
    art = extract_article(page(), "https://lakes.example/a", None, FETCHED, http_date=http)
    assert (art.published_at, art.date_source) == (http, "http")
    feed = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert extract_article(page(), "https://lakes.example/a", feed, FETCHED, http_date=http).date_source == "feed"


# A newsletter page: a greeting in the content block trafilatura looks for first, the stories
# themselves in a layout table. trafilatura's own pass alone keeps only the greeting (147
# characters, too short to be an article); compared with readability's, the stories come back.
STORIES = (
    ("Mopti", "Gunmen killed 11 villagers and wounded four others in an overnight raid on a farming settlement near "
     "Bandiagara, local officials said on Tuesday.", "The attackers burned granaries and drove off cattle, a "
     "member of the village council said by telephone."),
    ("Tillaberi", "About 2,300 people fled their homes after armed men attacked two villages near the border with "
     "Mali, the regional governor's office said.", "Most of them reached the town of Ayorou on foot, where aid "
     "groups were handing out food and plastic sheeting."),
    ("Borno", "Four soldiers were killed when their convoy struck a roadside bomb on the road between Damboa and "
     "Biu, two military sources said on Monday.", "The army did not comment on the attack, the third on that "
     "road this month."),
    ("North Kivu", "Fighting between the army and rebels displaced some 12,000 people from villages around Sake "
     "in the past week, the United Nations said.", "Families sheltered in schools and churches in Goma, a local "
     "aid worker said."),
)
NEWSLETTER = (
    "<html><body><div class='entry-content'><p>Welcome back to the weekly security briefing. Thanks for reading, "
    "and tell a colleague about it.</p><p>Send tips to the desk by replying to this message.</p></div>"
    "<table><tr><td><section>"
    + "".join(f"<div><b>{i}. {place}</b><br>{lede}<br>{more}</div>"
              for i, (place, lede, more) in enumerate(STORIES, start=1))
    + "</section></td></tr></table></body></html>"
).encode()


def test_a_page_whose_first_pass_finds_little_is_compared_with_the_other_extractors() -> None:
    art = extract_article(NEWSLETTER, "https://briefing.example/sahel/2026-11-24", None, FETCHED)
    assert "Gunmen killed 11 villagers" in art.text
    assert "some 12,000 people from villages around Sake" in art.text
