"""What a site profile adds to `remove_chrome`, on pages of sites it has not seen.

Run: python benchmarks/bench_chrome_profile.py [--sites N] [--pages M] [--learn K] [--seed S]

The test set is generated (`_sites.make_sites`): N synthetic sites of M pages, each site with
its own invented menu, masthead, meta-line and footer vocabulary and shapes, wrapped around real
article bodies (the gold bodies of ../shared/data/extraction/zyte-dev.jsonl and
readability-dev.jsonl, read at run time). For each site a `ChromeProfile` is learned from K of
its pages and every method is scored on its *other* M - K pages:

- ``none``: the page text as it is; ``c4``: C4's line rules (from bench_chrome.py);
- ``remove_chrome``: without a profile; ``remove_chrome+profile``: with the site's profile.

Scores, summed over the held-out pages: line level (a line counts as kept when it is in the
output; body lines are the positives: precision, recall, F1), bag of words (token multiset
precision, recall, F1 against the body), the share of the body's 4-gram shingles kept, and how
many lines the profile removed, of which how many were body lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable

from _results import record
from _sites import Page, make_sites
from bench_chrome import _TOKEN, DATA, c4_lines, flatteners, prf, rows, shingles

from scrapeclean import ChromeProfile, Pipeline
from scrapeclean.cleaners import remove_chrome

Method = Callable[[str], str]


def bodies() -> list[str]:
    """The gold bodies of zyte-dev and readability-dev (the real article texts)."""
    found: list[str] = []
    for name in ("zyte-dev.jsonl", "readability-dev.jsonl"):
        with (DATA / name).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if not row.get("synthetic") and len(row["expected_text"].split()) >= 50:
                    found.append(row["expected_text"])
    return found


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class Score:
    """Sums over pages: line-level and bag-of-words counts, gold shingles kept."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, page: Page, output: str) -> None:
        """Score one page's output against its body lines."""
        kept = Counter(line.strip() for line in output.split("\n") if line.strip())
        page_lines = [line.strip() for line in page.text.split("\n") if line.strip()]
        body = Counter(page.body)
        remaining = Counter(kept)
        for line in page_lines:
            in_output = remaining[line] > 0
            if in_output:
                remaining[line] -= 1
            is_body = body[line] > 0
            if is_body:
                body[line] -= 1
            self.counts["kept_body"] += is_body and in_output
            self.counts["kept"] += in_output
            self.counts["body"] += is_body
        ours = Counter(token.lower() for token in _TOKEN.findall(output))
        gold = Counter(token.lower() for token in _TOKEN.findall("\n".join(page.body)))
        self.counts["bow_common"] += sum((ours & gold).values())
        self.counts["bow_ours"] += sum(ours.values())
        self.counts["bow_gold"] += sum(gold.values())
        theirs = shingles("\n".join(page.body))
        self.counts["shingles_kept"] += sum((shingles(output) & theirs).values())
        self.counts["shingles"] += sum(theirs.values())

    def row(self) -> dict[str, float]:
        """The figures: line P/R/F1, bag-of-words P/R/F1, share of gold shingles kept."""
        c = self.counts
        line_p = c["kept_body"] / max(c["kept"], 1)
        line_r = c["kept_body"] / max(c["body"], 1)
        bow_p = c["bow_common"] / max(c["bow_ours"], 1)
        bow_r = c["bow_common"] / max(c["bow_gold"], 1)
        return {
            "line_precision": line_p,
            "line_recall": line_r,
            "line_f1": _f1(line_p, line_r),
            "bow_precision": bow_p,
            "bow_recall": bow_r,
            "bow_f1": _f1(bow_p, bow_r),
            "gold_kept": c["shingles_kept"] / max(c["shingles"], 1),
        }


def _run(step: object) -> Method:
    pipeline = Pipeline([step])  # type: ignore[list-item]
    return lambda text: pipeline.clean(text, html=False).text


def bench_real_pairs() -> list[dict[str, object]]:
    """Real pages of one site (zyte-dev has two pages of several sites): a precision check.

    The profile is learned from both pages of a site and applied to the same pages (in
    sample: two pages are all there is), so the figures say what a profile costs on real
    article text, not what it adds on unseen pages.
    """
    from urllib.parse import urlparse

    flatten = next(iter(flatteners("html_text").values()), None)
    if flatten is None:
        return []
    by_site: dict[str, list[tuple[str, str]]] = {}
    for row in rows("zyte-dev.jsonl", None):
        site = urlparse(row["url"]).netloc
        by_site.setdefault(site, []).append((flatten(row["html"]), row["expected_text"]))
    pairs = {site: pages for site, pages in by_site.items() if len(pages) >= 2}
    plain = _run(remove_chrome())
    results: dict[str, list[tuple[float, float, float]]] = {"remove_chrome": [], "+profile": []}
    kept = {"remove_chrome": [0, 0], "+profile": [0, 0]}
    removed = 0
    for pages in pairs.values():
        profile = ChromeProfile.learn([text for text, _ in pages])
        step = Pipeline([remove_chrome(profile=profile)])
        for text, gold in pages:
            result = step.clean(text, html=False)
            removed += sum(change.rule == "chrome.profile" for change in result.changes)
            for name, output in (("remove_chrome", plain(text)), ("+profile", result.text)):
                results[name].append(prf(output, gold))
                theirs = shingles(gold)
                kept[name][0] += sum((shingles(output) & theirs).values())
                kept[name][1] += sum(theirs.values())
    count = sum(len(pages) for pages in pairs.values())
    print(f"real pages: {len(pairs)} zyte-dev sites with two pages ({count} pages), in sample")
    table: list[dict[str, object]] = []
    for name, scores in results.items():
        p, r = (sum(s[i] for s in scores) / max(len(scores), 1) for i in range(2))
        share = kept[name][0] / max(kept[name][1], 1)
        print(f"  {name:<22} P {p:.3f} R {r:.3f} F1 {_f1(p, r):.3f}  gold kept {share:.2%}")
        table.append({"method": name, "precision": p, "recall": r, "f1": _f1(p, r),
                      "gold_kept": share})  # fmt: skip
    print(f"  the profiles removed {removed} lines")
    return table


def main() -> int:
    """Learn a profile per site on some pages, score the methods on the others."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=12)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--learn", type=int, default=4, help="pages per site to learn from")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is absent: nothing to measure")
        return 0
    sites = make_sites(bodies(), sites=args.sites, pages=args.pages, seed=args.seed)
    names = ("none", "c4", "remove_chrome", "remove_chrome+profile")
    scores = {name: Score() for name in names}
    profile_lines = profile_body_lines = 0
    plain = _run(remove_chrome())
    for site in sites:
        learned, held_out = site[: args.learn], site[args.learn :]
        profile = ChromeProfile.learn([page.text for page in learned])
        with_profile = Pipeline([remove_chrome(profile=profile)])
        for page in held_out:
            scores["none"].add(page, page.text)
            scores["c4"].add(page, c4_lines(page.text))
            scores["remove_chrome"].add(page, plain(page.text))
            result = with_profile.clean(page.text, html=False)
            scores["remove_chrome+profile"].add(page, result.text)
            for change in result.changes:
                if change.rule == "chrome.profile":
                    profile_lines += 1
                    profile_body_lines += change.before.strip() in page.body
    held = sum(len(site) - args.learn for site in sites)
    print(
        f"{len(sites)} synthetic sites, profiles learned from {args.learn} pages each, "
        f"scored on the other {held} pages"
    )
    header = f"  {'method':<22} {'line P':>7} {'line R':>7} {'line F1':>7} "
    print(header + f"{'BoW P':>7} {'BoW R':>7} {'BoW F1':>7} {'gold kept':>9}")
    table: list[dict[str, object]] = []
    for name, score in scores.items():
        row = score.row()
        print(
            f"  {name:<22} {row['line_precision']:7.3f} {row['line_recall']:7.3f} "
            f"{row['line_f1']:7.3f} {row['bow_precision']:7.3f} {row['bow_recall']:7.3f} "
            f"{row['bow_f1']:7.3f} {row['gold_kept']:9.2%}"
        )
        table.append({"method": name, **row})
    print(f"  the profiles removed {profile_lines} lines, {profile_body_lines} of them body lines")
    note = (
        f"{len(sites)} generated sites around real gold bodies; profile learned on {args.learn} "
        f"pages per site, scored on the other {held}; profile removed {profile_lines} lines "
        f"({profile_body_lines} body lines)"
    )
    record("chrome_profile", "held-out pages of generated sites", table, note=note)
    table = bench_real_pairs()
    record("chrome_profile", "real pages, two per site (in sample)", table, note="4-gram shingles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
