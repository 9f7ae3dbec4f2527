#!/usr/bin/env python3
"""Generate engine/tests/fixtures/py_fsrs_histories.json from py-fsrs, the reference scheduler.

The Rust scheduler (engine/src/scheduler.rs) uses the `fsrs` crate for the FSRS-6 memory maths
and applies py-fsrs's learning/relearning step rules itself. This script replays varied grade
histories through py-fsrs 6.3.2 (fuzzing off) and records, after every review, the due time,
stability, difficulty, state and step, so engine/tests/scheduler.rs can check that both agree.

Requires py-fsrs exactly 6.3.2 (the version the step rules were copied from):

    python3 -m venv /tmp/fsrs-venv && /tmp/fsrs-venv/bin/pip install fsrs==6.3.2
    /tmp/fsrs-venv/bin/python scripts/py_fsrs_fixtures.py

The output is deterministic; re-running it must produce an identical file.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs
from fsrs import Card, Rating, Scheduler, State

REQUIRED_VERSION = "6.3.2"
OUT = Path(__file__).resolve().parent.parent / "engine/tests/fixtures/py_fsrs_histories.json"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# A Monday morning with odd seconds, so nothing lines up with whole minutes by accident.
START = datetime(2026, 1, 5, 9, 17, 23, 456000, tzinfo=timezone.utc)

GRADES = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
STATES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def at_due(grade: str, seconds: float = 0) -> tuple[str, str, float]:
    """Review exactly when the card falls due, shifted by `seconds` (negative = early)."""
    return (grade, "due", seconds)


def after(grade: str, seconds: float) -> tuple[str, str, float]:
    """Review `seconds` after the previous review, whatever the due time."""
    return (grade, "after", seconds)


MIN = 60
HOUR = 3600
DAY = 86400

# Each history: name, scheduler settings (defaults if absent) and the reviews.
HISTORIES = [
    {
        "name": "all_good_on_time",
        "reviews": [at_due("good") for _ in range(10)],
    },
    {
        "name": "again_heavy",
        "reviews": [
            at_due("again"), at_due("again"), at_due("good"), at_due("again"),
            at_due("good"), at_due("good"), at_due("again"), at_due("again"),
            at_due("good"), at_due("good"), at_due("again"), at_due("good"), at_due("good"),
        ],
    },
    {
        "name": "easy_first",
        "reviews": [at_due("easy"), at_due("good"), at_due("good"), at_due("easy"), at_due("hard"),
                    at_due("good")],
    },
    {
        "name": "hard_on_learning_steps",
        "reviews": [at_due("hard"), at_due("hard"), at_due("good"), at_due("hard"), at_due("hard"),
                    at_due("good"), at_due("good"), at_due("hard")],
    },
    {
        "name": "lapse_and_relearning",
        "reviews": [at_due("good"), at_due("good"), at_due("good"), at_due("good"),
                    at_due("again"), at_due("hard"), at_due("again"), at_due("good"),
                    at_due("good"), at_due("again"), at_due("easy"), at_due("good")],
    },
    {
        "name": "early_reviews",
        "reviews": [at_due("good"), at_due("good"), at_due("good"),
                    at_due("good", -2 * DAY), at_due("good", -5 * HOUR), at_due("hard", -3 * DAY),
                    at_due("again", -1 * DAY), at_due("good"), at_due("good", -90)],
    },
    {
        "name": "late_reviews",
        "reviews": [at_due("good", 2 * HOUR), at_due("good", 3 * DAY + 7), at_due("good", 20 * DAY),
                    at_due("good", 100 * DAY), at_due("again", 400 * DAY), at_due("good", 2 * DAY),
                    at_due("easy", 9 * DAY)],
    },
    {
        "name": "odd_gaps",
        "reviews": [after("good", 37), after("good", 13 * MIN + 21), after("hard", 26 * HOUR + 13 * MIN + 21),
                    after("good", 23 * HOUR + 59 * MIN + 59), after("good", 24 * HOUR), after("again", 47 * HOUR + 1),
                    after("good", 9 * MIN + 59), after("easy", 11 * DAY + 5 * HOUR), after("good", 1)],
    },
    {
        "name": "same_day_cramming",
        "reviews": [at_due("good"), at_due("good"), after("good", 10 * MIN), after("good", 30 * MIN),
                    after("again", 2 * HOUR), after("good", 10 * MIN), after("easy", 3 * HOUR),
                    after("hard", 20 * HOUR)],
    },
    {
        "name": "learning_card_returns_days_later",
        "reviews": [at_due("again"), after("good", 3 * DAY + 4 * HOUR), after("again", 2 * DAY),
                    after("hard", 5 * DAY), after("good", 1 * DAY), at_due("good")],
    },
    {
        "name": "relearning_card_returns_days_later",
        "reviews": [at_due("good"), at_due("good"), at_due("good"), at_due("again"),
                    after("hard", 2 * DAY + 30 * MIN), after("again", 6 * DAY), after("good", 1 * DAY),
                    at_due("good")],
    },
    {
        "name": "hard_heavy_reviews",
        "reviews": [at_due("good"), at_due("good")] + [at_due("hard") for _ in range(7)],
    },
    {
        "name": "easy_streak_hits_maximum_interval",
        "maximum_interval_days": 400,
        "reviews": [at_due("easy") for _ in range(8)],
    },
    {
        "name": "retention_0_80",
        "desired_retention": 0.8,
        "reviews": [at_due("good"), at_due("good"), at_due("good"), at_due("hard"), at_due("again"),
                    at_due("good"), at_due("good", 5 * DAY), at_due("easy")],
    },
    {
        "name": "retention_0_95",
        "desired_retention": 0.95,
        "reviews": [at_due("hard"), at_due("good"), at_due("good"), at_due("good"), at_due("again"),
                    at_due("good"), at_due("good", -1 * DAY), at_due("easy")],
    },
    {
        "name": "three_learning_two_relearning_steps",
        "learning_steps_minutes": [1, 10, 60],
        "relearning_steps_minutes": [10, 60],
        "reviews": [at_due("hard"), at_due("good"), at_due("hard"), at_due("good"), at_due("again"),
                    at_due("good"), at_due("good"), at_due("good"), at_due("good"), at_due("again"),
                    at_due("hard"), at_due("good"), at_due("hard"), at_due("good"), at_due("good")],
    },
    {
        "name": "single_learning_step_no_relearning",
        "learning_steps_minutes": [5],
        "relearning_steps_minutes": [],
        "reviews": [at_due("hard"), at_due("hard"), at_due("again"), at_due("good"), at_due("good"),
                    at_due("again"), at_due("good"), at_due("again"), at_due("good")],
    },
    {
        "name": "no_learning_steps",
        "learning_steps_minutes": [],
        "reviews": [at_due("again"), at_due("again"), at_due("good"), at_due("again"), at_due("hard"),
                    at_due("good")],
    },
]


def to_ms(dt: datetime) -> int:
    """Exact unix milliseconds (integer arithmetic, no float rounding)."""
    return (dt - EPOCH) // timedelta(milliseconds=1)


def replay(history: dict) -> dict:
    settings = {
        "desired_retention": history.get("desired_retention", 0.9),
        "learning_steps_minutes": history.get("learning_steps_minutes", [1, 10]),
        "relearning_steps_minutes": history.get("relearning_steps_minutes", [10]),
        "maximum_interval_days": history.get("maximum_interval_days", 36500),
    }
    scheduler = Scheduler(
        desired_retention=settings["desired_retention"],
        learning_steps=[timedelta(minutes=m) for m in settings["learning_steps_minutes"]],
        relearning_steps=[timedelta(minutes=m) for m in settings["relearning_steps_minutes"]],
        maximum_interval=settings["maximum_interval_days"],
        enable_fuzzing=False,
    )
    card = Card(card_id=1, due=START)
    now = START
    reviews = []
    for grade, when, seconds in history["reviews"]:
        base = card.due if when == "due" else now
        now = base + timedelta(seconds=seconds)
        card, _log = scheduler.review_card(card, GRADES[grade], now)
        due = card.due
        assert (due - EPOCH) % timedelta(milliseconds=1) == timedelta(0), "due not whole ms"
        reviews.append({
            "at": to_ms(now),
            "grade": grade,
            "expected": {
                "due": to_ms(due),
                "state": STATES[card.state],
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
            },
        })
    return {"name": history["name"], **settings, "start": to_ms(START), "reviews": reviews}


def main() -> None:
    version = getattr(fsrs, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("fsrs")
    if version != REQUIRED_VERSION:
        sys.exit(f"need py-fsrs {REQUIRED_VERSION}, found {version}")
    data = {
        "generator": "scripts/py_fsrs_fixtures.py",
        "reference": f"py-fsrs {REQUIRED_VERSION}, default parameters, enable_fuzzing=False",
        "histories": [replay(h) for h in HISTORIES],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1) + "\n")
    total = sum(len(h["reviews"]) for h in data["histories"])
    print(f"wrote {OUT} ({len(data['histories'])} histories, {total} reviews)")


if __name__ == "__main__":
    main()
