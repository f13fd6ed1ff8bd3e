"""Readers: one test per export format, on small synthetic fixtures (tests/fixtures/exports)."""

import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from postcheck import sources
from postcheck.sources import Mapping, SourceError
from postcheck.sources.base import fix_mojibake, iter_json_array
from postcheck.sources.mastodon import html_to_text

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def read(path, fmt=None, mapping=None):
    return list(sources.read([path], fmt, mapping))


def zipped(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as z:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                z.write(f, f.relative_to(folder).as_posix())
    return target


def test_twitter_folder_and_zip_give_the_same_records(tmp_path):
    folder = read(EXPORTS / "twitter")
    archive = zipped(EXPORTS / "twitter", tmp_path / "twitter-2023.zip")
    assert sources.detect(sources.open_archive(archive)) == "twitter"
    from_zip = read(archive)
    assert [(r.id, r.text) for r in folder] == [(r.id, r.text) for r in from_zip]
    ids = [r.id for r in folder]
    # tweets.js then tweets-part1.js, in file order
    assert ids == ["1700000000000000003", "1700000000000000002", "1700000000000000001",
                   "1700000000000000004", "1600000000000000001"]
    reply = folder[0]
    assert reply.reply_to == "1700000000000000002"
    assert reply.author == "dr_exemple" and reply.time == "2023-02-18T12:40:00Z"
    assert reply.url == "https://x.com/dr_exemple/status/1700000000000000003"
    # the truncated long post is replaced by its note-tweet.js text
    assert folder[3].text.endswith("qui ont tenu jusqu'au matin.")


def test_twitter_malformed_record_and_file(tmp_path):
    data = tmp_path / "x" / "data"
    data.mkdir(parents=True)
    (data / "tweets.js").write_text('window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "ok"}},'
                                    '{"tweet": {"full_text": "no id"}}, {"tweet": {"id_str": "3"}}]')
    (data / "tweets-part1.js").write_text('window.YTD.tweets.part1 = [{"tweet": {"id_str": "4", "full_text": "a"}},\n'
                                          '{"tweet": {"id_str": "5", "full_text": ')
    records = read(tmp_path / "x")
    assert [r.problem is None for r in records] == [True, False, False, True, False]
    assert "no id_str" in records[1].problem and records[2].id == "3"
    assert "tweets-part1.js" in records[4].problem and "line 2" in records[4].problem


def test_facebook_current_layout_repairs_mojibake():
    records = read(EXPORTS / "facebook")
    texts = {r.id.split(":")[1]: r for r in records}
    assert set(texts) == {"comments", "group_posts_and_comments", "your_comments_in_groups",
                          "your_posts__check_ins__photos_and_videos_1"}
    post = next(r for r in records if "Lefèvre" in (r.text or ""))
    assert post.text == "Reçu ce matin Mme Lefèvre, 82 ans, à Montargis pour une chute."
    assert post.time == "2023-02-18T11:33:20Z"
    comment = texts["comments"]
    assert comment.author == "Dr Exemple" and comment.thread == "Dr Exemple a commenté la publication de Jean Dupré."
    assert "25€" in texts["group_posts_and_comments"].text
    photo = [r for r in records if r.text == ""]
    assert len(photo) == 1  # a photo with no words is still a record (skipped as empty later)
    assert len({r.id for r in records}) == len(records)
    assert read(EXPORTS / "facebook")[0].id == records[0].id  # ids are stable


def test_facebook_older_layout():
    records = read(EXPORTS / "facebook-old")
    assert sorted(r.text for r in records) == ["Bonne idée.", "Congrès de médecine générale à Lyon en mars.",
                                              "Le cabinet déménage au 3 rue des Lilas à partir de lundi."]


def test_mojibake_repair_keeps_real_text():
    assert fix_mojibake({"a": ["RÃ©a"]}) == {"a": ["Réa"]}
    assert fix_mojibake("déjà") == "déjà"  # not mojibake: kept as is
    assert fix_mojibake("€uro ✓") == "€uro ✓"


@pytest.mark.parametrize("packing", ["folder", "zip", "tar.gz", "bare"])
def test_mastodon_archive_any_packing(tmp_path, packing):
    folder = EXPORTS / "mastodon"
    if packing == "folder":
        path = folder
    elif packing == "zip":
        path = zipped(folder, tmp_path / "archive.zip")
    elif packing == "tar.gz":
        path = tmp_path / "archive.tar.gz"
        with tarfile.open(path, "w:gz") as t:
            for f in folder.iterdir():
                t.add(f, f.name)
    else:
        path = tmp_path / "my-outbox.json"
        shutil.copy(folder / "outbox.json", path)
    records = read(path)
    assert [r.id.rsplit("/", 1)[1] for r in records] == ["1", "2", "4"]  # the boost is not the author's post
    reply = records[1]
    assert reply.reply_to == records[0].id and reply.time == "2023-02-18T12:40:00Z"
    assert reply.text == "Elle habite à Montargis & elle est institutrice.\n\nVos avis ?\nMerci #doctoctoc"
    assert reply.text[reply.text.index("Montargis"):][:9] == "Montargis"
    warned = records[2]
    assert warned.text.startswith("santé publique\n\n")  # content warning first
    assert "example.org/article-lo" in warned.text and "https://" not in warned.text
    assert warned.text.endswith("Affiche de la campagne de vaccination")  # alt text
    if packing != "bare":
        assert reply.author == "drexemple"


def test_html_to_text():
    assert html_to_text("<p>a &lt; b</p><p>c<br/>d</p>") == "a < b\n\nc\nd"


def test_reddit_discourse_linkedin_detected_by_header():
    reddit = read(EXPORTS / "reddit")
    assert {r.id for r in reddit} == {"reddit:abc1", "reddit:c1", "reddit:c2"}
    c2 = next(r for r in reddit if r.id == "reddit:c2")
    assert c2.reply_to == "reddit:c1" and c2.thread == "reddit:abc1" and c2.time == "2023-01-15T13:10:00Z"
    post = next(r for r in reddit if r.id == "reddit:abc1")
    assert post.text == "Garde de nuit\n\nLongue nuit, beaucoup de passages.\nCourage à tous."

    discourse = read(EXPORTS / "discourse" / "user_archive.csv")
    assert [r.id for r in discourse] == ["discourse:123/1", "discourse:124/2"]
    assert discourse[0].thread == "discourse:123" and discourse[0].time == "2023-03-01T10:00:00Z"

    linkedin = read(EXPORTS / "linkedin")
    share = next(r for r in linkedin if r.id.endswith("share:1"))
    assert share.text == 'Ravi de rejoindre le centre de santé.\nNous recrutons : "MG" bienvenus.'
    assert len(linkedin) == 3


def test_generic_csv_with_mapping():
    mapping = Mapping(text="body", id="post_id", author="who", time="when", reply_to="parent")
    records = read(EXPORTS / "generic" / "posts.csv", "csv", mapping)
    assert [(r.id, r.author, r.reply_to) for r in records] == [("p1", "dr_a", None), ("p2", "dr_b", "p1")]
    assert records[0].time == "2024-01-05T10:00:00"


def test_generic_csv_without_the_text_column_is_one_error():
    records = read(EXPORTS / "generic" / "posts.csv", "csv")
    assert len(records) == 1 and "--text-field" in records[0].problem


def test_jsonl_needs_no_options_and_reports_bad_lines(tmp_path):
    assert [r.id for r in read(EXPORTS / "generic" / "posts.jsonl")] == ["j1", "j2"]
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": 1, "text": "a"}\n{oops\n[1]\n{"id": "4"}\n{"text": "no id"}\n')
    records = read(path)
    assert records[0].id == "1" and records[0].problem is None
    assert "mixed.jsonl:2" in records[1].problem and "invalid JSON" in records[1].problem
    assert "not a JSON object" in records[2].problem
    assert "no 'text' field" in records[3].problem and records[3].id == "4"
    assert records[4].id == "mixed.jsonl:5"  # no id: the location stands in


def test_unknown_format_is_a_one_line_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(SourceError, match="format not recognised"):
        sources.check([path])
    with pytest.raises(SourceError, match="no such file"):
        sources.check([tmp_path / "missing.zip"])


def test_json_array_streaming_across_chunk_boundaries():
    items = [{"n": i, "s": "é" * (i % 7)} for i in range(50)]
    text = "window.YTD.tweets.part0 = " + json.dumps(items, indent=1)
    for chunk in (1, 7, 64, 1 << 20):
        got = [v for _, v in iter_json_array(io.StringIO(text), start_after="=", chunk=chunk)]
        assert got == items
