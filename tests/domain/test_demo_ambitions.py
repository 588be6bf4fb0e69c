"""Seed 001's local ambitions: the paper's targets, marked local unless they are a national
standard, and no path drawn where the paper gives none without saying it is chosen."""

from __future__ import annotations

import datetime as dt

from workbench.domain.demo_ambitions import local_ambitions
from workbench.domain.demo_plan import demo_plan
from workbench.domain.trajectories import Direction


def _by_metric():
    return {t.metric: t for t in local_ambitions(1)}


def test_the_papers_targets():
    paths = _by_metric()
    beds = paths["Local: Learning disability inpatient beds"]
    assert (beds.planned["2016-04"], beds.target, beds.direction) == (8, 6, Direction.LOWER)
    assert paths["Local: Community Integrated Locality Teams"].planned == {"2017-03": 17}
    iapt = paths["Local: IAPT access, share of prevalence"]
    assert iapt.target == 0.17 and iapt.target_date == dt.date(2021, 3, 31)
    assert iapt.planned["2021-03"] == 0.17
    assert paths["Local: IAPT recovery rate"].target == 0.505
    eip = paths["Early intervention in psychosis, treated within 2 weeks"]
    assert (eip.standard_id, eip.target, eip.planned["2016-04"]) == ("EIP_2WK", 0.5, 0.5)
    assert paths["Dementia diagnosis rate"].standard_id == "DEMENTIA_DX"
    assert paths["Local: People holding a personal health budget"].planned == {"2017-03": 100}
    antibiotics = paths["Local: Broad-spectrum antibiotics, % of antibacterial items"]
    assert antibiotics.target == 0.113 and antibiotics.direction is Direction.LOWER
    eps = paths["Local: Practices live with the Electronic Prescription Service"]
    assert eps.planned == {"2016-04": 55, "2017-03": 62}


def test_local_means_no_bundled_standard_and_a_local_source():
    for path in local_ambitions(1):
        local = path.metric.startswith("Local: ")
        assert local == (path.standard_id == "")
        assert path.source.startswith("local target; " if local else "national standard")


def test_the_demo_carries_them_after_the_national_three_with_their_own_ids():
    paths = demo_plan().trajectories
    assert [t.id for t in paths] == list(range(1, len(paths) + 1))
    assert [t.standard_id for t in paths[:3]] == ["DTOC_OBD", "", "AE_4HR"]
    assert len(paths) == 3 + len(local_ambitions(1))
