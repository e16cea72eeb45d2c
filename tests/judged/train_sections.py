"""Learn the section weights from the hand labels, and measure them on clusters held out.

    python -m tests.judged.train_sections            # cross-validate, then write the weights
    python -m tests.judged.train_sections --check    # cross-validate only

Every sentence of the judged clusters is read as `briefing build` reads it (ingest, clean,
segment), its role features computed (briefing/text/roles.py) and mapped to its hand label
(tests/judged/multinews/CLUSTER.sections.tsv). Cross-validation leaves one cluster out: each
cluster is classified by weights learned on the other 11, both sentence by sentence and as the
brief shows them (the measure of `briefing eval --judged`). The weights written to
briefing/data/section_weights.toml are then learned on all the clusters (`learn`; a test checks
that the shipped file is what it gives). Needs ../shared/devsets/multinews (never copied here).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from briefing import pipeline
from briefing.render import views
from briefing.stages import classify, segment
from briefing.summary import judged as data
from briefing.summary.judged_measures import SECTION_OF, Built, ClusterReport, Ratio, sections
from briefing.text import roles
from briefing.text.section_model import SectionModel, fit, fit_acceptable

# A sentence goes to a section other than Statement only when the weights give it at least
# this probability (chosen by the held-out figures below; 0.3 to 0.45 differ by about a point).
THRESHOLD = 0.35
# ... and, deciding by the chance that a section is acceptable (section_model.py), a section
# other than Statement only when it is this much likelier to be acceptable than Statement.
# Leaving one cluster out, body claims in an acceptable section: 147/200 by the argmax of
# the label's probability, 149 with a margin of 0 (sentences 69.7% and 69.4%), and with
# 0.1 together with the third-party speaker features of roles.py: 151 (sentences 69.4%);
# margins of 0.05, 0.15 and 0.2 also give 151 (sentences 69.6%, 69.0%, 68.4%): flat.
# Weighting the sentences that briefs show 4 to 1 in training gave 150 (sentences 68.6%).
MARGIN = 0.1
OUT = Path(__file__).resolve().parents[2] / "briefing" / "data" / "section_weights.toml"
HEADER = """# Learned by `python -m tests.judged.train_sections` from the hand labels in
# tests/judged/multinews (every judged cluster). Do not edit by hand: change the features
# (briefing/text/roles.py, data/roles.toml) or the labels' definitions and learn again."""


def cluster_rows(name: str, docs: list[Path], scheme: classify.SectionScheme):
    """(features, label, acceptable sections, sentence key) of every judged sentence of a
    cluster (`scheme`: the sections and their cue words, without learned weights), and the
    cluster's documents and context to classify them again."""
    judged = data.load_judgements(data.JUDGED_DIR, name)
    articles, _ = pipeline.read_articles([str(p) for p in docs])
    documents = [segment.segment(a) for a in articles]
    locator = data.make_locator([a.source for a in articles], docs, judged)
    context = roles.context(documents)
    back = {v: k for k, v in SECTION_OF.items()}
    rows = []
    for document in documents:
        for s, f in zip(document.sentences, classify.role_features(scheme, document, context)):
            j = judged.sections.get(locator.span(s.source_id, s.text, s.start))
            if j is not None:
                rows.append((f, back.get(j.label, j.label), {back.get(k, k) for k in {j.label} | j.also}, s.key))
    return rows, documents, context


def held_sentences(rows, documents, context, scheme) -> Ratio:
    """Judged sentences that `scheme` places in an acceptable section."""
    where: dict = {}
    for document in documents:
        where.update(classify.sentence_sections(scheme, document, context))
    right = Ratio()
    for _, _, fits, key in rows:
        right.add(where[key] in fits)
    return right


def matrix(rows, keys, features):
    x = np.array([[f.get(n, 0.0) for n in features] for f, _, _, _ in rows])
    label = np.array([keys.index(lab) for _, lab, _, _ in rows])
    ok = np.array([[k in fits for k in keys] for _, _, fits, _ in rows], dtype=float)
    return x, label, ok


def train(rows, keys, features, default) -> SectionModel:
    x, label, ok = matrix(rows, keys, features)
    return fit_acceptable(fit(x, ok, label, keys, features, default, THRESHOLD), x, ok, MARGIN)


def brief_sections(names, docs, scheme) -> Ratio:
    """Body claims in an acceptable section, in the briefs `build` makes with `scheme`."""
    total = Ratio()
    for n in names:
        judged = data.load_judgements(data.JUDGED_DIR, n)
        brief = pipeline.build([str(p) for p in docs[n]], pipeline.Options(jobs=1, scheme=scheme)).brief
        built = Built(n, brief, views.to_markdown(brief), data.make_locator(brief.sources, docs[n], judged), judged)
        report = ClusterReport(n)
        sections(built, report)
        total += report.ratios["sections"]
    return total


def read_clusters():
    """The judged clusters' names, documents, the cue-only scheme and every cluster's rows."""
    names = data.judged_clusters(data.JUDGED_DIR)
    docs = data.cluster_docs(data.DEVSET, names)
    cue_scheme = replace(classify.load_scheme(), model=None)
    read = {n: cluster_rows(n, docs[n], cue_scheme) for n in names}
    return names, docs, cue_scheme, read


def learn_all(read, cue_scheme) -> SectionModel:
    """The weights learned on every judged sentence (those shipped in the package)."""
    rows = [r for rs, _, _ in read.values() for r in rs]
    keys = tuple(spec.key for spec in cue_scheme.specs)
    return train(rows, keys, tuple(rows[0][0]), cue_scheme.default)


def learn() -> SectionModel:
    _, _, cue_scheme, read = read_clusters()
    return learn_all(read, cue_scheme)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="cross-validate only; do not write the weights")
    args = ap.parse_args(argv)
    if not data.DEVSET.is_dir():
        print(f"{data.DEVSET}: not found; the judged clusters' articles are needed", file=sys.stderr)
        return 1
    names, docs, cue_scheme, read = read_clusters()
    keys = tuple(spec.key for spec in cue_scheme.specs)
    rows = {n: r for n, (r, _, _) in read.items()}
    features = tuple(next(iter(rows.values()))[0][0])
    folds = [[n] for n in names]  # leave one cluster out
    held, cue_words, statement, brief_held = Ratio(), Ratio(), Ratio(), Ratio()
    for test in folds:
        model = train([r for n in names if n not in test for r in rows[n]], keys, features, cue_scheme.default)
        for n in test:
            held += held_sentences(*read[n], replace(cue_scheme, model=model))
            cue_words += held_sentences(*read[n], cue_scheme)
            for _, _, fits, _ in rows[n]:
                statement.add(cue_scheme.default in fits)
        brief_held += brief_sections(test, docs, replace(cue_scheme, model=model))
        print(f"fold {', '.join(test)}: sentences held out {held.percent:.1f}% so far", file=sys.stderr)
    cue = brief_sections(names, docs, cue_scheme)
    print(f"sentences in an acceptable section, held out (one cluster at a time): "
          f"{held.hits}/{held.total} = {held.percent:.1f}% (all in Statement: {statement.percent:.1f}%, "
          f"cue words alone: {cue_words.percent:.1f}%)")
    print(f"brief body claims in an acceptable section, held out: {brief_held.hits}/{brief_held.total} "
          f"= {brief_held.percent:.1f}% (cue words alone: {cue.hits}/{cue.total} = {cue.percent:.1f}%)")
    model = learn_all(read, cue_scheme)
    fitted = sum((held_sentences(*read[n], replace(cue_scheme, model=model)) for n in names), Ratio())
    print(f"sentences in an acceptable section, weights learned on all: {fitted.percent:.1f}%")
    if not args.check:
        OUT.write_text(model.to_toml(HEADER), encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
