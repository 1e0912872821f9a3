"""Train the line model of `remove_chrome` and write ``src/scrapeclean/data/chrome_model.json``.

Run from the repository root (numpy and scikit-learn are needed here only, never at run time;
html-text flattens the pages as a naive scraper does)::

    pip install numpy scikit-learn html-text
    python scripts/train_chrome_model.py [--check] [--folds 5] [--silver W] [--cache FILE]
        [--trees N --depth N --rate R --leaf N]

Data: ``../shared/data/extraction`` (see its README). Each HTML page is flattened to page text
twice, by ``html_text.extract_text(html, guess_layout=True)`` and by BeautifulSoup's
``get_text("\\n")``; every non-blank line gets the features of
`scrapeclean.cleaners._chrome_model.line_features` and a label:

- zyte-dev and readability-dev (a reviewed body per page): a line of four or more words is
  body when at least half of its 4-word shingles are in the body; a shorter line is body when
  its words stand in the body in that order and a neighbouring line is body; anything else is
  chrome (the bodies themselves are pages too, every line of them body);
- snippets-dev (`with` snippets that must stay, `without` ones that must go): a line inside or
  around a `with` snippet is body, one inside or around a `without` snippet is chrome, other
  lines are left unlabelled (they still give their neighbours context).

With ``--silver W`` (W > 0) the model also learns from *silver* labels, given by scrapeclean's
own HTML extractor (``clean(html, html=True)``, which reads the DOM) instead of a human: the
pages of ``../shared/data/dates/htmldate-dev.jsonl`` (56 of its 270: the others are snippets-dev
pages) are labelled as zyte-dev is, by their overlap with the extracted text, and so are the
snippets-dev lines the snippets leave unlabelled. Silver lines weigh W times their usual
weight and are training data only: every figure is measured against the human labels (zyte-dev
bodies, snippets), in folds grouped by site (a silver page's site is its domain, like any
page's). ``--cache FILE`` keeps the flattened and extracted texts between runs (they do not
depend on the features). Two runs with the same data and code write the same file (the folds
are not shuffled, the boosting's sampling is seeded).

Lines are weighted by their length in words (what the shingle score counts), capped. The model
is scikit-learn's gradient boosting (small trees); it is exported as plain arrays. The script
prints the training figures beside cross-validated ones, the folds grouped by site (the domain
of the page's URL), so that no site is both learnt and measured; ``--check`` only reports.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from scrapeclean import clean
from scrapeclean.cleaners import remove_chrome
from scrapeclean.cleaners._chrome_model import (
    CONTEXT_FEATURES,
    FEATURES,
    context_features,
    line_features,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction"
SILVER = ROOT.parent / "shared" / "data" / "dates" / "htmldate-dev.jsonl"
OUT = ROOT / "src" / "scrapeclean" / "data" / "chrome_model.json"
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
#: The boosting parameters; ``--trees``, ``--depth``, ``--rate`` and ``--leaf`` change four.
PARAMS: dict[str, Any] = {
    "n_estimators": 150,
    "max_depth": 3,
    "learning_rate": 0.1,
    "subsample": 0.8,
    "min_samples_leaf": 20,
    "random_state": 7,
}
#: The weight of silver-labelled lines beside human-labelled ones (``--silver``).
SILVER_WEIGHT = 0.0


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, as the benchmark counts them."""
    return [token.lower() for token in _TOKEN.findall(text)]


def fold(text: str) -> str:
    """Whitespace folded to single spaces."""
    return _SPACE.sub(" ", text).strip()


def flatten(html: str) -> Iterator[tuple[str, str]]:
    """The page text of `html` from each flattener, with the flattener's name."""
    import html_text
    from bs4 import BeautifulSoup

    yield "html_text", html_text.extract_text(html, guess_layout=True)
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    yield "bs4", soup.get_text("\n")


def label_by_body(lines: list[str], body: str) -> list[int | None]:
    """1 for chrome, 0 for body, judged by overlap with the gold `body`."""
    body_tokens = tokens(body)
    shingles = {tuple(body_tokens[i : i + 4]) for i in range(len(body_tokens) - 3)}
    joined = f" {' '.join(body_tokens)} "
    labels: list[int | None] = []
    for line in lines:
        words = tokens(line)
        if len(words) >= 4:
            grams = [tuple(words[i : i + 4]) for i in range(len(words) - 3)]
            inside = sum(1 for gram in grams if gram in shingles)
            labels.append(0 if 2 * inside >= len(grams) else 1)
        else:
            labels.append(None if words and f" {' '.join(words)} " in joined else 1)
    for index, label in enumerate(labels):
        if label is None:
            near = [labels[j] for j in (index - 1, index + 1) if 0 <= j < len(labels)]
            labels[index] = 0 if 0 in near else 1
    return labels


def label_by_snippets(lines: list[str], keep: list[str], drop: list[str]) -> list[int | None]:
    """0 for a line in or around a `keep` snippet, 1 for a `drop` one, else None."""
    keep_f = [fold(s) for s in keep if fold(s)]
    drop_f = [fold(s) for s in drop if fold(s)]
    labels: list[int | None] = []
    for line in lines:
        text = fold(line)
        body = any(s in text or (len(text) > 3 and text in s) for s in keep_f)
        chrome = any(s in text or (len(text) > 3 and text in s) for s in drop_f)
        labels.append(0 if body and not chrome else 1 if chrome and not body else None)
    return labels


def page_rows(silver: bool = False) -> Iterator[dict[str, Any]]:
    """Every development page with its set name and site (the domain, or the page's id).

    With `silver`, the pages of `SILVER` follow (set ``silver``: no human label), but for those
    whose URL a development set already holds (most of them are snippets-dev pages).
    """
    paths = [
        DATA / name for name in ("zyte-dev.jsonl", "snippets-dev.jsonl", "readability-dev.jsonl")
    ]
    if silver:
        paths.append(SILVER)
    seen: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("synthetic") or row.get("url") in seen:
                    continue
                if row.get("url"):
                    seen.add(row["url"])
                row["set"] = "silver" if path == SILVER else path.name.split("-")[0]
                url = row.get("url")
                row["site"] = urlsplit(url).netloc.removeprefix("www.") if url else row["id"]
                yield row


class TextCache:
    """The flattened and extracted texts of each page, kept in a JSON file between runs."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.texts: dict[str, dict[str, str]] = {}
        if path is not None and path.is_file():
            self.texts = json.loads(path.read_text(encoding="utf-8"))
        self.changed = False

    def page(self, row: dict[str, Any], silver: bool) -> dict[str, str]:
        """The page text of each flattener (and ``extracted``, when `silver` asks for it)."""
        key = f"{row['set']}/{row['id']}"
        texts = self.texts.get(key)
        if texts is None:
            texts = self.texts[key] = dict(flatten(row["html"]))
            self.changed = True
        if silver and "extracted" not in texts:
            texts["extracted"] = clean(row["html"], html=True).text
            self.changed = True
        return texts

    def save(self) -> None:
        """Write the texts back, when there is a file and something new."""
        if self.path is not None and self.changed:
            self.path.write_text(json.dumps(self.texts), encoding="utf-8")


@dataclass
class Page:
    """One flattened page: its lines, and where their rows start in the data set."""

    set: str
    flattener: str
    lines: list[str]
    fires: list[bool]
    first: int
    row: dict[str, Any]


@dataclass
class Data:
    """Every line of every page: features, labels (-1: unlabelled), weights, sites."""

    x: np.ndarray
    y: np.ndarray
    w: np.ndarray
    groups: np.ndarray
    pages: list[Page]
    #: Whether each line's label is a human's (silver labels are for training only).
    human: np.ndarray


def page_marks(
    row: dict[str, Any], flattener: str, lines: list[str], extracted: str | None
) -> tuple[list[int | None], list[bool]]:
    """Each line's label (None: unlabelled) and whether a human's data gave it.

    `extracted` is the silver body (our HTML extractor's text), or None without silver labels.
    """
    if row["set"] == "snippets":
        marks = label_by_snippets(lines, row["with"], row["without"])
        human = [mark is not None for mark in marks]
        if extracted is not None:
            silver = label_by_body(lines, extracted)
            marks = [silver[i] if mark is None else mark for i, mark in enumerate(marks)]
        return marks, human
    if row["set"] == "silver":
        assert extracted is not None
        return list(label_by_body(lines, extracted)), [False] * len(lines)
    if flattener == "gold":
        return [0] * len(lines), [True] * len(lines)
    return label_by_body(lines, row["expected_text"]), [True] * len(lines)


def dataset(silver: float = 0.0, cache: Path | None = None) -> Data:
    """Features, labels, weights and site groups of every line, and the pages they form.

    With `silver` > 0 silver-labelled lines join, weighing `silver` times their usual weight.
    """
    cleaner = remove_chrome(model=False)
    features: list[list[float]] = []
    labels: list[int] = []
    weights: list[float] = []
    groups: list[str] = []
    human: list[bool] = []
    pages: list[Page] = []
    store = TextCache(cache)
    for row in page_rows(silver > 0):
        flat = store.page(row, silver > 0)
        texts = [(name, flat[name]) for name in ("html_text", "bs4")]
        if row["set"] in ("zyte", "readability"):
            texts.append(("gold", row["expected_text"]))  # clean input: every line must stay
        row.pop("html")
        for flattener, text in texts:
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            fires = [cleaner.verdict(line) is not None for line in lines]
            extracted = flat["extracted"] if silver > 0 else None
            marks, by_human = page_marks(row, flattener, lines, extracted)
            pages.append(Page(row["set"], flattener, lines, fires, len(labels), row))
            features.extend(line_features(lines, fires))
            labels.extend(-1 if mark is None else mark for mark in marks)
            weights.extend(
                (1 + min(len(tokens(line)), 40) / 4) * (1.0 if person else silver)
                for line, person in zip(lines, by_human, strict=True)
            )
            human.extend(by_human)
            groups.extend(row["site"] for _ in lines)
    store.save()
    return Data(
        np.array(features),
        np.array(labels),
        np.array(weights),
        np.array(groups),
        pages,
        np.array(human),
    )


def kept_text(page: Page, chrome: np.ndarray) -> str:
    """The page text without the lines the rules or the model flag (no cap, no guard)."""
    return "\n".join(
        line
        for index, line in enumerate(page.lines)
        if not page.fires[index] and not chrome[page.first + index]
    )


def shingle_counts(text: str) -> Counter[tuple[str, ...]]:
    """4-word shingles of the lower-cased tokens."""
    words = tokens(text)
    return Counter(tuple(words[i : i + 4]) for i in range(max(len(words) - 3, 0)))


def page_figures(data: Data, chrome: np.ndarray) -> str:
    """What the benchmark measures, computed from line decisions (rules fire as well)."""
    parts: list[str] = []
    for flattener in ("html_text", "bs4"):
        precision: list[float] = []
        recall: list[float] = []
        for page in data.pages:
            if page.set != "zyte" or page.flattener != flattener:
                continue
            ours = shingle_counts(kept_text(page, chrome))
            gold = shingle_counts(page.row["expected_text"])
            common = sum((ours & gold).values())
            precision.append(common / sum(ours.values()) if ours else 0.0)
            recall.append(common / sum(gold.values()) if gold else 1.0)
        p, r = float(np.mean(precision)), float(np.mean(recall))
        parts.append(f"zyte {flattener} F1 {2 * p * r / (p + r):.3f}")
    total = kept = 0
    for page in data.pages:
        if page.set == "zyte" and page.flattener == "gold":
            gold = shingle_counts(page.row["expected_text"])
            total += sum(gold.values())
            kept += sum((shingle_counts(kept_text(page, chrome)) & gold).values())
    parts.append(f"gold kept {kept / total:.2%}")
    counts = Counter[str]()
    for page in data.pages:
        if page.set != "snippets" or page.flattener != "html_text":
            continue
        source = fold("\n".join(page.lines))
        out = fold(kept_text(page, chrome))
        for key, snippets in (("with", page.row["with"]), ("without", page.row["without"])):
            for snippet in (fold(s) for s in snippets):
                if snippet and snippet in source:
                    counts[key] += 1
                    counts[f"{key} kept"] += snippet in out
    parts.append(
        f"snippets with kept {counts['with kept'] / counts['with']:.1%}, "
        f"without removed {1 - counts['without kept'] / counts['without']:.1%}"
    )
    return "; ".join(parts)


def line_scores(truth: np.ndarray, predicted: np.ndarray, weights: np.ndarray) -> str:
    """Weighted precision, recall and F1 of the chrome class, and accuracy."""
    tp = float(np.sum(weights * (truth == 1) * (predicted == 1)))
    fp = float(np.sum(weights * (truth == 0) * (predicted == 1)))
    fn = float(np.sum(weights * (truth == 1) * (predicted == 0)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = float(np.sum(weights * (truth == predicted)) / np.sum(weights))
    body_lost = fp / float(np.sum(weights * (truth == 0)))
    return (
        f"chrome P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; accuracy {accuracy:.3f}; "
        f"body lines (weighted) removed {body_lost:.3%}"
    )


def export(
    model: GradientBoostingClassifier, sample: np.ndarray, features: tuple[str, ...]
) -> dict[str, Any]:
    """One model as plain JSON arrays."""
    trees = []
    for estimator in model.estimators_[:, 0]:
        tree = estimator.tree_
        trees.append(
            {
                "feature": [int(f) if f >= 0 else -1 for f in tree.feature],
                "threshold": [round(float(t), 6) for t in tree.threshold],
                "left": [int(c) for c in tree.children_left],
                "right": [int(c) for c in tree.children_right],
                "value": [round(float(v), 5) for v in tree.value[:, 0, 0]],
            }
        )
    prior = float(model._raw_predict_init(sample[:1])[0, 0])
    return {
        "features": list(features),
        "prior": round(prior, 6),
        "rate": model.learning_rate,
        "trees": trees,
    }


def stacked(data: Data, first: np.ndarray) -> np.ndarray:
    """The second-stage features of every line, from first-stage scores `first`."""
    rows: list[list[float]] = []
    for page in data.pages:
        span = slice(page.first, page.first + len(page.lines))
        rows.extend(context_features(list(first[span]), data.x[span].tolist()))
    return np.array(rows)


def cross_validate(x: np.ndarray, data: Data, folds: int, params: dict[str, Any]) -> np.ndarray:
    """Out-of-fold scores of every line, folds grouped by site."""
    labelled = data.y >= 0
    scores = np.zeros(len(data.y))
    for train, test in GroupKFold(n_splits=folds).split(x, data.y, data.groups):
        train = train[labelled[train]]
        model = GradientBoostingClassifier(**params)
        model.fit(x[train], data.y[train], sample_weight=data.w[train])
        scores[test] = model.predict_proba(x[test])[:, 1]
    return scores


def report(data: Data, fitted: np.ndarray, oof: np.ndarray, thresholds: tuple[float, ...]) -> None:
    """Training and cross-validated figures at each threshold (human labels only)."""
    labelled = (data.y >= 0) & data.human
    y, w = data.y[labelled], data.w[labelled]
    for threshold in thresholds:
        print(f"threshold {threshold}:")
        for name, scores in (("training", fitted), ("CV by site", oof)):
            decided = scores >= threshold
            print(f"  {name:<11} lines: {line_scores(y, decided[labelled], w)}")
            print(f"  {name:<11} pages: {page_figures(data, decided)}")


def train(data: Data, params: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """Cross-validate both stages by site, report, and fit them on everything: the model file."""
    x, y, w = data.x, data.y, data.w
    labelled = y >= 0
    print(f"== parameters: {params} ==")
    oof1 = cross_validate(x, data, args.folds, params)
    first = GradientBoostingClassifier(**params).fit(
        x[labelled], y[labelled], sample_weight=w[labelled]
    )
    fitted1 = first.predict_proba(x)[:, 1]
    print("== first stage (line features) ==")
    report(data, fitted1, oof1, (0.5,))
    # The second stage learns from out-of-fold first-stage scores, as it will meet unseen pages.
    x2 = stacked(data, oof1)
    oof2 = cross_validate(x2, data, args.folds, params)
    second = GradientBoostingClassifier(**params).fit(
        x2[labelled], y[labelled], sample_weight=w[labelled]
    )
    fitted2 = second.predict_proba(stacked(data, fitted1))[:, 1]
    print("== second stage (and the first stage's scores around each line) ==")
    report(data, fitted2, oof2, (0.4, 0.5, 0.6, 0.7))
    ranked = sorted(
        zip(second.feature_importances_, FEATURES + CONTEXT_FEATURES, strict=True), reverse=True
    )
    print("importance: " + ", ".join(f"{name} {value:.3f}" for value, name in ranked[:12]))
    return {
        "about": "remove_chrome line model; rebuild with scripts/train_chrome_model.py",
        "threshold": args.threshold,
        "story_threshold": args.story_threshold,
        "first": export(first, x[labelled], FEATURES),
        "second": export(second, x2[labelled], FEATURES + CONTEXT_FEATURES),
    }


def main() -> int:
    """Build the data set, cross-validate by site, fit on everything, write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--story-threshold", type=float, default=0.85)
    parser.add_argument("--trees", type=int, default=PARAMS["n_estimators"])
    parser.add_argument("--depth", type=int, default=PARAMS["max_depth"])
    parser.add_argument("--rate", type=float, default=PARAMS["learning_rate"])
    parser.add_argument("--leaf", type=int, default=PARAMS["min_samples_leaf"])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model")
    parser.add_argument(
        "--silver",
        type=float,
        default=SILVER_WEIGHT,
        help="weight of the silver-labelled lines (0: human labels only)",
    )
    parser.add_argument("--cache", type=Path, help="a JSON file keeping the page texts")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is absent: nothing to train on")
        return 1
    silver = args.silver if SILVER.is_file() else 0.0
    data = dataset(silver, args.cache)
    y, groups = data.y, data.groups
    labelled = y >= 0
    people = labelled & data.human
    print(
        f"{len(y)} lines, {int(labelled.sum())} labelled ({int(people.sum())} by people), "
        f"{y[labelled].mean():.1%} of them chrome, {len(set(groups))} sites, silver {silver}"
    )
    params = {
        **PARAMS,
        "n_estimators": args.trees,
        "max_depth": args.depth,
        "learning_rate": args.rate,
        "min_samples_leaf": args.leaf,
    }
    model = train(data, params, args)
    if not args.check:
        out: Path = args.out
        out.write_text(json.dumps(model, separators=(",", ":")) + "\n")
        print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
