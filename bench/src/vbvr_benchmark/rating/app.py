"""The rating web app (Starlette): a rater names themself, then rates videos one page at a time.

Routes::

    GET  /                          who is rating (a name field)
    GET  /rate?rater=NAME           the rater's next unrated video in their own shuffled order, with progress
    POST /rate                      save one rating (form: rater, item, the three scales 1-5, comment), then 303
    GET  /media/{token}/first_frame.png | video.mp4    an item's files, by opaque token only
    GET  /static/...                the page's CSS and JS (package data)

The page is blind: it shows the prompt, the first frame and the video, never the model. A bad form
value gets a 400 page that names the field and what it must be; nothing is stored then. Posting a rating
for a video the rater already rated (the back button, a second tab) adds it to the history: the new one
counts, the earlier one is kept, and the next page says the video was re-rated. A form posted from
another site's page (an ``Origin`` header naming another host) is refused with 403. A rating is
committed to SQLite before the 303 is sent (see :mod:`vbvr_benchmark.rating.db`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from vbvr_benchmark.rating.db import HIGHEST, LOWEST, SCALE_LABELS, SCALES, Rating, RatingStore
from vbvr_benchmark.rating.study import Study, StudyItem

MAX_RATER_LENGTH = 40
MAX_COMMENT_LENGTH = 2000
MAX_FORM_BYTES = 16_384
SCALE_HINTS = {
    "task_completion": "Does the video end in the state the prompt asks for?",
    "reasoning_logic": "Are the steps valid and sensible: no rule broken, no jump or teleport?",
    "visual_quality": "Is the video clear and stable, the scene kept intact, free of artefacts?",
}
_MEDIA = {"first_frame.png": "first_frame", "video.mp4": "video"}
_MEDIA_TYPES = {"first_frame.png": "image/png", "video.mp4": "video/mp4"}


class FormError(ValueError):
    """A form value the app refuses (the message names the field and what it must be)."""


def clean_rater(raw: str | None) -> str:
    """The rater's name, trimmed; raises :class:`FormError` unless it is 1-40 printable characters."""
    name = (raw or "").strip()
    if not name:
        raise FormError("rater: enter your name (1-40 characters)")
    if len(name) > MAX_RATER_LENGTH:
        raise FormError(f"rater: at most {MAX_RATER_LENGTH} characters, got {len(name)}")
    if any(unicodedata.category(char).startswith("C") for char in name):
        raise FormError("rater: control or invisible characters are not allowed")
    return name


def clean_scale(scale: str, raw: str | None) -> int:
    """The integer 1-5 given for ``scale``; raises :class:`FormError` naming the scale otherwise."""
    text = (raw or "").strip()
    if not (len(text) == 1 and text.isdigit() and LOWEST <= int(text) <= HIGHEST):
        shown = text[:20] or "nothing"
        raise FormError(f"{scale}: choose a whole number from {LOWEST} to {HIGHEST}, got {shown!r}")
    return int(text)


def clean_comment(raw: str | None) -> str:
    """The optional comment (trimmed, line breaks normalised); raises :class:`FormError` if too long."""
    comment = (raw or "").replace("\r\n", "\n").strip()
    if len(comment) > MAX_COMMENT_LENGTH:
        raise FormError(f"comment: at most {MAX_COMMENT_LENGTH} characters, got {len(comment)}")
    if "\x00" in comment:
        raise FormError("comment: NUL characters are not allowed")
    return comment


def _environment() -> Environment:
    return Environment(loader=PackageLoader("vbvr_benchmark.rating", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def create_app(study: Study, store: RatingStore) -> Starlette:
    """The rating app over ``study``'s items, storing into ``store``."""
    templates = _environment()

    def page(name: str, status_code: int = 200, **context: object) -> HTMLResponse:
        return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)

    def refuse(message: str, status_code: int = 400, rater: str = "") -> HTMLResponse:
        return page("error.html", status_code, message=message, rater=rater)

    def next_item(rater: str) -> tuple[StudyItem | None, int]:
        rated = store.rated(rater)
        order = study.order_for(rater)
        done = sum((item.model, item.key, item.index) in rated for item in order)
        pending = (item for item in order if (item.model, item.key, item.index) not in rated)
        return next(pending, None), done

    async def start(request: Request) -> Response:
        return page("start.html", total=len(study.items))

    async def show(request: Request) -> Response:
        try:
            rater = clean_rater(request.query_params.get("rater"))
        except FormError as error:
            return refuse(str(error))
        item, done = next_item(rater)
        latest = store.latest(rater)
        rerated = request.query_params.get("rerated") == "1" and latest is not None
        if item is None:
            return page("done.html", rater=rater, done=done, total=len(study.items), latest=latest, rerated=rerated)
        return page("rate.html", rater=rater, item=item, done=done, total=len(study.items), latest=latest,
                    rerated=rerated,
                    scales=[(scale, SCALE_LABELS[scale], SCALE_HINTS[scale]) for scale in SCALES], values=range(LOWEST, HIGHEST + 1))

    async def submit(request: Request) -> Response:
        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc != request.headers.get("host"):
            return refuse(f"a form sent from another site ({origin[:80]}) is not accepted; rate on this page", 403)
        declared = request.headers.get("content-length", "")
        if (declared.isdigit() and int(declared) > MAX_FORM_BYTES) or len(await request.body()) > MAX_FORM_BYTES:
            return refuse(f"the form is larger than {MAX_FORM_BYTES} bytes")
        try:
            async with request.form(max_files=0, max_fields=16) as form:
                fields = {name: value for name, value in form.items() if isinstance(value, str)}
        except (HTTPException, MultiPartException) as error:
            return refuse(f"the form could not be read ({error}); submit it from the rating page")
        rater_text = fields.get("rater", "")
        try:
            rater = clean_rater(rater_text)
            item = study.item(fields.get("item", ""))
            if item is None:
                raise FormError("item: not a video of this study; reload the rating page")
            scores = {scale: clean_scale(scale, fields.get(scale)) for scale in SCALES}
            comment = clean_comment(fields.get("comment"))
        except FormError as error:
            return refuse(str(error), rater=rater_text[:MAX_RATER_LENGTH])
        again = store.times_rated(rater, item.model, item.key, item.index) > 0
        store.save(Rating(rater=rater, model=item.model, key=item.key, index=item.index, comment=comment,
                          task_completion=scores["task_completion"], reasoning_logic=scores["reasoning_logic"],
                          visual_quality=scores["visual_quality"]))
        query = {"rater": rater, **({"rerated": "1"} if again else {})}
        return RedirectResponse("/rate?" + urlencode(query), status_code=303)

    async def media(request: Request) -> Response:
        item = study.item(request.path_params["token"])
        name = request.path_params["name"]
        if item is None or name not in _MEDIA:
            return Response("not found", status_code=404, media_type="text/plain")
        path: Path = getattr(item, _MEDIA[name])
        return FileResponse(path, media_type=_MEDIA_TYPES[name], headers={"Cache-Control": "private, max-age=3600"})

    async def not_found(request: Request, exc: Exception) -> Response:
        return Response("not found", status_code=404, media_type="text/plain")

    static = StaticFiles(packages=[("vbvr_benchmark.rating", "static")])
    routes = [
        Route("/", start, methods=["GET"]),
        Route("/rate", show, methods=["GET"]),
        Route("/rate", submit, methods=["POST"]),
        Route("/media/{token}/{name}", media, methods=["GET", "HEAD"]),
        Mount("/static", app=static, name="static"),
    ]
    return Starlette(routes=routes, exception_handlers={404: not_found})
