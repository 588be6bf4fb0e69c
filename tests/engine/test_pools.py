"""Each risk-share rule on hand-built pools whose split is worked out by hand."""

from decimal import Decimal as D

from workbench.domain.pools import Pool, PoolPartner, RiskShareRule
from workbench.engine.pools import pool_totals, round_to_pence, split_pool


def _pool(rule, *partners, variance="0"):
    return Pool(id=1, name="Adults", rule=rule, partners=tuple(partners),
                projected_variance=D(variance))


CCG = "Oxfordshire CCG"
OCC = "Oxfordshire County Council"


def test_proportional_to_contribution():
    # £146m and £184m: an overspend of £3.3m splits 146/330 and 184/330:
    # 3,300,000 x 146 / 330 = 1,460,000; 3,300,000 x 184 / 330 = 1,840,000.
    pool = _pool(RiskShareRule.PROPORTIONAL,
                 PoolPartner(CCG, D("146000000"), is_ccg=True),
                 PoolPartner(OCC, D("184000000")), variance="3300000")
    split = split_pool(pool)
    assert split.shares == ((CCG, D("1460000.00")), (OCC, D("1840000.00")))
    assert split.ccg_share == D("1460000.00")


def test_proportional_underspend_is_negative_for_everyone():
    pool = _pool(RiskShareRule.PROPORTIONAL,
                 PoolPartner(CCG, D("146000000"), is_ccg=True),
                 PoolPartner(OCC, D("184000000")), variance="-330000")
    # -330,000 x 146/330 = -146,000; x 184/330 = -184,000
    assert split_pool(pool).shares == ((CCG, D("-146000.00")), (OCC, D("-184000.00")))


def test_fixed_shares():
    # 60% / 40% of £1,000,000.01: 600,000.006 and 400,000.004 -> floors 600,000.00 and
    # 400,000.00, the one penny left to the larger remainder (0.6p beats 0.4p): the CCG.
    pool = _pool(RiskShareRule.FIXED_SHARES,
                 PoolPartner(CCG, D("10"), is_ccg=True, share=D("0.6")),
                 PoolPartner(OCC, D("90"), share=D("0.4")), variance="1000000.01")
    split = split_pool(pool)
    assert split.shares == ((CCG, D("600000.01")), (OCC, D("400000.00")))
    assert sum(s for _, s in split.shares) == D("1000000.01")


def test_three_equal_partners_remainder_goes_to_the_first_listed():
    # £100 / 3 = 33.333...: floors 33.33 each (99.99), the penny to the first of the tie.
    pool = _pool(RiskShareRule.PROPORTIONAL, PoolPartner("A", D(1), is_ccg=True),
                 PoolPartner("B", D(1)), PoolPartner("C", D(1)), variance="100")
    assert split_pool(pool).shares == (("A", D("33.34")), ("B", D("33.33")), ("C", D("33.33")))


def test_negative_remainder_is_placed_the_same_way():
    # -£100 / 3 = -33.333...: floors -33.34 each (-100.02); two pennies back to the first two.
    pool = _pool(RiskShareRule.PROPORTIONAL, PoolPartner("A", D(1)), PoolPartner("B", D(1)),
                 PoolPartner("C", D(1)), variance="-100")
    assert split_pool(pool).shares == (("A", D("-33.33")), ("B", D("-33.33")),
                                       ("C", D("-33.34")))


def test_capped_overflow_goes_to_the_uncapped_partner():
    # £4m overspend, contributions 146 / 184: the CCG's proportional part would be
    # 4,000,000 x 146/330 = 1,769,696.97 > its £1m cap, so it bears £1m and the council
    # the other £3m.
    pool = _pool(RiskShareRule.CAPPED,
                 PoolPartner(CCG, D("146000000"), is_ccg=True, cap=D("1000000")),
                 PoolPartner(OCC, D("184000000")), variance="4000000")
    split = split_pool(pool)
    assert split.shares == ((CCG, D("1000000.00")), (OCC, D("3000000.00")))
    assert split.unshared == 0


def test_capped_below_the_cap_is_proportional():
    # £330,000: 146,000 is under the £1m cap.
    pool = _pool(RiskShareRule.CAPPED,
                 PoolPartner(CCG, D("146000000"), is_ccg=True, cap=D("1000000")),
                 PoolPartner(OCC, D("184000000")), variance="330000")
    assert split_pool(pool).shares == ((CCG, D("146000.00")), (OCC, D("184000.00")))


def test_capped_cascade_and_what_nobody_bears():
    # A (cap 10), B (cap 30), C (cap 50), equal contributions, overspend 120:
    # round 1: 40 each -> A over its cap (10), B over (30): A 10, B 30, left 80 for C,
    # which is over its 50 cap -> C 50; 120 - 90 = 30 nobody bears.
    pool = _pool(RiskShareRule.CAPPED, PoolPartner("A", D(1), cap=D(10)),
                 PoolPartner("B", D(1), cap=D(30)), PoolPartner("C", D(1), cap=D(50)),
                 variance="120")
    split = split_pool(pool)
    assert split.shares == (("A", D("10.00")), ("B", D("30.00")), ("C", D("50.00")))
    assert split.unshared == D("30.00")


def test_capped_second_round_shares_by_contribution():
    # A cap 10, B and C uncapped with contributions 1:1:2, overspend 100:
    # round 1: A 25 > 10 -> A bears 10; 90 left for B and C by 1:2 -> 30 and 60.
    pool = _pool(RiskShareRule.CAPPED, PoolPartner("A", D(1), cap=D(10)),
                 PoolPartner("B", D(1)), PoolPartner("C", D(2)), variance="100")
    assert split_pool(pool).shares == (("A", D("10.00")), ("B", D("30.00")), ("C", D("60.00")))


def test_capped_underspend_ignores_caps():
    pool = _pool(RiskShareRule.CAPPED, PoolPartner("A", D(1), cap=D(10)),
                 PoolPartner("B", D(3)), variance="-100")
    assert split_pool(pool).shares == (("A", D("-25.00")), ("B", D("-75.00")))


def test_each_bears_its_own_overspend():
    # The CCG's services overspend £500k, the council's £1.2m; the pool's projected
    # variance is £1.7m, all put to a partner.
    pool = _pool(RiskShareRule.OWN_OVERSPEND,
                 PoolPartner(CCG, D("146000000"), is_ccg=True, own_variance=D("500000")),
                 PoolPartner(OCC, D("184000000"), own_variance=D("1200000")),
                 variance="1700000")
    assert split_pool(pool).shares == ((CCG, D("500000.00")), (OCC, D("1200000.00")))


def test_own_overspend_rest_is_shared_by_contribution():
    # £1.7m put to partners; the other £330,000 of a £2.03m variance splits 146:184.
    pool = _pool(RiskShareRule.OWN_OVERSPEND,
                 PoolPartner(CCG, D("146000000"), is_ccg=True, own_variance=D("500000")),
                 PoolPartner(OCC, D("184000000"), own_variance=D("1200000")),
                 variance="2030000")
    assert split_pool(pool).shares == ((CCG, D("646000.00")), (OCC, D("1384000.00")))


def test_a_rule_that_cannot_apply_shares_nothing_and_says_why():
    pool = _pool(RiskShareRule.FIXED_SHARES, PoolPartner(CCG, D(1), share=D("0.5")),
                 PoolPartner(OCC, D(1), share=D("0.4")), variance="100")
    split = split_pool(pool)
    assert "add up to 0.9, not 1" in split.problem
    assert split.ccg_share == 0 and split.unshared == D(100)


def test_round_to_pence_always_adds_up():
    from fractions import Fraction
    for total in (-7, -1, 0, 1, 7, 100, 12345):
        exact = [Fraction(total) * w / 10 for w in (1, 2, 3, 4)]
        assert sum(round_to_pence(exact, total)) == total


def test_totals_by_partner():
    pools = [_pool(RiskShareRule.PROPORTIONAL, PoolPartner(CCG, D(100), is_ccg=True),
                   PoolPartner(OCC, D(200)), variance="30"),
             _pool(RiskShareRule.PROPORTIONAL, PoolPartner(CCG, D(46), is_ccg=True),
                   PoolPartner(OCC, D(4)), variance="-50")]
    totals = pool_totals(pools, [split_pool(p) for p in pools])
    assert totals.total == D(350)
    assert totals.by_partner == ((CCG, D(146)), (OCC, D(204)))
    assert totals.ccg_contribution == D(146)
    # CCG: 30 x 100/300 = 10; -50 x 46/50 = -46 -> -36 in all, 10 of it overspend
    assert totals.ccg_variance == D(-36) and totals.ccg_overspend == D(10)
