"""`remove_chrome` takes the notices that blog and comment software print on every page of
every site that runs it (a comment form's "Your email address will not be published", "Comments
are closed", a post's filing line, an out-of-date-browser banner, a metered paywall's count), in
the nine languages of the interface vocabulary; sentences that merely share words with them stay.
"""

from __future__ import annotations

import pytest

from scrapeclean import Pipeline, cleaners
from scrapeclean.cleaners import _chrome_model
from scrapeclean.cleaners.chrome import RemoveChrome
from tests.conftest import assert_kept, assert_removed, chrome_rules_after_story, chrome_rules_on

_COMMENTS = (
    "Jane Roe said the old tram line was the only way her children could get to school.",
    "John Doe wrote that the council should have asked the riders before the vote was held.",
    "Max Muster added that the buses replacing the trams at night were always late and full.",
)


@pytest.mark.parametrize(
    "line",
    [
        "Comments are closed.",
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Notify me of follow-up comments by email.",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "This entry was posted in Politics and tagged trams, council. Bookmark the permalink.",
        "Learn more",
        "Thank you for visiting. You are using a browser version with limited support for CSS.",
        "You have read 3 of 5 free articles this month.",
        "Kommentar verfassen Antwort abbrechen",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
        "Diese Website verwendet Akismet, um Spam zu reduzieren.",
        "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit Berlin.",
        "Benachrichtige mich über neue Beiträge via E-Mail.",
        "Sie verwenden einen veralteten Browser. Bitte aktualisieren Sie ihn.",
        "Impressum",
        "Les commentaires sont fermés.",
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
        "Vous avez lu 1 des 4 articles gratuits ce mois-ci.",
        "Tu dirección de correo electrónico no será publicada.",
        "Los comentarios están cerrados.",
        "Il tuo indirizzo email non sarà pubblicato.",
        "O seu endereço de email não será publicado.",
        "Je e-mailadres wordt niet gepubliceerd.",
        "Twój adres e-mail nie zostanie opublikowany.",
        "Ваш адрес email не будет опубликован.",
        "Комментарии закрыты.",
        "Posted by Jane Roe at 12:11 PM",
        "Eingestellt von Max Muster um 21:11",
        "Publié par Jean Dupont à 08:00",
        "330 Bewertungen",
        "2 reviews",
        "Be Sociable, Share!",
        "Sharen mit:",
        "By submitting this form you agree to the Daily Bugle using your data for this purpose.",
        "Mit Absenden meiner E-Mail-Adresse willige ich ein, den Newsletter zu erhalten.",
        "We want to hear what you think. Submit a letter to the editor.",
    ],
)
def test_a_platform_notice_is_removed(line: str) -> None:
    assert_removed(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Comments are closed to the public until the council has voted, the clerk said.",
        "Learn more about the tram line at the council's public meeting on Monday.",
        "Riders said they were using an older tram that was often late.",
        "The mayor said his email address will not be published in the council's report.",
        "Reviews of the tram timetable were posted by the council at its meeting on Monday.",
        "By submitting its plan, the council agreed to a review of the line within five years.",
    ],
)
def test_a_sentence_sharing_words_with_a_platform_notice_stays(line: str) -> None:
    assert_kept(chrome_rules_on(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Donate Now",
        "Make a donation to keep this site free.",
        "We rely on your support to make local news available to all",
        "Please support our journalism with a donation.",
        "Support independent journalism",
        "For the latest stories download the Daily Bugle app for iOS and Android.",
        "To read our full stories, please turn off your ad blocker.",
        "Sign up to get the best content of the week, and great deals, as picked by the editors.",
        "Jetzt spenden!",
        "Jede kleine Spende hilft den Menschen in der Region!",
        "Ihr Beitrag hilft, unsere Berichterstattung weiter auszubauen.",
        "Bitte deaktivieren Sie Ihren Adblocker.",
        "Unser kostenloser Newsletter informiert Sie über unsere neuesten Beiträge.",
        "Je fais un don à l'association",
        "Apoya el periodismo independiente",
        "Haz una donación",
    ],
)
def test_a_call_for_support_an_app_or_an_ad_blocker_notice_is_removed(line: str) -> None:
    assert_removed(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "The foundation said it would support local journalism in the region for five years.",
        "Readers who download the council's app can see where each tram is in real time.",
        "Ad blockers are used by a third of readers, a survey of publishers found last year.",
        "Donations to the riders' association doubled after the vote, its treasurer said.",
    ],
)
def test_a_closing_sentence_about_support_apps_or_ad_blockers_stays(line: str) -> None:
    """Even as the last paragraph, below the rest of the story, where a flagged line would go."""
    assert_kept(chrome_rules_after_story(line), line)


class _StubModel:
    """A line model that says `probability` of every line, its story the first two lines, and
    keeps what it was asked to judge (`seen`)."""

    threshold = 0.5
    story_threshold = 0.99

    def __init__(self, probability: float) -> None:
        self.probability = probability
        self.seen: list[tuple[list[str], list[bool]]] = []
        self.second = self

    def reason(self, vector: list[float], *, probability: float) -> str:
        return "stub"

    def judge(self, texts: list[str], fires: list[bool], shapes: object) -> _StubModel:
        self.seen.append((list(texts), list(fires)))
        return self

    story = (0, 1)

    def __call__(self, indexes: list[int]) -> list[tuple[float, list[float]]]:
        return [(self.probability, [0.0]) for _ in indexes]


def _stub(monkeypatch: pytest.MonkeyPatch, probability: float) -> _StubModel:
    model = _StubModel(probability)
    monkeypatch.setattr(_chrome_model, "load_model", lambda: model)
    return model


def test_the_model_may_take_a_flagged_sentence_the_rules_spared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A comment form's notice is a sentence; below the story, between teasers or comments that
    read as prose, the rules spare it (a flagged sentence among prose stays). The line model,
    which judges where the story ends, may still take it: a rule's verdict does not keep a line
    from the model."""
    _stub(monkeypatch, 1.0)
    texts = [
        "The city council voted on Tuesday to keep the old tram line open after a long debate.",
        "Residents had collected 12,000 signatures in support of the line and its riders.",
        "Save my name, email, and website in this browser for the next time I comment.",
        _COMMENTS[0],
    ]
    verdicts: list[tuple[str, str] | None] = [None, None, ("chrome.call_to_action", "notice"), None]
    found = RemoveChrome._model_verdicts(texts, verdicts, _chrome_model.LineShapes())
    assert sorted(found) == [2, 3]
    assert found[2] == ("chrome.model", "stub")
    assert sorted(
        RemoveChrome._model_verdicts(texts, verdicts, _chrome_model.LineShapes(), {3})
    ) == [3]


def test_the_model_first_reads_every_line_as_it_was_trained(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The model learnt from whole page texts, the lines a rule flags among them (a feature says
    so): its first reading of a text is of every line, then of what is left."""
    model = _stub(monkeypatch, 0.0)
    lines = [
        "Home | News | Sport | Weather",
        "Share this article",
        *[
            f"Paragraph {n}: the council met again on Tuesday and the vote was close."
            for n in range(12)
        ],
        "Leave a Reply Cancel reply",
    ]
    result = Pipeline([cleaners.remove_chrome()]).clean("\n\n".join(lines))
    assert [change.rule for change in result.changes] == [
        "chrome.menu",
        "chrome.call_to_action",
        "chrome.call_to_action",
    ]
    (first_texts, first_fires), (then_texts, _) = model.seen[:2]
    assert first_texts == lines and first_fires == [True, True, *[False] * 12, True]
    assert then_texts == lines[2:-1]


_DISCLAIMERS = [
    "The views expressed in this article are those of the author and do not necessarily "
    "reflect the views of the Daily Bugle.",
    "We want to hear what you think about this article.",
    "Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.",
    "Wenn Sie inhaltliche Anmerkungen zu diesem Artikel haben, können Sie die Redaktion per "
    "E-Mail informieren.",
    "Les opinions exprimées dans ce blog n'engagent que leurs auteurs.",
    "Las opiniones expresadas en este artículo son responsabilidad exclusiva de su autor.",
    "Le opinioni espresse in questo articolo sono di responsabilità dell'autore.",
    "As opiniões expressas neste artigo são de responsabilidade exclusiva do autor.",
    "De meningen in deze column zijn die van de auteur.",
    "Opinie wyrażone w artykule są opiniami autora.",
    "Мнение редакции может не совпадать с мнением автора.",
]


@pytest.mark.parametrize("line", _DISCLAIMERS)
def test_an_editorial_disclaimer_is_removed(line: str) -> None:
    """The site's word that the views are the author's, or an invitation to write to the
    editors, in the nine languages of the interface vocabulary."""
    assert_removed(chrome_rules_after_story(line), line)


@pytest.mark.parametrize("line", [_DISCLAIMERS[0], _DISCLAIMERS[2], _DISCLAIMERS[4]])
def test_an_editorial_disclaimer_inside_the_story_is_the_site_speaking(line: str) -> None:
    """Between two paragraphs of the story, where a notice that reads as a sentence is spared,
    a disclaimer still goes: it is the site's voice, not the story's."""
    assert_removed(chrome_rules_on(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the report did not reflect the views of the government at all.",
        "She said the opinions expressed at the meeting were many and often very loud.",
        "Der Autor gibt in dem Buch die Meinung vieler Fahrgäste wieder, sagte der Sprecher.",
        "Les élus n'engagent que peu de fonds dans le projet de tramway, selon le maire.",
    ],
)
def test_a_sentence_sharing_words_with_a_disclaimer_stays(line: str) -> None:
    """Even as the last paragraph, below the rest of the story, where a flagged line would go."""
    assert_kept(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Note: we are temporarily moderating all comments submitted to deal with a surge in spam.",
        "Comments are moderated and will appear once approved.",
        "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.",
        "Kommentare werden vor der Veröffentlichung geprüft.",
        "Les commentaires sont modérés.",
        "Los comentarios son moderados.",
        "I commenti sono moderati.",
        "Reacties worden gemodereerd.",
        "Komentarze są moderowane.",
        "Комментарии проходят модерацию.",
        "Reach the reporter on Twitter at https://twitter.com/janeroe",
        "Sie erreichen die Autorin unter anna@example.org",
        "Let our news meet your inbox. The stories that matter, delivered weekday mornings.",
        "Get Tram Monthly delivered through your letterbox every month. 12 issues for £11.99. "
        "Click here for more information.",
    ],
)
def test_a_moderation_notice_a_contact_line_or_a_subscription_pitch_is_removed(line: str) -> None:
    assert_removed(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Facebook said comments are moderated by a team of thousands of contractors worldwide.",
        "The company said it would reach the writers at their homes on Monday to tell them.",
        "Die Kommentare des Ministers wurden im Rat lange und heftig diskutiert, sagte sie.",
    ],
)
def test_a_closing_sentence_about_comments_or_reaching_someone_stays(line: str) -> None:
    assert_kept(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!",
        "Zeige 1 bis 12 von 48 Ergebnissen",
        "Affichage de 1 à 12 sur 30 résultats",
        "Mostrando 1-12 de 40 resultados",
        "Visualizzazione di 1-12 di 40 risultati",
        "Exibindo 1–12 de 40 resultados",
        "Toont 1-12 van 40 resultaten",
        "Wyświetlanie 1–12 z 40 wyników",
        "Показано 1–12 из 40",
        "asked Feb 6, 2014 at 20:37",
        "edited 3 hours ago at 10:02",
        "Sorted by: Reset to default",
        "Sortiert nach: Relevanz",
        "Tel.:+49 (0)30-212 341-253",
        "Phone: +1 (212) 555-0100",
        "Tél. : 01 23 45 67 89",
    ],
)
def test_a_listing_counter_a_sort_control_or_a_question_stamp_is_removed(line: str) -> None:
    """Shops' and forums' result counters, sort controls, Q&A sites' "asked … at" stamps and
    contact lines that are a phone number only."""
    assert_removed(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "The council sorted by hand the 9,000 letters it received from riders before the vote.",
        "He asked Feb 6 at 10:00 whether the tram would run on the new line this winter.",
        "Between 10 and 12 of the 40 trams were out of service on Monday, the operator said.",
        "Phone sales rose 12 percent in 2019, the company said on Monday.",
        "Tel Aviv 2019",
    ],
)
def test_a_closing_sentence_with_counts_or_sorting_stays(line: str) -> None:
    assert_kept(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Jetzt neu! Besuchen Sie unseren Fan-Shop!",
        "Visit our online store for more.",
        "Die aktuelle Ausgabe der Tram-Zeitung jetzt an jedem Bahnhofskiosk, im Abo und als "
        "e-Paper erhältlich.",
        "The latest issue of the Tram Monthly is on sale now at newsstands.",
        "Lesen Sie das Tram Magazin. Einfach digital in der App oder im Shop als Abo oder "
        "Einzelheft.",
        "Wenn du informiert werden willst, kannst du den Tram Newsletter hier abonnieren.",
        "Help us continue to spread the magic of words to readers everywhere",
        "Send me email every new post.",
        "find more by Jane Roe",
        "More from John Doe",
    ],
)
def test_a_shop_a_magazine_or_a_follow_pitch_is_removed(line: str) -> None:
    assert_removed(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Residents said the new issue of the council newsletter was available at the library.",
        "Der Minister sagte, die aktuelle Ausgabe des Berichts sei ab Montag erhältlich.",
        "Die Zeitung sagte, die neue Ausgabe liege am Kiosk aus, doch viele Leser warteten.",
        "The council said it would help us keep the tram running for readers and riders alike.",
        "Die Stadt sagte, wer den Newsletter des Rates abonnieren wolle, könne das ab Montag tun.",
        "Readers who want the tram map can visit our shop in the station, the operator said.",
    ],
)
def test_a_closing_sentence_about_shops_issues_or_newsletters_stays(line: str) -> None:
    assert_kept(chrome_rules_after_story(line), line)
