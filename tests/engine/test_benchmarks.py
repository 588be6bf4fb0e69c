"""Where the CCG sits among similar CCGs: rank, median, best five, opportunity."""

from decimal import Decimal as D

from workbench.domain.benchmarks import Benchmark
from workbench.engine.benchmarks import benchmark_positions


def _rows(own, peers, population=1000):
    rows = [Benchmark(None, "MSK", "£", "10Q", "Us", D(own), population)]
    rows += [Benchmark(None, "MSK", "£", f"X{i}", f"Peer {i}", D(v), 5)
             for i, v in enumerate(peers)]
    return rows


def test_above_the_peers_sizes_an_opportunity():
    # peers 1..7: median 4; best five 1..5 average 3. Us at 6 with 1,000 people:
    # (6 - 4) x 1,000 = 2,000 to the median; (6 - 3) x 1,000 = 3,000 to the best five.
    [pos] = benchmark_positions(_rows("6", ["7", "1", "2", "3", "4", "5", "6.5"]), "10Q")
    assert (pos.rank, pos.organisations) == (6, 8)
    assert (pos.peer_median, pos.best_five) == (D("4"), D("3"))
    assert (pos.opportunity_median, pos.opportunity_best_five) == (D("2000.00"),
                                                                   D("3000.00"))


def test_below_the_peers_has_no_opportunity_and_ranks_first():
    [pos] = benchmark_positions(_rows("0.5", ["1", "2", "3", "4"]), "10Q")
    # four peers: median (2 + 3) / 2 = 2.5; best five = all four, average 2.5
    assert pos.rank == 1 and pos.peer_median == D("2.5") and pos.best_five == D("2.5")
    assert pos.opportunity_median == 0 and pos.opportunity_best_five == 0


def test_a_measure_without_the_ccg_has_no_position():
    rows = [Benchmark(None, "MSK", "£", "X1", "Peer", D(1), 5)]
    [pos] = benchmark_positions(rows, "10Q")
    assert pos.value is None and pos.rank is None and pos.opportunity_median == 0
