"""`extract_html`: keep the article's blocks of an HTML page, delete the rest as changes.

Reading HTML keeps the page's whole visible text as blocks, each with the DOM's evidence
(`scrapeclean.Block`). This step decides which blocks are article, from that evidence alone
(never from a site's name), and proposes deleting the others, one change per block, each with a
rule id and a reason:

- ``html.landmark``: the block is inside navigation (``<nav>``, ``<menu>``, ``role=navigation``),
  an aside (``<aside>``, ``role=complementary``), an open dialog, or a page header or footer
  (``<header>``, ``<footer>``, ``role=banner``, ``role=contentinfo``) outside the content
  container ("inside <nav>");
- ``html.control``: the block is inside a form or search box, or is mostly button or label
  text ("form control: inside <form>");
- ``html.outside_content``: the page has a content container (``itemprop=articleBody``, the
  main ``<article>``, ``<main>``) and the block is outside it ("outside the article
  container");
- ``html.class_words``: the nearest furniture word among the class and id words of the block and
  its ancestors (``share``, ``newsletter``, ``werbung``: the language files' ``html`` section)
  marks it, and no nearer content word (``embed``, ``articlebody``) speaks for it ("class or id
  word 'share'");
- ``html.link_list`` (on by default, ``link_lists=False`` turns it off): most of the block is
  link text ("link list: 92% link text");
- ``html.outside_content`` also when the block is outside the deepest element holding most of
  the page's prose: anywhere on a page with no content container ("outside the densest text
  region"), after that element inside a container ("outside the text region of the article");
- ``html.emptied_heading``: a short sub-heading (a label such as "Most read") whose whole
  section was removed by the rules above ("a heading whose section was removed");
- ``html.repeated``: a long block that repeats an earlier kept block word for word;
- ``html.related_section``: below the start of the story, a heading such as "Related stories",
  "Você pode gostar" or "Lesen Sie auch" (the language files' ``related_headings``) and the rest
  of the element it heads ("in the section the heading 'Related stories' opens");
- ``html.caption`` (only with ``captions=False``): an image caption;
- ``html.headline`` (kind ``title``): the kept ``<h1>`` that repeats the page's title.

The lead (prose between the page's ``<h1>`` and the content container) is kept.

On plain text (no block carries DOM evidence) the step proposes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from scrapeclean import _vocabulary
from scrapeclean._model import Block, ChangeKind, Document, Edit, Proposal, trusted_deletion
from scrapeclean._selectors import checked_selectors
from scrapeclean.cleaners._base import CAPTION_TOKENS, BaseCleaner, marked_block, read_from_html

__all__ = ["ExtractHtml", "extract_html"]

#: Landmarks that are never article text, with how a reason names them.
_CHROME_LANDMARKS = {
    "nav": "<nav>",
    "menu": "<menu>",
    "aside": "<aside>",
    "dialog": "<dialog>",
    "navigation": "role=navigation",
    "complementary": "role=complementary",
    "menubar": "role=menubar",
    "toolbar": "role=toolbar",
    "tablist": "role=tablist",
    "alertdialog": "role=alertdialog",
}
#: Landmarks that are page furniture unless they sit inside the content container.
_PAGE_LANDMARKS = {
    "header": "<header>",
    "footer": "<footer>",
    "banner": "role=banner",
    "contentinfo": "role=contentinfo",
}
#: A footer closes its section with furniture (tags, author box, sharing), inside the content
#: container too; a quote's or a figure's footer is its attribution, and stays.
_FOOTERS = frozenset({"footer", "contentinfo"})
_ATTRIBUTED = ("blockquote", "figure")
_CONTROL_LANDMARKS = {"form": "<form>", "search": "role=search"}
#: A block this much button or label text is a control, not prose.
_CONTROL_SHARE = 0.5


@dataclass(frozen=True, slots=True, repr=False)
class ExtractHtml(BaseCleaner):
    """Delete the blocks of an HTML page that are not article (see `extract_html`)."""

    factory = "extract_html"
    link_lists: bool = True
    min_link_share: float = 0.8
    remove: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    captions: bool = True

    def __post_init__(self) -> None:
        BaseCleaner.__post_init__(self)
        if not isinstance(self.captions, bool):
            raise TypeError(f"captions must be True or False, not {self.captions!r}")
        object.__setattr__(self, "remove", checked_selectors("remove", self.remove))
        object.__setattr__(self, "keep", checked_selectors("keep", self.keep))
        if not isinstance(self.link_lists, bool):
            raise TypeError(f"link_lists must be True or False, not {self.link_lists!r}")
        if not 0.0 < self.min_link_share <= 1.0:
            raise ValueError(f"min_link_share must be in (0, 1], not {self.min_link_share!r}")

    def __call__(self, doc: Document, /) -> Proposal:
        """Propose deleting each rejected block of `doc` (nothing for plain text)."""
        if not read_from_html(doc):
            return Proposal()
        blocks = doc.block_table()
        container = doc.source.container
        verdicts = self.verdicts(blocks, container)
        warnings: tuple[str, ...] = ()
        if container is not None and not _keeps_prose(blocks, verdicts):
            loose = [replace(block, in_main=False) for block in blocks]
            retried = self.verdicts(loose, None)
            if _keeps_prose(loose, retried):
                verdicts = retried
                warnings = (
                    f"the {container} container held none of the page's prose: every block "
                    f"was judged as on a page without a container",
                )
        _cut_headline(doc.text, blocks, verdicts, doc.title)
        _cut_repeats(doc.text, blocks, verdicts)
        if _cut_related_sections(doc.text, blocks, verdicts) and self.keep:
            self._steered(blocks, verdicts)  # the caller's `keep` still wins
        edits = _deletions(doc.text, blocks, verdicts)
        if blocks and all(verdict is not None for verdict in verdicts):
            warnings = ("every block of the page was judged page furniture; the text is empty",)
        return Proposal(edits=tuple(edits), warnings=warnings)

    def verdicts(
        self, blocks: Sequence[Block], container: str | None
    ) -> list[tuple[str, str] | None]:
        """``(rule, reason)`` for each block of a page that is not article, else None."""
        furniture = _FurnitureWords.of(blocks)
        found: list[tuple[str, str] | None] = []
        for block in blocks:
            verdict = self.verdict(block, container)
            if verdict is None:
                verdict = furniture.verdict(block)
            if verdict is None and self.link_lists and block.link_share >= self.min_link_share:
                verdict = "html.link_list", f"link list: {block.link_share:.0%} link text"
            if verdict is None and not self.captions and _is_caption(block):
                verdict = "html.caption", "an image caption (captions=False)"
            found.append(verdict)
        _keep_lead(blocks, found)
        _cut_outside_region(blocks, found, container)
        _cut_emptied_headings(blocks, found)
        if self.remove or self.keep:
            self._steered(blocks, found)
        return found

    @property
    def selectors(self) -> tuple[str, ...]:
        """The CSS selectors whose matches the page's blocks must record (`Block.selected`)."""
        return self.remove + self.keep

    def _steered(self, blocks: Sequence[Block], found: list[tuple[str, str] | None]) -> None:
        """Apply the caller's selectors: `keep` always keeps, `remove` always removes."""
        keep, remove = set(self.keep), set(self.remove)
        for index, block in enumerate(blocks):
            if not block.selected:
                continue
            kept = next((s for s in block.selected if s in keep), None)
            if kept is not None:
                found[index] = None
                continue
            removed = next((s for s in block.selected if s in remove), None)
            if removed is not None:
                found[index] = "html.selector", f"matches the selector {removed!r} given to remove"

    def verdict(self, block: Block, container: str | None) -> tuple[str, str] | None:
        """``(rule, reason)`` when the landmarks or the container reject `block`, else None.

        The rules that need the whole page (class and id words, link lists) are in `verdicts`.
        """
        landmark = block.landmark or ""
        if landmark in _CHROME_LANDMARKS:
            return "html.landmark", f"inside {_CHROME_LANDMARKS[landmark]}"
        if landmark in _FOOTERS and block.in_main and not _attribution(block):
            return "html.landmark", f"inside {_PAGE_LANDMARKS[landmark]} of the content"
        if landmark in _PAGE_LANDMARKS and not block.in_main:
            where = f"inside {_PAGE_LANDMARKS[landmark]}"
            if container is not None:
                where += f", outside the {container} container"
            return "html.landmark", where
        if landmark in _CONTROL_LANDMARKS:
            return "html.control", f"form control: inside {_CONTROL_LANDMARKS[landmark]}"
        if block.control_share >= _CONTROL_SHARE:
            return "html.control", f"form control: {block.control_share:.0%} button or label text"
        if container is not None and not block.in_main:
            return "html.outside_content", f"outside the {container} container"
        return None


#: A block of prose: this many characters at least, and under this share of link text.
_PROSE_CHARS = 80
_PROSE_LINKS = 0.3


def _is_prose(block: Block) -> bool:
    """Whether `block` is prose: `_PROSE_CHARS` or longer, under `_PROSE_LINKS` link text."""
    return block.span.end - block.span.start >= _PROSE_CHARS and block.link_share < _PROSE_LINKS


def _keeps_prose(blocks: Sequence[Block], verdicts: Sequence[tuple[str, str] | None]) -> bool:
    """Whether a block of prose (`_is_prose`) stays."""
    return any(
        verdict is None and _is_prose(block)
        for block, verdict in zip(blocks, verdicts, strict=True)
    )


#: The share of the page's prose the text region must hold.
_REGION_SHARE = 0.85


def _cut_outside_region(
    blocks: Sequence[Block], verdicts: list[tuple[str, str] | None], container: str | None
) -> None:
    """Reject the blocks outside the text region (see `_densest_region`).

    Without a content container, every block outside it goes. Inside a container only the
    blocks after the region go (tags, sharing, related stories below the story); the blocks
    above it (headline, lead, byline) stay.
    """
    region = _densest_region(blocks, verdicts)
    if region is None:
        return
    inside = [index for index, block in enumerate(blocks) if _inside(block, region)]
    start = inside[-1] + 1 if container is not None and inside else 0
    where = "densest text region" if container is None else f"text region of the {container}"
    for index in range(start, len(blocks)):
        if verdicts[index] is None and not _inside(blocks[index], region):
            verdicts[index] = "html.outside_content", f"outside the {where}"


def _densest_region(
    blocks: Sequence[Block], verdicts: Sequence[tuple[str, str] | None]
) -> str | None:
    """The selector of the smallest element holding most of the page's prose.

    The prose blocks still standing (`_PROSE_CHARS` or longer, under `_PROSE_LINKS` link text) are
    weighed by their text that is not link text; the region is the deepest element holding
    `_REGION_SHARE` of that weight. None when there is no prose.
    """
    weights: dict[str, float] = {}
    total = 0.0
    for block, verdict in zip(blocks, verdicts, strict=True):
        size = block.span.end - block.span.start
        if verdict is not None or not _is_prose(block):
            continue
        weight = size * (1 - block.link_share)
        total += weight
        if block.selector.startswith("…"):
            continue
        selector = block.selector
        end = selector.find(">")
        while end >= 0:  # each ancestor's selector: the text before each ">"
            prefix = selector[:end]
            weights[prefix] = weights.get(prefix, 0.0) + weight
            end = selector.find(">", end + 1)
    if not total:
        return None
    enough = [prefix for prefix, weight in weights.items() if weight >= _REGION_SHARE * total]
    return max(enough, key=lambda prefix: prefix.count(">"), default=None)


#: A lead paragraph: this many characters at least, under this share of link text.
_LEAD_CHARS = 40
_LEAD_LINKS = 0.2


def _keep_lead(blocks: Sequence[Block], verdicts: list[tuple[str, str] | None]) -> None:
    """Keep the lead: prose between the headline and the content container.

    Pages often put the standfirst under the ``<h1>`` but outside the ``articleBody`` or
    ``<article>`` element. Blocks rejected only for being outside the container, after the
    last ``<h1>`` before the container and before it, are kept when they are prose.
    """
    first_inside = next((i for i, block in enumerate(blocks) if block.in_main), None)
    if first_inside is None:
        return
    headline = max(
        (i for i in range(first_inside) if blocks[i].tag == "h1" and _outside_only(verdicts[i])),
        default=None,
    )
    if headline is None:
        return
    for index in range(headline + 1, first_inside):
        block, verdict = blocks[index], verdicts[index]
        if verdict is None or not _outside_only(verdict):
            continue
        size = block.span.end - block.span.start
        if size >= _LEAD_CHARS and block.link_share < _LEAD_LINKS:
            verdicts[index] = None


#: A heading at most this long is a label ("Related stories"), not a sentence.
_LABEL_CHARS = 40
#: Heading tags and their levels.
_HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def _cut_emptied_headings(blocks: Sequence[Block], verdicts: list[tuple[str, str] | None]) -> None:
    """Reject the sub-headings whose whole section was rejected ("Related", "Top Video").

    A section runs from an ``<h2>``-``<h6>`` to the next heading of the same or a higher level;
    a short heading (a label, not a sentence set as a heading: a pull quote) none of whose
    section's blocks (other than headings) is kept names furniture that has gone. The ``<h1>``
    is the headline: it stays.
    """
    for index, block in enumerate(blocks):
        level = _HEADING_LEVELS.get(block.tag, 0)
        if level < 2 or verdicts[index] is not None:
            continue
        if block.span.end - block.span.start > _LABEL_CHARS:
            continue
        if not _section_kept(blocks, verdicts, index, level):
            verdicts[index] = "html.emptied_heading", "a heading whose section was removed"


def _section_kept(
    blocks: Sequence[Block], verdicts: Sequence[tuple[str, str] | None], index: int, level: int
) -> bool:
    """Whether the section that the heading at `index` (of `level`) opens keeps any block."""
    for after in range(index + 1, len(blocks)):
        other = _HEADING_LEVELS.get(blocks[after].tag, 0)
        if other and other <= level:
            return False
        if not other and verdicts[after] is None:
            return True
    return False


def _attribution(block: Block) -> bool:
    """Whether a block in a footer is a quote's or a figure's attribution (its footer)."""
    parts = block.path.split(">")
    footer = max((i for i, part in enumerate(parts) if part == "footer"), default=len(parts))
    return any(part in _ATTRIBUTED for part in parts[:footer])


#: The tag of an image's caption.
_CAPTION_TAGS = frozenset({"figcaption"})


def _is_caption(block: Block) -> bool:
    """Whether `block` is an image's caption: in a ``<figcaption>``, or marked as a caption."""
    return marked_block(block, _CAPTION_TAGS, CAPTION_TOKENS)


def _outside_only(verdict: tuple[str, str] | None) -> bool:
    return verdict is None or verdict[0] == "html.outside_content"


def _inside(block: Block, region: str) -> bool:
    """Whether `block` is in the element `region`, the element's own text included.

    (Text around its paragraphs, or left in it when a ``<div>`` closed the ``<p>`` it was in.)
    """
    selector = block.selector
    return selector == region or selector.startswith((region + ">", "…"))


#: A class or id word on blocks holding this share of the page's text marks the page's layout
#: (``<body class="has-comments">``, ``<article class="post share-enabled">``), not furniture.
_PAGE_WIDE_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class _FurnitureWords:
    """The class and id words that mark page furniture on one page."""

    ignored: frozenset[str]

    @classmethod
    def of(cls, blocks: Sequence[Block]) -> _FurnitureWords:
        """Furniture words, except those on blocks with much of the page's text."""
        total = sum(block.span.end - block.span.start for block in blocks)
        carried: dict[str, int] = {}
        for block in blocks:
            found = _furniture_words(block.tokens)
            if found:
                size = block.span.end - block.span.start
                for token in found:
                    carried[token] = carried.get(token, 0) + size
        limit = _PAGE_WIDE_SHARE * total
        return cls(frozenset(token for token, size in carried.items() if size >= limit))

    def verdict(self, block: Block) -> tuple[str, str] | None:
        """``("html.class_words", reason)`` when `block` sits in marked furniture, else None."""
        content = _content_words()
        for token in reversed(block.tokens):
            if token in content:
                return None
            if token not in self.ignored and _furniture_word(token):
                return "html.class_words", f"class or id word {token!r}"
        return None


@lru_cache(maxsize=4096)
def _furniture_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct furniture words among `tokens` (pages repeat them: cached, bounded)."""
    return tuple(token for token in dict.fromkeys(tokens) if _furniture_word(token))


@lru_cache(maxsize=8192)
def _furniture_word(token: str) -> bool:
    """Whether a class or id word names page furniture (``share``, ``newsletter``, ``werbung``)."""
    words, prefixes = _furniture_vocabulary()
    return token in words or token.startswith(prefixes)


@lru_cache(maxsize=1)
def _content_words() -> frozenset[str]:
    """Class and id words of content: nearer to a block than a furniture word, they win."""
    return _vocabulary.words("html.content_tokens")


@lru_cache(maxsize=1)
def _furniture_vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    return (
        _vocabulary.words("html.boilerplate_tokens"),
        _vocabulary.phrases("html.boilerplate_prefixes"),
    )


def _deletions(
    text: str, blocks: Sequence[Block], verdicts: Sequence[tuple[str, str] | None]
) -> list[Edit]:
    """One deletion per rejected block, taking one of the blank lines around it along.

    A block is deleted with the separator after it; a block with no kept block after it is
    deleted with the separator before it, so the kept blocks stay one blank line apart and the
    text neither starts nor ends with one.
    """
    last_kept = max((i for i, verdict in enumerate(verdicts) if verdict is None), default=-1)
    edits = []
    for index, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        if verdict is None or block.span.start == block.span.end:
            continue
        if index < last_kept:
            start, end = block.span.start, _next_start(blocks, index, len(text))
        else:
            start = blocks[index - 1].span.end if index else 0
            end = block.span.end if index < len(blocks) - 1 else len(text)
        rule, reason = verdict
        kind = ChangeKind.TITLE if rule == "html.headline" else ChangeKind.CHROME
        edits.append(trusted_deletion(start, end, kind, reason, rule))
    return edits


def _cut_headline(
    text: str,
    blocks: Sequence[Block],
    verdicts: list[tuple[str, str] | None],
    title: str | None,
) -> None:
    """Take the kept ``<h1>`` that repeats the page's title out of the body (it is the title).

    The first kept block is left to `extract_title`, which takes a first line repeating the
    title off the top of any text.
    """
    if not title:
        return
    wanted = " ".join(title.split()).casefold()
    first = True
    for index, block in enumerate(blocks):
        if verdicts[index] is not None:
            continue
        if block.tag != "h1" or first:
            first = False
            continue
        heading = " ".join(text[block.span.start : block.span.end].split()).casefold()
        if heading == wanted:
            verdicts[index] = "html.headline", "the headline, repeating the page's title"
        return


#: A section heading that introduces other stories is at most this long.
_RELATED_HEADING_CHARS = 60
#: How many elements up from a related heading its section may be looked for.
_RELATED_REACH = 2
#: The blocks that reading related sections may go through, in all, per block of the page: a
#: page of thousands of such headings over sections left alone is read this far (linear time).
_RELATED_WORK = 4
#: What a related heading may end with besides its words ("Related:", "Mais lidas »").
_HEADING_TAIL = " \t:.…»›>→-–—!"


def _cut_related_sections(
    text: str, blocks: Sequence[Block], verdicts: list[tuple[str, str] | None]
) -> bool:
    """Reject the section a heading such as "Related stories" or "Você pode gostar" opens.

    Below the start of the story, a short block whose whole text is one of the language
    files' `related_headings` opens a section of other stories: the blocks after it inside its
    parent element (or, when nothing follows it there, inside the nearest of its
    `_RELATED_REACH` ancestors that holds more) go with it, rule ``html.related_section``.
    The section is left alone when it holds more of the kept prose than the page has above
    the heading and some of that prose stands as paragraphs of the section itself (not inside
    teasers of their own): that heading stands above the story, not below it. True when a block
    went.
    """
    phrases = _vocabulary.words("chrome.related_headings")  # (cached there)
    prose_above = 0
    cut = False
    index = 0
    budget = _RELATED_WORK * len(blocks)
    while index < len(blocks) and budget >= 0:
        block = blocks[index]
        size = block.span.end - block.span.start
        if verdicts[index] is None and _is_prose(block):
            prose_above += size
        heading = _related_heading(text, block, size, phrases) if prose_above else None
        if heading is None:
            index += 1
            continue
        scope, section = _section_after(blocks, index)
        budget -= len(section) + 1
        kept = [j for j in section if verdicts[j] is None]
        prose = [blocks[j] for j in kept if _is_prose(blocks[j])]
        below = sum(block.span.end - block.span.start for block in prose)
        if below <= prose_above or not any(_parent(block) == scope for block in prose):
            reason = f"in the section the heading {heading!r} opens (other stories)"
            for position in ([index] if verdicts[index] is None else []) + kept:
                verdicts[position] = "html.related_section", reason
                cut = True
            index = section[-1] + 1 if section else index + 1
        else:
            index += 1  # a section left alone is read on: it may be the story
    return cut


def _related_heading(
    text: str, block: Block, size: int, phrases: frozenset[str]
) -> str | None:
    """The block's text when it is a heading introducing other stories, else None."""
    if size > _RELATED_HEADING_CHARS or block.selector.startswith("…"):
        return None
    words = " ".join(text[block.span.start : block.span.end].split())
    return words if words.strip(_HEADING_TAIL).casefold() in phrases else None


def _section_after(blocks: Sequence[Block], index: int) -> tuple[str, list[int]]:
    """Where the section `blocks[index]` heads is: its element's selector, and its blocks.

    The blocks are those after `blocks[index]` inside that element; none: ``("", [])``.
    """
    selector = blocks[index].selector
    for _ in range(_RELATED_REACH):
        cut = selector.rfind(">")
        if cut <= 0:
            break
        selector = selector[:cut]
        inside = selector + ">"
        following = index + 1
        while (
            following < len(blocks)
            and blocks[following].selector.startswith(inside)
            and not _next_heading(blocks[following], blocks[index])
        ):
            following += 1
        if following > index + 1:
            return selector, list(range(index + 1, following))
    return "", []


def _next_heading(block: Block, heading: Block) -> bool:
    """Whether `block` opens the section after the one `heading` opens.

    It is a heading as high as `heading` or higher (any ``<h1>``-``<h6>`` when `heading` is
    another element), as deep in the page: the next section of a page whose sections are
    siblings (an encyclopedia's "See also", then its "Notes").
    """
    level = _HEADING_LEVELS.get(block.tag)
    return (
        level is not None
        and level <= _HEADING_LEVELS.get(heading.tag, 6)
        and block.depth == heading.depth
    )


def _parent(block: Block) -> str:
    """The selector of the element holding `block`'s element."""
    return block.selector[: max(block.selector.rfind(">"), 0)]


#: A block this long or longer that repeats a kept block word for word is a copy.
_REPEAT_CHARS = 60


def _cut_repeats(
    text: str, blocks: Sequence[Block], verdicts: list[tuple[str, str] | None]
) -> None:
    """Reject the kept blocks that repeat an earlier kept block word for word.

    A page repeats its furniture (a gallery's captions in a slideshow and in the story, a
    teaser's copy of a paragraph); the story says a thing once. Short blocks (under
    `_REPEAT_CHARS` characters: "No stats registered.") and questions (an interview asks each
    guest the same) may repeat.
    """
    seen: set[str] = set()
    for index, block in enumerate(blocks):
        if verdicts[index] is not None or block.span.end - block.span.start < _REPEAT_CHARS:
            continue
        key = " ".join(text[block.span.start : block.span.end].split()).casefold()
        if key.endswith("?"):
            continue
        if key in seen:
            verdicts[index] = "html.repeated", "repeats an earlier block of the page"
        else:
            seen.add(key)


def _next_start(blocks: Sequence[Block], index: int, length: int) -> int:
    return blocks[index + 1].span.start if index + 1 < len(blocks) else length


def extract_html(
    *,
    link_lists: bool = True,
    min_link_share: float = 0.8,
    remove: Iterable[str] | str = (),
    keep: Iterable[str] | str = (),
    captions: bool = True,
    name: str = "",
) -> ExtractHtml:
    """Make the step that keeps an HTML page's article blocks and deletes the rest.

    Each deleted block is one change with a rule id (``html.landmark``, ``html.control``,
    ``html.outside_content``, ``html.class_words``, ``html.link_list``) and a reason ("inside
    <nav>"). Blocks whose text is at least `min_link_share` link text are deleted unless
    ``link_lists=False``. Plain text passes through unchanged.

    `remove` and `keep` are CSS selectors for the sites you know: the blocks of an element
    `remove` matches are always deleted (rule ``html.selector``, the selector in the reason),
    those of an element `keep` matches never are (`keep` wins when both match). A selector that
    is not valid CSS raises ValueError naming it.

    Image captions belong to the story and stay; ``captions=False`` deletes them (rule
    ``html.caption``: a ``<figcaption>``, or a block whose own class or id words say
    ``caption`` or ``credit``), for corpora that want running text only.
    """
    return ExtractHtml(
        link_lists=link_lists,
        min_link_share=min_link_share,
        remove=checked_selectors("remove", remove),
        keep=checked_selectors("keep", keep),
        captions=captions,
        name=name,
    )
