"""The demo plan's 2016/17 planning round (Governing Body paper 16/20, 31 March 2016).

From the paper: full drafts of the operational plan went to NHS England South Central on
8 February and 2 March; a revised activity template on 18 March; the final is due on
Monday 11 April, signed off by the CCG Chief Executive under delegated authority ("the
Governing Body is asked to delegate authority for sign off of our final plans by the CCG
CEO supported by Executive Directors"). BCF: an initial draft on 2 March, a full draft on
21 March, the final due 25 April 2016.

Chosen (the paper does not say): the drafts signed off by the Chief Finance Officer; no
frozen version named for the early drafts (the demo starts with none).
"""

from __future__ import annotations

import datetime as dt

from workbench.domain.submissions import Submission

PLAN = "Operational plan: narrative, finance (with QIPP), activity, SRG resilience"
BCF = "Better Care Fund plan"
CFO = "Chief Finance Officer"  # chosen
CEO = "Chief Executive (delegated by the Governing Body)"


def demo_submissions() -> list[Submission]:
    d = dt.date
    return [
        Submission(1, "Draft 1", PLAN, d(2016, 2, 8), d(2016, 2, 8), signed_off_by=CFO,
                   note="Paper: full draft submitted to South Central on 8 February"),
        Submission(2, "Draft 2", PLAN, d(2016, 3, 2), d(2016, 3, 2), signed_off_by=CFO,
                   note="Paper: full draft submitted on 2 March"),
        Submission(3, "BCF initial draft", BCF, d(2016, 3, 2), d(2016, 3, 2),
                   signed_off_by=CFO, note="Paper: initial draft submitted on 2 March"),
        Submission(4, "Revised activity", "Activity template", d(2016, 3, 18),
                   d(2016, 3, 18), signed_off_by=CFO,
                   note="Paper: revised activity template submitted on 18 March"),
        Submission(5, "BCF full draft", BCF, d(2016, 3, 21), d(2016, 3, 21),
                   signed_off_by=CFO, note="Paper: full draft submitted on 21 March 2016"),
        Submission(6, "Final", PLAN, d(2016, 4, 11), signed_off_by=CEO,
                   note="Paper: final submission on Monday 11 April 2016"),
        Submission(7, "BCF final", BCF, d(2016, 4, 25),
                   note="Paper: final BCF submission 25 April 2016"),
    ]
