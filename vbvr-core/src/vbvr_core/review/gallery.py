"""The review gallery: one HTML page showing what a reviewer looks at.

At the top, when the review ran the robustness suite: the certificate's table — failing probes first, each
probe's limit, mean and every sample's score linking to that probe's video (copied into the gallery's
``robustness/`` folder). Then for each saved sample: the first frame, the final frame (or the goal text), an
animated preview of the ground truth, and the prompt; then the review's table of checks. The page and its
files are written into one folder that opens from disk (``file://``) or from a CI artifact, without a server.
Text from the task (prompts, messages) is HTML-escaped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import Environment, select_autoescape
from PIL import Image

from vbvr_core.judge.certificate import TaskCertificate, certificate_rows
from vbvr_core.media.video import read_video
from vbvr_core.pipeline.sample_io import FINAL_FRAME, FIRST_FRAME, GOAL_TEXT, PROMPT, VIDEO, load_record
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.result import ReviewReport
from vbvr_core.review.robustness import ROBUSTNESS_FOLDER

PREVIEW_SIZE = 192
PREVIEW_FPS = 12
INDEX = "index.html"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Review of {{ key }}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #222; background: #fff; }
h1 { font-size: 20px; margin: 0 0 4px; } .meta { color: #555; margin-bottom: 12px; }
.sample { display: flex; gap: 12px; align-items: flex-start; margin-bottom: 14px; }
.sample figure { margin: 0; } .sample img { width: 256px; height: 256px; border: 1px solid #ccc; display: block; }
figcaption { font-size: 12px; color: #555; } .prompt { max-width: 340px; white-space: pre-wrap; }
.goal { width: 256px; height: 256px; border: 1px solid #ccc; padding: 8px; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: 16px; } td, th { border: 1px solid #ddd; padding: 3px 6px; text-align: left; }
.pass { color: #176f2c; } .warn { color: #9a6700; } .fail, .miss { color: #b42318; font-weight: bold; }
.exempt { color: #777; }
</style></head><body>
<h1>{{ key }} — {{ title }}</h1>
<div class="meta">{{ category }} · {{ counts.pass }} pass, {{ counts.warn }} warn, {{ counts.fail }} fail
 · {{ samples|length }} samples · {{ description }}</div>
{% if robustness %}
<h2 id="robustness">Robustness certificate: {{ "passed" if robustness.passed else "FAILED" }}
 ({{ robustness.misses|length }} of {{ robustness.verdicts|length }} probes miss)</h2>
<table class="robustness"><tr><th>group</th><th>probe</th><th>status</th><th>mean</th><th>limit</th>
{% for name in robustness_samples %}<th>{{ name }}</th>{% endfor %}<th>problem</th></tr>
{% for row in robustness_rows %}<tr><td>{{ row.group }}</td><td>{{ row.name }}</td>
<td class="{{ row.status }}">{{ row.status }}</td><td>{{ "%.3f"|format(row.mean) }}</td><td>{{ row.limit }}</td>
{% for name in robustness_samples %}<td>{% if name in row.scores %}<a href="{{ row.links[name] }}">{{ "%.3f"|format(row.scores[name]) }}</a>{% else %}–{% endif %}</td>{% endfor %}
<td>{{ row.problem }}</td></tr>
{% endfor %}</table>
{% for note in robustness.notes + robustness.errors %}<div class="meta">{{ note }}</div>{% endfor %}
{% endif %}
{% for sample in samples %}
<div class="sample" id="sample-{{ sample.name }}">
  <figure><img src="{{ sample.name }}/first.png" alt="first frame of sample {{ sample.name }}">
    <figcaption>#{{ sample.index }} first frame</figcaption></figure>
  {% if sample.goal_text %}<figure><div class="goal">{{ sample.goal_text }}</div><figcaption>goal</figcaption></figure>
  {% else %}<figure><img src="{{ sample.name }}/final.png" alt="final frame of sample {{ sample.name }}">
    <figcaption>final frame</figcaption></figure>{% endif %}
  <figure><img src="{{ sample.name }}/preview.gif" alt="animated ground truth of sample {{ sample.name }}">
    <figcaption>ground truth, {{ sample.frames }} frames</figcaption></figure>
  <div class="prompt"><b>Prompt</b><br>{{ sample.prompt }}<br><br><b>Params</b><br><code>{{ sample.params }}</code></div>
</div>
{% endfor %}
<table><tr><th>group</th><th>check</th><th>status</th><th>s</th><th>message</th></tr>
{% for result in results %}<tr><td>{{ result.group }}</td><td>{{ result.name }}</td>
<td class="{{ result.status.value }}">{{ result.status.value }}</td><td>{{ "%.1f"|format(result.seconds) }}</td>
<td>{{ result.message }}</td></tr>
{% endfor %}</table>
</body></html>
"""


def write_preview(video: Path, dest: Path) -> int:
    """Write an animated GIF of ``video`` at :data:`PREVIEW_SIZE` px and :data:`PREVIEW_FPS`; return its frame count."""
    clip = read_video(video, size=PREVIEW_SIZE, fps=PREVIEW_FPS)
    if not clip.ok:
        Image.new("RGB", (PREVIEW_SIZE, PREVIEW_SIZE), (128, 128, 128)).save(dest)
        return 0
    images = [Image.fromarray(frame) for frame in clip.frames]
    images[0].save(dest, save_all=True, append_images=images[1:], duration=round(1000 / PREVIEW_FPS), loop=0)
    return len(images)


def copy_probe_videos(context: ReviewContext, certificate: TaskCertificate, dest: Path) -> list[dict]:
    """Copy every probe video into ``dest/robustness/<sample>/…``; the certificate's rows (misses first) with
    ``links`` from sample name to the copied video, relative to ``dest``."""
    rows = []
    for verdict in certificate_rows(certificate):
        links = {}
        for sample, video in verdict.videos.items():
            relative = Path(ROBUSTNESS_FOLDER) / sample / video
            source = context.work_dir / relative
            if source.is_file():
                (dest / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest / relative)
            links[sample] = relative.as_posix()
        rows.append({"group": verdict.group, "name": verdict.name, "status": verdict.status, "mean": verdict.mean,
                     "limit": verdict.limit, "problem": verdict.problem, "scores": verdict.values, "links": links})
    return rows


def write_gallery(context: ReviewContext, report: ReviewReport, dest: str | Path) -> Path:
    """Write the gallery of ``context``'s samples and ``report`` into folder ``dest``; return index.html's path."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    samples = []
    folders = context.production.folders if context.registration is not None else []
    for folder in folders:
        target = dest / folder.name
        target.mkdir(exist_ok=True)
        shutil.copyfile(folder / FIRST_FRAME, target / "first.png")
        if (folder / FINAL_FRAME).exists():
            shutil.copyfile(folder / FINAL_FRAME, target / "final.png")
        goal_path = folder / GOAL_TEXT
        record = load_record(folder)
        samples.append({
            "name": folder.name,
            "index": record.index,
            "prompt": (folder / PROMPT).read_text("utf-8").strip(),
            "goal_text": goal_path.read_text("utf-8").strip() if goal_path.exists() else None,
            "params": ", ".join(f"{name}={value}" for name, value in record.params.items()),
            "frames": write_preview(folder / VIDEO, target / "preview.gif"),
        })
    certificate = context.robustness_if_run
    robustness_rows = copy_probe_videos(context, certificate, dest) if certificate is not None else []
    robustness_samples = sorted({sample for row in robustness_rows for sample in row["scores"]})
    info = context.registration.info if context.registration else None
    environment = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    html = environment.from_string(PAGE).render(
        key=context.key, title=info.title if info else "(plugin broken)",
        category=info.category.value if info else "?", description=info.description if info else "",
        counts=report.counts(), samples=samples, results=report.results, robustness=certificate,
        robustness_rows=robustness_rows, robustness_samples=robustness_samples,
    )
    index = dest / INDEX
    index.write_text(html, encoding="utf-8")
    return index
