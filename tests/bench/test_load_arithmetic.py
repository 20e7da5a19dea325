"""The load tool's arithmetic, with a fake wrk: the floor between every page window, each page
compared with the floor windows beside it, percentiles of several windows together, the goals
flagged. (The real run, gunicorn and wrk: tests/bench/test_bench.py.)"""

import pytest

from netw.management.commands.load import (
    QUANTILES,
    measure_interleaved,
    merged_percentile,
    schedule,
    summarise,
)

FLOOR = ("floor", "/floor/")


def window(rate: float, *, latency_ms: float = 10.0, tail_ms: float | None = None,
           seconds: float = 2.0) -> dict:
    """A window of ``rate`` req/s whose requests all take ``latency_ms`` (the slowest percent
    ``tail_ms``)."""
    tail = latency_ms if tail_ms is None else tail_ms
    return {"requests": round(rate * seconds), "seconds": seconds, "requests_per_s": rate,
            "latency_ms": [latency_ms if q < 99 else tail for q in QUANTILES],
            "non_2xx": 0, "socket_errors": 0}


def uniform(low: float, high: float, requests: int) -> dict:
    """A window whose latencies spread evenly from ``low`` to ``high`` ms."""
    return {"requests": requests, "seconds": 1.0, "requests_per_s": float(requests),
            "latency_ms": [low + (high - low) * q / 100 for q in QUANTILES],
            "non_2xx": 0, "socket_errors": 0}


class FakeWrk:
    """Answers each window from a script of rates per path, and records the order."""

    def __init__(self, rates: dict[str, list[float]]):
        self.rates = {path: list(values) for path, values in rates.items()}
        self.calls: list[str] = []

    def __call__(self, path: str) -> dict:
        self.calls.append(path)
        return window(self.rates[path].pop(0))


def test_every_page_window_lies_between_two_floor_windows_in_each_round():
    assert schedule(2, 3) == [None, 0, None, 1, None, 0, None, 1, None, 0, None, 1, None]
    order = schedule(5, 2)
    assert order.count(None) == 11 and all(order.count(i) == 2 for i in range(5))
    assert all(order[i] is None for i in range(0, len(order), 2))


def test_the_windows_run_in_the_scheduled_order():
    fake = FakeWrk({"/floor/": [100] * 5, "/a/": [50, 50], "/b/": [20, 20]})
    measure_interleaved([("a", "/a/"), ("b", "/b/")], 2, fake, FLOOR)
    assert fake.calls == ["/floor/", "/a/", "/floor/", "/b/", "/floor/", "/a/", "/floor/",
                          "/b/", "/floor/"]


def test_a_page_is_compared_with_the_floor_windows_beside_it():
    # The machine slows down during the second round: the floor and the page alike.
    fake = FakeWrk({"/floor/": [100, 100, 40, 100], "/a/": [60, 24, 60]})
    floor, page = measure_interleaved([("a", "/a/")], 3, fake, FLOOR)
    # Window ratios: 60/100, 24/((100 + 40) / 2), 60/((40 + 100) / 2).
    assert page["windows_of_floor"] == [0.6, 0.34, 0.86]
    assert page["of_floor"] == 0.6  # the median
    assert floor["page"] == "floor" and floor["of_floor"] == 1.0
    assert floor["requests"] == 2 * (100 + 100 + 40 + 100)


def test_one_noisy_floor_window_does_not_skew_the_ratios():
    # Another program took the CPU during one floor window only.
    fake = FakeWrk({"/floor/": [100, 100, 100, 10, 100, 100, 100], "/a/": [60, 60, 60],
                    "/b/": [30, 30, 30]})
    _floor, a, b = measure_interleaved([("a", "/a/"), ("b", "/b/")], 3, fake, FLOOR)
    assert a["of_floor"] == 0.6 and b["of_floor"] == 0.3
    # Against the floor's average over the run, both would look better than they are.
    average_floor = (6 * 100 + 10) / 7
    assert 60 / average_floor > 0.65


def test_requests_per_second_are_counted_over_all_of_a_pages_windows():
    row = summarise("a", "/a/", [window(50), window(70)],
                    [(window(100), window(100)), (window(100), window(100))])
    assert row["requests"] == 240 and row["requests_per_s"] == 60.0
    assert row["windows_requests_per_s"] == [50.0, 70.0]


def test_percentiles_of_several_windows_weigh_each_by_its_requests():
    one = uniform(0, 100, 100)
    assert merged_percentile([one], 50) == pytest.approx(50)
    assert merged_percentile([one], 99) == pytest.approx(99)
    # 300 requests between 0 and 10 ms, 100 between 10 and 110 ms: the median is in the first
    # window (at 200/300 of it), the 90th percentile in the second (at 60/100 of it).
    windows = [uniform(0, 10, 300), uniform(10, 110, 100)]
    assert merged_percentile(windows, 50) == pytest.approx(200 / 300 * 10, abs=0.05)
    assert merged_percentile(windows, 90) == pytest.approx(10 + 60, abs=0.5)
    # A window without requests does not count.
    assert merged_percentile([*windows, uniform(0, 0, 0)], 50) == pytest.approx(6.67, abs=0.05)
    assert merged_percentile([uniform(0, 0, 0)], 50) == 0.0


def test_a_page_under_half_the_floor_or_with_a_long_tail_is_flagged():
    beside = [(window(100), window(100))]
    slow = summarise("slow", "/slow/", [window(40)], beside)
    assert slow["of_floor"] == 0.4 and slow["flags"] == ["of floor < 0.5"]
    tail = summarise("tail", "/tail/", [window(80, latency_ms=10, tail_ms=80)], beside)
    assert tail["p99_over_p50"] == 8.0 and tail["flags"] == ["p99 > 5× p50"]
    fine = summarise("fine", "/fine/", [window(80, latency_ms=10, tail_ms=40)], beside)
    assert fine["p99_over_p50"] == 4.0 and fine["flags"] == []


def test_a_page_that_finished_no_request_is_reported_not_divided_by_zero():
    row = summarise("stuck", "/stuck/", [window(0)], [(window(100), window(100))])
    assert row["requests_per_s"] == 0.0 and row["p50_ms"] == 0.0
    assert row["p99_over_p50"] is None and row["flags"] == ["of floor < 0.5"]


def test_each_windows_own_tail_is_reported_beside_the_merged_one():
    # One stalled window among three: the merged p99 hides which one, the windows' do not.
    calm, stalled = window(100, latency_ms=2, tail_ms=3), window(100, latency_ms=2, tail_ms=40)
    row = summarise("a", "/a/", [calm, stalled, calm], [(window(100), window(100))] * 3)
    assert row["windows_p99_ms"] == [3.0, 40.0, 3.0]
    assert row["windows_max_ms"] == [3.0, 40.0, 3.0]
    assert row["windows_p50_ms"] == [2.0, 2.0, 2.0]
