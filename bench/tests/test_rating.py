"""The rating app: blind pages, refusals, escaping, resume, traversal; and the real page in headless chromium
(keyboard rating, rows in SQLite, a kill -9 of the server loses nothing)."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from starlette.testclient import TestClient
from vbvr_benchmark.commands.rate import _is_loopback
from vbvr_benchmark.rating import SCALES, Rating, RatingStore, build_study
from vbvr_benchmark.rating.app import create_app
from vbvr_benchmark.rating.study import StudyError, parse_model_option
from vbvr_core.judge.baselines import write_baseline

BASELINES = ("oracle", "static", "noise")
KEY = "G-15_grid_avoid_obstacles"
MODEL_PREFIX = "model_"  # distinctive, so the blindness check can look for it in the page
TRAVERSALS = ("/media/../../../../etc/passwd", "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/app.py",
              "/static/..%2f..%2fapp.py", "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd/video.mp4",
              "/media/..%2F..%2F..%2Fetc/first_frame.png", "/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd")


@pytest.fixture(scope="module")
def model_videos(samples, tmp_path_factory) -> dict[str, Path]:
    """Three baseline 'models' (model_oracle, model_static, model_noise) of the three conftest samples."""
    root = tmp_path_factory.mktemp("models")
    for kind in BASELINES:
        for folder in sorted((samples / KEY).iterdir()):
            write_baseline(kind, folder, root / kind / KEY / f"{folder.name}.mp4")
    return {MODEL_PREFIX + kind: root / kind for kind in BASELINES}


@pytest.fixture()
def client(samples, model_videos, tmp_path):
    study = build_study(samples, model_videos, seed=3)
    store = RatingStore(tmp_path / "ratings.sqlite")
    return TestClient(create_app(study, store)), study, store


def _form(rater: str, token: str, values=(4, 3, 5), comment: str = "") -> dict[str, str]:
    return {"rater": rater, "item": token, **{scale: str(v) for scale, v in zip(SCALES, values, strict=True)},
            "comment": comment}


def test_study_pairs_every_sample_with_every_model_and_shuffles_per_rater(samples, model_videos):
    study = build_study(samples, model_videos, seed=3)
    assert len(study.items) == 9 and not study.skipped
    assert {item.model for item in study.items} == {MODEL_PREFIX + kind for kind in BASELINES}
    first, again, other = study.order_for("ana"), study.order_for("ana"), study.order_for("bo")
    assert [item.token for item in first] == [item.token for item in again]
    assert [item.token for item in first] != [item.token for item in other]
    assert len({item.token for item in study.items}) == 9


def test_model_options_are_validated():
    assert parse_model_option("wan-2.2=out/videos") == ("wan-2.2", Path("out/videos"))
    for bad in ("novalue", "=dir", "a b=dir", "../x=dir", "m="):
        with pytest.raises(StudyError, match="--videos"):
            parse_model_option(bad)


def test_page_is_blind_and_shows_prompt_frame_and_video(client):
    http, study, _ = client
    page = http.get("/rate", params={"rater": "ana"})
    item = study.order_for("ana")[0]
    assert page.status_code == 200
    assert item.prompt in page.text and f"/media/{item.token}/video.mp4" in page.text
    assert "0 of 9 rated" in page.text
    assert MODEL_PREFIX not in page.text and str(item.video.parent) not in page.text
    assert http.get(f"/media/{item.token}/video.mp4").content == item.video.read_bytes()


def test_submitting_stores_one_row_and_moves_to_the_next_video(client):
    http, study, store = client
    order = study.order_for("ana")
    answer = http.post("/rate", data=_form("ana", order[0].token), follow_redirects=False)
    assert answer.status_code == 303
    http.post("/rate", data=_form("ana", order[0].token, (1, 1, 2)))  # a second submission replaces the first
    rows = store.ratings("ana")
    assert [(r.model, r.key, r.index, r.task_completion, r.visual_quality) for r in rows] == [
        (order[0].model, order[0].key, order[0].index, 1, 2)]
    page = http.get("/rate", params={"rater": "ana"})
    assert "1 of 9 rated" in page.text and order[1].token in page.text and order[0].token not in page.text


def test_several_raters_rate_at_once_and_every_rating_is_kept(samples, model_videos, tmp_path):
    study = build_study(samples, model_videos, seed=3)
    store = RatingStore(tmp_path / "ratings.sqlite")
    app = create_app(study, store)

    def rate_all(rater: str) -> list[int]:
        with TestClient(app) as http:
            return [http.post("/rate", data=_form(rater, item.token)).status_code for item in study.order_for(rater)]

    with ThreadPoolExecutor(max_workers=3) as pool:
        statuses = list(pool.map(rate_all, ["ana", "bo", "cy"]))
    assert statuses == [[200] * 9] * 3  # each post is answered by the next page (after the 303)
    assert len(store.ratings()) == 27 and all(len(store.rated(rater)) == 9 for rater in ("ana", "bo", "cy"))
    done = TestClient(app).get("/rate", params={"rater": "bo"}).text
    assert "All done" in done and "9 of 9 rated" in done and 'name="item"' not in done


def test_rater_names_and_comments_are_escaped(client):
    http, study, _ = client
    rater, comment = "<img src=x onerror=alert(1)>", "<script>alert('x')</script> & \"quotes\""
    http.post("/rate", data=_form(rater, study.order_for(rater)[0].token, comment=comment))
    page = http.get("/rate", params={"rater": rater}).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;quotes&#34;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize(("field", "value", "message"), [
    ("task_completion", "6", "task_completion: choose a whole number from 1 to 5"),
    ("reasoning_logic", "", "reasoning_logic: choose a whole number"),
    ("visual_quality", "2.5", "visual_quality: choose a whole number"),
    ("rater", "", "rater: enter your name"),
    ("rater", "x" * 41, "rater: at most 40 characters"),
    ("rater", "a\u200bb", "rater: control or invisible characters"),
    ("item", "0123456789abcdef", "item: not a video of this study"),
    ("comment", "y" * 2001, "comment: at most 2000 characters"),
])
def test_bad_form_values_are_refused_with_a_clear_message_and_nothing_is_stored(client, field, value, message):
    http, study, store = client
    form = _form("ana", study.order_for("ana")[0].token)
    form[field] = value
    answer = http.post("/rate", data=form)
    assert answer.status_code == 400 and message in answer.text.replace("&#39;", "'")
    assert store.ratings() == []


def test_cross_site_and_oversized_posts_are_refused(client):
    http, study, store = client
    form = _form("ana", study.order_for("ana")[0].token)
    assert http.post("/rate", data=form, headers={"Origin": "http://evil.example"}).status_code == 403
    assert http.post("/rate", data={**form, "padding": "z" * 20_000}).status_code == 400
    assert store.ratings() == []
    assert http.post("/rate", data=form, headers={"Origin": "http://testserver"}).status_code == 200


def test_media_and_static_serve_only_their_files(client):
    http, study, _ = client
    token = study.items[0].token
    assert http.get(f"/media/{token}/first_frame.png").headers["content-type"] == "image/png"
    assert http.get("/static/rate.js").status_code == 200
    for url in (f"/media/{token}/metadata.json", f"/media/{token}/../../prompt.txt", "/media/nope/video.mp4",
                *TRAVERSALS):
        assert http.get(url).status_code == 404, url


def test_only_loopback_counts_as_private():
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.168.1.4") and not _is_loopback("example.org")


def test_store_counts_the_latest_rating_keeps_every_one_and_exports_csv(tmp_path):
    store = RatingStore(tmp_path / "r.sqlite")
    store.save_many([Rating("ana", "m", "G-15_x", 0, 5, 4, 3, "ok, \"fine\"\nsecond line"),
                     Rating("bo", "m", "G-15_x", 0, 1, 2, 3)])
    store.save(Rating("ana", "m", "G-15_x", 0, 2, 2, 2))
    assert [(r.rater, r.task_completion) for r in store.ratings()] == [("ana", 2), ("bo", 1)]
    assert [(r.rater, r.task_completion) for r in store.history()] == [("ana", 5), ("bo", 1), ("ana", 2)]
    with sqlite3.connect(tmp_path / "r.sqlite") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("INSERT INTO ratings (rater, model, task_key, sample_index, task_completion, "
                               "reasoning_logic, visual_quality, rated_at) VALUES ('x','m','k',0,6,1,1,'')")
    assert store.export_csv(tmp_path / "r.csv") == 3
    assert (tmp_path / "r.csv").read_text("utf-8").splitlines()[0] == (
        "rater,model,key,index,task_completion,reasoning_logic,visual_quality,comment,rated_at")


def test_export_command_writes_the_csv(cli, tmp_path):
    RatingStore(tmp_path / "r.sqlite").save(Rating("ana", "m", "G-15_x", 1, 3, 3, 3, "fine"))
    result = cli("rate", "--db", tmp_path / "r.sqlite", "--export", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output
    assert "ana,m,G-15_x,1,3,3,3,fine," in (tmp_path / "out.csv").read_text("utf-8")
    assert cli("rate", "--db", tmp_path / "none.sqlite", "--export", tmp_path / "x.csv").exit_code == 2
    assert cli("rate", "--db", tmp_path / "r.sqlite").exit_code == 2  # serving needs --samples
    (tmp_path / "text.sqlite").write_text("not a database " * 100, encoding="utf-8")
    result = cli("rate", "--db", tmp_path / "text.sqlite", "--export", tmp_path / "y.csv")
    assert result.exit_code == 2 and "not a ratings database" in result.output


# --- the real server and the real page -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RatingServer:
    """``vbvr-bench rate`` in a subprocess on 127.0.0.1 (default host), started and killed by the test."""

    def __init__(self, samples: Path, models: dict[str, Path], db: Path, log: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.command = [sys.executable, "-c", "from vbvr_benchmark.cli import app; app()", "rate",
                        "--samples", str(samples), "--db", str(db), "--port", str(self.port), "--seed", "3",
                        *(arg for model, folder in models.items() for arg in ("--videos", f"{model}={folder}"))]
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> RatingServer:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text(errors="replace")
            try:
                if self.get("/")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"rating server did not start: {self.log.read_text(errors='replace')}")

    def get(self, raw_path: str) -> tuple[int, bytes]:
        """GET exactly ``raw_path`` (no client-side normalisation of '..')."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", raw_path)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


def test_kill_9_during_a_stream_of_posts_loses_no_confirmed_rating(samples, model_videos, tmp_path):
    db = tmp_path / "ratings.sqlite"
    server = RatingServer(samples, model_videos, db, tmp_path / "server.log").start()
    items = build_study(samples, model_videos, seed=3).items
    confirmed: list[tuple[str, str, str, int]] = []

    def post_until_the_server_dies() -> None:
        for number in range(1000):
            for item in items:
                body = urlencode(_form(f"r{number}", item.token))
                connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
                try:
                    connection.request("POST", "/rate", body, {"Content-Type": "application/x-www-form-urlencoded"})
                    if connection.getresponse().status == 303:
                        confirmed.append((f"r{number}", item.model, item.key, item.index))
                except OSError:
                    return
                finally:
                    connection.close()

    poster = threading.Thread(target=post_until_the_server_dies)
    poster.start()
    try:
        deadline = time.monotonic() + 60
        while len(confirmed) < 60 and time.monotonic() < deadline and poster.is_alive():
            time.sleep(0.005)
    finally:
        server.kill()  # while the poster is mid-request
        poster.join(timeout=10)
    assert len(confirmed) >= 60
    with sqlite3.connect(db) as connection:
        stored = set(connection.execute("SELECT rater, model, task_key, sample_index FROM ratings").fetchall())
    assert set(confirmed) <= stored


def _rows(db: Path) -> dict[tuple[str, str, int], tuple[int, int, int, str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT model, task_key, sample_index, task_completion, reasoning_logic, "
                                  "visual_quality, comment FROM ratings WHERE rater = 'Zoë <b>'").fetchall()
    return {(model, key, index): tuple(values) for model, key, index, *values in rows}


def test_rater_rates_three_videos_by_keyboard_and_a_kill_9_loses_none(browser, samples, model_videos, tmp_path):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    rater = "Zoë <b>"
    db = tmp_path / "ratings.sqlite"
    order = build_study(samples, model_videos, seed=3).order_for(rater)
    server = RatingServer(samples, model_videos, db, tmp_path / "server.log").start()
    try:
        browser.get(server.url + "/")
        browser.find_element(By.ID, "rater").send_keys(rater, Keys.ENTER)
        WebDriverWait(browser, 30).until(lambda page: page.find_elements(By.ID, "rating-form"))
        assert browser.find_element(By.ID, "rater-name").text == rater  # shown as text, not markup
        WebDriverWait(browser, 30).until(lambda page: page.execute_script(
            "const v = document.getElementById('video'), i = document.getElementById('first-frame');"
            "return v.readyState >= 2 && v.videoWidth > 0 && v.duration > 0 && i.complete && i.naturalWidth > 0;"))
        typed = [("4", "3", "5", ""), ("1", "2", "1", "stuck <i>at</i> start"), ("5", "5", "4", "")]
        expected = {}
        for position, (*keys, comment) in enumerate(typed):
            token = browser.find_element(By.NAME, "item").get_attribute("value")
            assert token == order[position].token
            body = browser.find_element(By.TAG_NAME, "body")
            body.send_keys(*keys)
            if comment:
                body.send_keys("c")
                browser.find_element(By.ID, "comment").send_keys(comment, Keys.ESCAPE)
            browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ENTER)
            WebDriverWait(browser, 30, ignored_exceptions=(StaleElementReferenceException,)).until(
                lambda page, done=position + 1: f"{done} of 9 rated" in page.find_element(By.ID, "progress").text)
            item = order[position]
            expected[(item.model, item.key, item.index)] = (*map(int, keys), comment)
        assert browser.find_element(By.ID, "latest").text.startswith("Saved: Task completion 5 · Reasoning logic 5")
        assert _rows(db) == expected

        server.kill()
        assert _rows(db) == expected  # on disk the moment the page moved on
        server.start()
        browser.get(server.url + "/rate?rater=Zo%C3%AB%20%3Cb%3E")
        assert "3 of 9 rated" in browser.find_element(By.ID, "progress").text
        assert browser.find_element(By.NAME, "item").get_attribute("value") == order[3].token
        assert _rows(db) == expected

        for raw_path in TRAVERSALS:
            status, body = server.get(raw_path)
            assert status == 404 and b"root:" not in body, raw_path
    finally:
        if server.process is not None and server.process.poll() is None:
            server.kill()


def test_browser_refusal_page_names_the_field(browser, samples, model_videos, tmp_path):
    from selenium.webdriver.common.by import By

    server = RatingServer(samples, model_videos, tmp_path / "r.sqlite", tmp_path / "server.log").start()
    try:
        browser.get(server.url + "/rate?rater=ana")
        browser.execute_script("document.querySelectorAll('input[type=radio]').forEach(r => r.required = false);"
                               "document.getElementById('rating-form').submit();")
        assert "task_completion: choose a whole number from 1 to 5" in browser.find_element(By.ID, "error").text
        assert os.path.getsize(tmp_path / "r.sqlite") > 0 and not sqlite3.connect(tmp_path / "r.sqlite").execute(
            "SELECT * FROM ratings").fetchall()
    finally:
        server.kill()
