"""The one masking function hides every password a URL or message can carry."""

from __future__ import annotations

import pytest

from workbench.domain.masking import mask


@pytest.mark.parametrize("text", [
    "postgresql+psycopg://jo:s3cret@db.nhs.uk:5432/plans",
    "cannot open postgresql://jo:s3cret@db/plans (connection refused)",
    "postgresql+psycopg://jo@db/plans?password=s3cret&sslmode=require",
    "postgresql+psycopg://jo@/plans?host=/tmp&PASSWORD=s3cret",
    "no database at /home/jo/postgresql/jo:s3cret@db/plans",  # a URL mistyped as a path
    "host=db user=jo password='s3cret' dbname=plans",
    "host=db user=jo password=s3cret dbname=plans",
])
def test_no_password_survives(text):
    assert "s3cret" not in mask(text)
    assert "***" in mask(text)


@pytest.mark.parametrize("text", [
    "/home/jo/plans/oxford plan.db", "Edit gross saving of MSK: 1,200,000",
    "A&E 4-hour: 95% by 31/03/2017", "C:\\Users\\jo\\plan.db",
    "postgresql+psycopg://jo@db/plans",
])
def test_text_without_secrets_is_unchanged(text):
    assert mask(text) == text
