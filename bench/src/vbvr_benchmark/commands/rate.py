"""``vbvr-bench rate``: serve the human rating page, export the ratings, or simulate raters."""

from __future__ import annotations

import errno
import ipaddress
import socket
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from vbvr_benchmark.commands.common import console, errors, fail_usage

DEFAULT_PORT = 8765


class RaterKind(StrEnum):
    """Simulated raters (see vbvr_benchmark.rating.simulate)."""

    following = "following"
    random = "random"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind_listener(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or exit 2 saying the port is taken (checked before anything is written)."""
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise fail_usage(f"--host {host}: not an address of this machine ({error.strerror}); use 127.0.0.1") from None
    listener = socket.socket(family, kind, protocol)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart may reuse a port in TIME_WAIT
    try:
        listener.bind(address)
    except OSError as error:
        listener.close()
        if error.errno == errno.EADDRINUSE:
            raise fail_usage(f"--port {port}: {host}:{port} is already in use by another server (an earlier "
                             "`vbvr-bench rate`?); stop it, or choose another --port") from None
        raise fail_usage(f"--host {host} --port {port}: cannot listen there ({error.strerror}); use 127.0.0.1 and "
                         "a port above 1023") from None
    return listener


def _export(db: Path, export: Path) -> None:
    from vbvr_benchmark.rating.db import RatingStore, RatingStoreError

    if not db.is_file():
        raise fail_usage(f"--db {db}: no such ratings file")
    try:
        count = RatingStore(db).export_csv(export)
    except RatingStoreError as error:
        raise fail_usage(str(error)) from None
    except OSError as error:
        raise fail_usage(f"--export {export}: cannot write it ({error.strerror}). Fix: choose a file in a folder "
                         "you can write") from None
    console.print(f"{count} rating(s) written to {export}")


def _simulate(db: Path, kind: RaterKind, reports: list[Path], raters: int, seed: int) -> None:
    from vbvr_benchmark.agreement import ScoresError, load_scores
    from vbvr_benchmark.rating.db import RatingStore, RatingStoreError
    from vbvr_benchmark.rating.simulate import simulate_ratings

    if not reports:
        raise fail_usage("--simulate needs --report (the score reports whose scores the raters follow)")
    try:
        scores = load_scores(reports)
    except ScoresError as error:
        raise fail_usage(str(error)) from None
    ratings = simulate_ratings({video_id: video.score for video_id, video in scores.items()}, kind.value, raters=raters, seed=seed)
    try:
        RatingStore(db).save_many(ratings)
    except RatingStoreError as error:
        raise fail_usage(str(error)) from None
    console.print(f"{len(ratings)} simulated rating(s) by {raters} {kind.value} rater(s) written to {db}")


def _serve(samples: Path, videos: list[str], db: Path, host: str, port: int, seed: int) -> None:
    import uvicorn

    from vbvr_benchmark.rating.app import create_app
    from vbvr_benchmark.rating.db import RatingStore, RatingStoreError
    from vbvr_benchmark.rating.study import StudyError, build_study, parse_model_option

    if not videos:
        raise fail_usage("--videos MODEL=DIR is needed at least once (the model videos to rate)")
    try:
        models = dict(parse_model_option(value) for value in videos)
        if len(models) != len(videos):
            raise fail_usage("--videos: each MODEL name may appear once")
        study = build_study(samples, models, seed=seed)
    except StudyError as error:
        raise fail_usage(str(error)) from None
    if not study.items:
        raise fail_usage(f"no video to rate: none of the --videos folders holds a video for a sample of {samples}")
    for reason in study.skipped[:10]:
        errors.print(f"[yellow]skipped[/] {reason}")
    if len(study.skipped) > 10:
        errors.print(f"[yellow]skipped[/] {len(study.skipped) - 10} more")
    listener = bind_listener(host, port)  # before the database exists or a URL is printed
    try:
        store = RatingStore(db)
    except RatingStoreError as error:
        listener.close()
        raise fail_usage(str(error)) from None
    if not _is_loopback(host):
        errors.print(f"[bold yellow]warning:[/] serving on {host}: anyone who can reach this address can rate "
                     "and see the videos (there is no login)")
    app = create_app(study, store)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"rating {len(study.items)} video(s) of {len(models)} model(s) at http://{shown}:{port}/ "
                  f"(ratings in {db}; Ctrl-C stops)")
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listener])


def rate(
    db: Annotated[Path, typer.Option("--db", help="SQLite file of the ratings (created if missing).")],
    samples: Annotated[Path | None, typer.Option("--samples", help="Ground-truth samples (either layout); "
                                                     "their prompts and first frames are shown.")] = None,
    videos: Annotated[list[str] | None, typer.Option("--videos", help="MODEL=DIR, once per model: a videos "
                                                         "folder as `score --videos` reads it.")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; loopback unless you mean to share the "
                                          "page on a network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the per-rater order and of simulated raters.")] = 0,
    export: Annotated[Path | None, typer.Option("--export", help="Write every rating in --db to this CSV "
                                                    "file and exit.")] = None,
    simulate: Annotated[RaterKind | None, typer.Option("--simulate", help="Add simulated raters to --db instead "
                                                           "of serving: 'following' rate by the --report scores "
                                                           "plus noise, 'random' uniformly.")] = None,
    report: Annotated[list[Path] | None, typer.Option("--report", help="With --simulate: score report folder(s) "
                                                          "(`score --report`) or a folder of them.")] = None,
    raters: Annotated[int, typer.Option("--raters", min=1, max=100, help="With --simulate: how many raters.")] = 3,
) -> None:
    """Serve the blind rating page (prompt, first frame, one model video; three 1-5 scales) on 127.0.0.1.

    With --export, write the ratings to CSV instead; with --simulate, add simulated raters (a dry run of agreement).
    """
    if export is not None and simulate is not None:
        raise fail_usage("--export and --simulate are separate uses of `rate`; give one")
    if export is not None:
        _export(db, export)
    elif simulate is not None:
        _simulate(db, simulate, report or [], raters, seed)
    else:
        if samples is None:
            raise fail_usage("--samples is needed to serve the rating page (or give --export / --simulate)")
        _serve(samples, videos or [], db, host, port, seed)
