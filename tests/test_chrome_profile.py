"""Site profiles: `ChromeProfile.learn`, its JSON form, and `remove_chrome(profile=...)`."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scrapeclean
from scrapeclean import ChromeProfile, Pipeline, ProfileError, replay
from scrapeclean.cleaners import remove_chrome

#: Furniture of an invented site: words no built-in vocabulary knows.
MASTHEAD = ["Glorvik Dispatch", "Kravolo", "Pindrel", "Ostmarra", "Velmoor Quarterly"]
FOOTER = ["Zelvane Trust", "Ombudsrand", "Marrowick Desk", "Glorvik Dispatch · Tallow Lane 12"]

STORIES = [
    [
        "The council voted on Tuesday to extend the tram line to the northern suburbs, after a "
        "debate that lasted most of the afternoon and drew a large crowd to the town hall.",
        "Supporters said the extension would cut commuting times for thousands of residents, "
        "while critics argued that the cost had doubled since the plan was first proposed.",
    ],
    [
        "Fishermen in the harbour town say the new quotas will force half of the fleet to stay "
        "in port for most of the winter, and several families are already selling their boats.",
        "The ministry replied that the quotas follow the scientists' advice on cod stocks and "
        "that a fund for the affected crews will open in the spring.",
    ],
    [
        "A small museum in the old mill has reopened after three years of repairs, with a new "
        "room given over to the weavers who worked there until the factory closed in 1961.",
        "Volunteers rebuilt two of the looms from drawings found in the attic, and they now "
        "run them for visitors on the first Sunday of every month.",
    ],
    [
        "The regional hospital will open a second maternity ward next month, the health board "
        "said, after two years in which expectant mothers were sent to clinics far away.",
        "Midwives welcomed the decision but warned that the ward would need more staff than the "
        "board has budgeted for if it is to stay open at night.",
    ],
    [
        "Heavy rain flooded the valley road for the third time this year, cutting off two "
        "villages until the water fell back late on Sunday evening.",
        "Residents have asked the county to raise the road by a metre, a project the engineers "
        "say would take two summers and cost more than the county can spend this year.",
    ],
]
SECTIONS = ["Harbour", "Civic Life", "Mill Country", "Wards", "Weather Desk"]


def page(index: int) -> str:
    """A page of the invented site: masthead, a meta line of the site's shape, story, footer."""
    meta = f"Filed under {SECTIONS[index]} ~ {3 * index + 2} murmurs"
    return "\n".join([*MASTHEAD, meta, *STORIES[index], *FOOTER])


def pages(count: int) -> list[str]:
    """The first `count` pages of the invented site."""
    return [page(index) for index in range(count)]


def test_learns_the_lines_repeated_across_pages() -> None:
    """Lines on every page are learned; story lines, each on one page, are not."""
    profile = ChromeProfile.learn(pages(4))
    assert profile.pages == 4
    assert all(line in profile for line in MASTHEAD + FOOTER)
    assert not any(line in profile for story in STORIES for line in story)


def test_learns_a_line_shape_with_a_varying_word_and_number() -> None:
    """'Filed under <*> ~ <#> murmurs' is learned and matches a section and count not seen."""
    profile = ChromeProfile.learn(pages(4))
    assert "Filed under Weather Desk ~ 40 murmurs" in profile
    assert "filed under <*> ~ <#> murmurs" in profile.shapes
    assert "Filed under the weather" not in profile


def test_one_page_is_not_a_site() -> None:
    """Learning needs two pages or more: a single page says nothing about repetition."""
    with pytest.raises(ValueError, match="at least two pages"):
        ChromeProfile.learn(pages(1))
    with pytest.raises(TypeError, match="not a single str"):
        ChromeProfile.learn(page(0))


def test_a_line_on_too_few_pages_is_not_learned() -> None:
    """A line on 2 of 10 pages is under min_share=0.25, and learned with min_share=0.2."""
    texts = pages(5) * 2  # ten pages
    texts[0] += "\nSeasonal Pindrel Fair"
    texts[1] += "\nSeasonal Pindrel Fair"
    assert "Seasonal Pindrel Fair" not in ChromeProfile.learn(texts)
    assert "Seasonal Pindrel Fair" in ChromeProfile.learn(texts, min_share=0.2)


def test_prose_repeated_by_coincidence_is_not_learned() -> None:
    """A sentence on two of four pages is not learned; site boilerplate prose on all four is."""
    quote = (
        "The minister said that the decision had been taken after a long consultation with "
        "the unions and the employers."
    )
    notice = (
        "Letters to the editor may be shortened and must carry the writer's full name and address."
    )
    texts = [f"{text}\n{notice}" for text in pages(4)]
    texts[0] += f"\n{quote}"
    texts[2] += f"\n{quote}"
    profile = ChromeProfile.learn(texts)
    assert quote not in profile
    assert notice in profile


def test_shapes_are_not_made_from_datelines_or_bylines() -> None:
    """Lines with a year or a time, and bylines, are left to parse_dateline: no shape."""
    texts = [
        f"{text}\nUpdated 2024-03-{index + 10} 10:{index}5 by the desk\nBy Ana Kovač{index} Staff"
        for index, text in enumerate(pages(4))
    ]
    profile = ChromeProfile.learn(texts)
    assert not any("<" in shape and "updated" in shape for shape in profile.shapes)
    assert "By Ana Kovač9 Staff" not in profile


@pytest.mark.parametrize(
    ("option", "value", "error"),
    [
        pytest.param("min_share", 1.5, ValueError, id="share-above-one"),
        pytest.param("min_share", True, TypeError, id="share-bool"),
        pytest.param("min_pages", 1, ValueError, id="one-page-is-enough"),
    ],
)
def test_learn_checks_its_options(option: str, value: object, error: type[Exception]) -> None:
    """Bad options are refused with the option's name."""
    with pytest.raises(error, match=option):
        ChromeProfile.learn(pages(3), **{option: value})  # type: ignore[arg-type]


def test_remove_chrome_with_a_profile_removes_the_site_furniture() -> None:
    """Unknown furniture the rules keep goes with the profile, as chrome.profile changes."""
    profile = ChromeProfile.learn(pages(4))
    unseen = page(4)
    plain = Pipeline([remove_chrome(model=False)]).clean(unseen, html=False)
    assert "Ombudsrand" in plain.text  # the rules do not know this site
    result = Pipeline([remove_chrome(model=False, profile=profile)]).clean(unseen, html=False)
    assert result.text == "\n".join(STORIES[4])
    rules = {change.rule for change in result.changes}
    assert rules == {"chrome.profile"}
    shaped = [change for change in result.changes if "murmurs" in change.before]
    assert "line shape" in shaped[0].reason
    assert replay(unseen, result.changes) == result.text


def test_the_profile_spares_prose_inside_the_story() -> None:
    """A sentence the profile knows stays when it stands inside the story."""
    notice = (
        "Letters to the editor may be shortened and must carry the writer's full name and address."
    )
    profile = ChromeProfile.learn([f"{text}\n{notice}" for text in pages(4)])
    story = STORIES[4]
    inside = "\n".join([story[0], notice, story[1]])
    result = Pipeline([remove_chrome(profile=profile)]).clean(inside, html=False)
    assert notice in result.text
    after = "\n".join([*story, notice])
    result = Pipeline([remove_chrome(profile=profile)]).clean(after, html=False)
    assert notice not in result.text


def test_the_cap_still_applies_with_a_profile() -> None:
    """A profile that would empty the page removes nothing and warns."""
    profile = ChromeProfile.learn([page(4), page(4)])
    step = remove_chrome(profile=profile, max_removed=0.3, model=False)
    result = Pipeline([step]).clean(page(4), html=False)
    assert result.text == page(4)
    assert any("max_removed=0.3" in warning for warning in result.warnings)


def test_pipeline_path_and_cleaner_values() -> None:
    """The default pipeline takes a profile by replacing its step; the cleaner pickles."""
    profile = ChromeProfile.learn(pages(4))
    step = remove_chrome(profile=profile)
    pipeline = Pipeline.default().replace("remove_chrome", step)
    assert "Ombudsrand" not in pipeline.clean(page(4), html=False).text
    assert "Ombudsrand" in Pipeline.default().clean(page(4), html=False).text
    assert pickle.loads(pickle.dumps(step)) == step
    assert repr(step) == (
        f"remove_chrome(max_removed=0.95, extra_phrases=frozenset(), profile={profile!r})"
    )
    assert repr(profile).startswith("ChromeProfile(pages=4, lines=")
    assert scrapeclean.ChromeProfile is ChromeProfile
    with pytest.raises(TypeError, match="ChromeProfile"):
        remove_chrome(profile={"lines": []})  # type: ignore[arg-type]


def test_json_round_trip(tmp_path: Path) -> None:
    """to_json/from_json and save/load give back an equal profile, with schema and version."""
    profile = ChromeProfile.learn(pages(4))
    data = json.loads(profile.to_json())
    assert data["schema"] == "scrapeclean.chrome_profile" and data["version"] == 1
    assert ChromeProfile.from_json(profile.to_json()) == profile
    path = tmp_path / "site.json"
    profile.save(path)
    assert ChromeProfile.load(path) == profile


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("{not json", "must be JSON", id="not-json"),
        pytest.param("[]", "JSON object", id="not-an-object"),
        pytest.param('{"schema": "other"}', "not a chrome profile", id="other-schema"),
        pytest.param(
            '{"schema": "scrapeclean.chrome_profile", "version": 99}',
            "version 99 is not supported",
            id="future-version",
        ),
        pytest.param(
            '{"schema": "scrapeclean.chrome_profile", "version": 1, "pages": 2, "lines": [1]}',
            "'lines' must be a list of strings",
            id="bad-lines",
        ),
        pytest.param(
            '{"schema": "scrapeclean.chrome_profile", "version": 1, "pages": -1}',
            "'pages' must be a non-negative int",
            id="bad-pages",
        ),
    ],
)
def test_bad_profiles_raise_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    """A file that is no valid profile raises ProfileError (a ValueError) naming the problem."""
    with pytest.raises(ProfileError, match=message):
        ChromeProfile.from_json(text)
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=f"bad.json: .*{message[:12]}"):
        ChromeProfile.load(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.sampled_from("ab 1:|\n.·›Ab"), max_size=80), min_size=2))
def test_any_pages_learn_and_clean(texts: list[str]) -> None:
    """Learning never raises on any pages, and cleaning with the profile replays exactly."""
    profile = ChromeProfile.learn(texts)
    assert ChromeProfile.from_json(profile.to_json()) == profile
    for text in texts:
        result = Pipeline([remove_chrome(profile=profile)]).clean(text, html=False)
        assert replay(text, result.changes) == result.text
