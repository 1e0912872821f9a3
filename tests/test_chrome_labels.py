"""`remove_chrome` takes section labels of related-content and comment boxes, in the languages
of the language files ("Ähnliche Beiträge", "Auch interessant...", "War der Artikel nützlich?")."""

from __future__ import annotations

import pytest

from tests.conftest import assert_kept, assert_removed, chrome_rules_after_story, chrome_rules_on


@pytest.mark.parametrize(
    "line",
    [
        "Ähnliche Beiträge",
        "Auch interessant...",
        "Das könnte Sie auch interessieren",
        "War der Artikel nützlich?",
        "Latest articles",
        "Don't miss",
        "Sur le même sujet",
        "Noticias relacionadas",
        "Articoli correlati:",
        "Похожие статьи",
        "Podobne artykuły",
        "Sharing is caring!",
        "Advert",
        "Filed under:",
        "Tell us what YOU think...",
        "Lesen Sie auch",
        "Das könnte Dich auch interessieren …",
        "Weiterführende Informationen",
        "Pour approfondir",
        "Kommentare (0)",
        "Inne artykuły autora",
        "Like Loading...",
        "Gefällt mir Wird geladen …",
        "Chargement…",
        "Le puede interesar",
        "- Anzeige -",
        "— Advertisement —",
        "ANZEIGE - Heute mal ausgehen? Wie wäre es mit:",
        "Empfiehl dies deinen Freunden.",
        "Möchten Sie den Artikel teilen?",
        "weiterlesen 5 Minuten",
        "Video verfügbar bis 28.02.2021",
        "Mehr zum Thema auf example.de",
        "Dieses Skript als PDF herunterladen",
        "Showing 1-10 of 19 results",
        "Comment by Jane Roe — 17.07.2011 @ 13:04",
        "Más sobre La Tribuna",
        "Comment by jroe42 — 17.07.2011 @ 20:53",
        "Vorschau auf den nächsten Artikel",
        "(Alle Angaben ohne Gewähr)",
        "Wszelkie prawa zastrzeżone.",
        "Riproduzione riservata",
        "Notizie correlate",
        "Voltar ao topo",
        "Leia a matéria completa",
        "Terug naar boven",
        "Ook interessant",
        "Przejdź do treści",
        "Artykuł sponsorowany",
        "Материалы по теме",
        "Новости партнёров",
        "Lo más visto",
        "Contenido patrocinado",
        "Retour en haut",
        "Contenu sponsorisé",
    ],
)
def test_a_section_label_is_removed(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line not in text
    assert rules == ["chrome.call_to_action"]


@pytest.mark.parametrize(
    "line",
    [
        "Latest articles suggest the line will stay open until 2030.",  # a sentence
        "Auch interessant war die Frage, wer die Kosten trägt.",
        "Don't miss the last tram on Friday, the mayor told riders.",
    ],
)
def test_a_sentence_that_opens_like_a_label_stays(line: str) -> None:
    assert_kept(chrome_rules_on(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "5 min read",
        "Reading time: 7 minutes",
        "21 minutes - 4312 words",
        "Lesezeit: 3 Minuten",
        "Temps de lecture : 4 min",
        "Tempo de leitura: 1 minuto",
        "Время чтения: 5 минут",
        "11 minut czytania",
    ],
)
def test_a_reading_time_is_removed(line: str) -> None:
    text, rules = chrome_rules_on(line)
    assert line not in text
    assert rules == ["chrome.call_to_action"]


def test_a_sentence_about_minutes_stays() -> None:
    line = "It takes 5 min to read the plan, the mayor said."
    assert_kept(chrome_rules_on(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Get the latest updates right in your inbox. Subscribe to our newsletters.",
        "Let our news meet your inbox. The stories that matter, delivered weekday mornings.",
        "Have a tip? Jane Roe may be reached at jroe@example.com. Follow her on Twitter @jroe.",
        "Email Jo Bloggs at jo@example.com or follow him on Twitter @jobloggs.",
        "Need more news? Subscribe to our sister title for the latest from the region!",
        "Folgen Sie uns auf Facebook und Instagram.",
        "Die wichtigsten Nachrichten des Tages direkt in Ihr Postfach.",
        "Abonnez-vous à notre newsletter.",
        "Síguenos en Telegram, Instagram, Facebook y Twitter",
        "Seguici su Facebook",
        "Volg ons op Twitter",
        "Подписывайтесь на наш канал в Telegram",
        "Obserwuj nas na Facebooku",
        "Never miss the latest news by signing up to our newsletter today!",
        "Please log in here to leave a comment.",
        "Image 3 of 5",
        "Bild 2 von 12",
        "(Reporting by Jo Bloggs; Editing by Jane Roe)",
        "Jane Roe of the Daily Bugle contributed to this report.",
        "This document is subject to copyright. No part may be reproduced without permission.",
        "Teile diesen Beitrag auf Social Media.",
        "Nur angemeldete Benutzer können kommentieren und bewerten.",
        "Materiał chroniony prawem autorskim. Dalsze rozpowszechnianie za zgodą wydawcy.",
        "Follow AP's full coverage of the election at https://example.com/election",
        "Torn between the latest phones? Check out our buying guide and favorite phones",
        'Jane Roe\'s book about the search for life on other worlds, "Out There" (Example '
        "Publishing, 2018; illustrated by Jo Bloggs), is out now. Follow her on Twitter @jroe.",
    ],
)
def test_a_newsletter_pitch_or_contact_line_is_removed(line: str) -> None:
    """Below the story, where such lines stand (inside it a sentence stays unless it speaks in
    the site's own voice)."""
    assert_removed(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe now to our e-edition for the full story.",
        "Need the rest? Subscribe today to our digital edition.",
        "Abonnieren Sie jetzt unseren Newsletter und verpassen Sie nichts.",
        "Never miss the latest news by signing up to our newsletter today!",
        "To view the full story, please subscribe to the Daily Bugle. Cancel any time.",
        "If you are seeing this message but you are already a subscriber, you can log in here.",
        "You must be logged in to post a comment.",
        "Nur angemeldete Benutzer können kommentieren und bewerten.",
        "Do you want to hear about our campaigns? Sign up here",
        "This post contains affiliate links: we may earn a commission when you buy through them.",
        "Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler.",
        "Tú también puedes apoyar este periodismo. Cancela cuando quieras.",
        "Unser kostenloser Newsletter informiert Sie über unsere neuesten Beiträge.",
        "Sign up to get the best content of the week, and great deals, as picked by the editors.",
        "For the latest stories download the Daily Bugle apps for iOS and Android.",
    ],
)
def test_a_call_to_subscribe_in_the_sites_voice_goes_inside_the_story(line: str) -> None:
    """A sentence in the middle of the story stays, unless it is the site asking to subscribe."""
    assert_removed(chrome_rules_on(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers to the service said the new timetable was confusing at first.",
        "Register offices across the county reported long queues for our reporters to see.",
        "The full story of the strike, which subscribers to the union bulletin received, is here.",
        "Die Anzeige gegen den Bürgermeister wurde am Montag zurückgezogen, sagte die Polizei.",
        "Ads for the new line ran for weeks - and riders came - the council said on Tuesday.",
        "Police said drivers who click here and there on their phones cause most crashes.",
        '"We may receive a commission," the estate agent told the court on Monday.',
        "Más de 300 personas viajaron en la línea el primer día, según el ayuntamiento.",
        "Comment by comment, the council went through the 9,000 riders' letters.",
        "Fans were told to check out our local stores, the mayor joked on Tuesday.",
    ],
)
def test_a_sentence_about_subscribers_stays_inside_the_story(line: str) -> None:
    assert_kept(chrome_rules_on(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Check the messages in your inbox carefully before you click on any link, police said.",
        "The senator said he would follow her on the committee if the vote passed.",
        "Police can be reached only by phone since the flood cut the station's internet line.",
        "Reporting by the Guardian revealed that the company had known for years.",
        "Research by the university found that the trams are safer than buses.",
        "The court ruled that the photograph is protected by copyright, not by contract.",
    ],
)
def test_a_sentence_about_inboxes_or_following_stays(line: str) -> None:
    assert_kept(chrome_rules_after_story(line), line)


@pytest.mark.parametrize(
    "line",
    [
        "Tags: python, docker, getting started",
        "Kategorie: News, open3",
        "Abgelegt unter: Archiv, Feminismus, Mama",
        "Filed under: Politics",
        "TAGS:",
        "Mots-clés : élections, Europe",
        "Etiquetas: fútbol",
        "Теги: политика, экономика",
        "Markiert: #gesundheit, #winter",
        "Categorie: Politica, Esteri",
    ],
)
def test_a_taxonomy_line_is_removed(line: str) -> None:
    """A label (tags, categories, topics) and a short list, no sentence."""
    text, rules = chrome_rules_on(line)
    assert line not in text
    assert rules == ["chrome.call_to_action"]


def test_a_sentence_after_a_taxonomy_label_stays() -> None:
    line = "Topic: the council will vote on the tram line. Residents are invited to speak."
    assert_kept(chrome_rules_on(line), line)
