"""Gateways: a move up needs QIA, EIA and a named sign-off; a move down a note."""

from __future__ import annotations

from workbench.domain.enums import SchemeStatus
from workbench.domain.gateways import Gateway, Stage, gateway_problems, stage_of, status_of

DONE = Gateway(qia_done=True, eia_done=True, signed_off_by="Jo Smith")


def test_each_missing_piece_is_named():
    problems = gateway_problems(Stage.UNIDENTIFIED, Stage.EARMARKED, Gateway())
    assert len(problems) == 3
    assert any("QIA" in p for p in problems) and any("EIA" in p for p in problems)
    assert any("signing it off" in p for p in problems)
    assert gateway_problems(Stage.IDENTIFIED, Stage.IN_DELIVERY,
                            Gateway(qia_done=True, eia_done=True, signed_off_by="  ")) == [
        "no one is named as signing it off"]


def test_complete_gateway_allows_any_move_up():
    for current, target in [(Stage.UNIDENTIFIED, Stage.EARMARKED),
                            (Stage.EARMARKED, Stage.IDENTIFIED),
                            (Stage.IDENTIFIED, Stage.IN_DELIVERY)]:
        assert gateway_problems(current, target, DONE) == []


def test_move_down_needs_a_note_and_same_stage_is_refused():
    assert gateway_problems(Stage.IDENTIFIED, Stage.EARMARKED, Gateway()) == [
        "moving back to earmarked needs a note saying why"]
    assert gateway_problems(Stage.IDENTIFIED, Stage.EARMARKED, Gateway(), "provider withdrew") == []
    assert gateway_problems(Stage.EARMARKED, Stage.EARMARKED, DONE) == [
        "the scheme is already earmarked"]


def test_stage_and_status_correspond():
    assert stage_of(SchemeStatus.EARMARKED) is Stage.EARMARKED
    assert status_of(Stage.IN_DELIVERY) is SchemeStatus.IDENTIFIED
    assert status_of(Stage.UNIDENTIFIED) is SchemeStatus.UNIDENTIFIED
