from __future__ import annotations

import subprocess
import sys

from conftest import CORPORA

import summarykit


def test_n_jobs_gives_identical_results():
    one = summarykit.load(CORPORA / "dev", n_jobs=1)
    two = summarykit.load(CORPORA / "dev", n_jobs=2)
    assert one.documents == two.documents
    assert one.sections_frame().equals(two.sections_frame())


def test_corpus_indexing_by_id_and_position(seed_corpus):
    assert seed_corpus["000_13ecb70c73c97d6a/篇2"] is seed_corpus[1]
    assert len(seed_corpus[2:5]) == 3


def test_frames_join_on_ids(seed_corpus):
    docs, secs = seed_corpus.documents_frame(), seed_corpus.sections_frame()
    assert set(secs["doc_id"]) <= set(docs["doc_id"])
    assert docs["doc_id"].is_unique
    assert str(docs["n_chars"].dtype) == "Int64"


def test_import_has_no_side_effects():
    code = (
        "import sys, summarykit\n"
        "heavy = [m for m in ('jieba', 'pandas', 'sklearn', 'spacy', 'datasketch', 'matplotlib') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
