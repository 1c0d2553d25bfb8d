"""MYCIN certainty arithmetic."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from exsplain.expert.certainty import band, combine, combine_all

cf = st.floats(min_value=-0.99, max_value=0.99, allow_nan=False)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (0.4, 0.4, 0.64),  # a + b(1 - a)
        (-0.4, -0.4, -0.64),  # a + b(1 + a)
        (0.6, -0.4, 0.3333),  # (a + b) / (1 - min(|a|, |b|))
        (0.0, -0.2, -0.2),
        (1.0, -1.0, 0.0),  # total belief and disbelief cancel instead of dividing by zero
    ],
)
def test_combine_follows_the_three_mycin_formulas(a, b, expected):
    assert combine(a, b) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("certainty, expected", [(0.6, "likely"), (0.59, "possible"), (0.3, "possible"), (0.29, "unlikely")])
def test_bands_have_their_documented_thresholds(certainty, expected):
    assert band(certainty) == expected


@given(st.lists(cf, max_size=6), st.randoms())
def test_combined_certainty_does_not_depend_on_order(weights, random):
    shuffled = list(weights)
    random.shuffle(shuffled)
    assert combine_all(weights) == pytest.approx(combine_all(shuffled), abs=1e-4)


@given(st.lists(cf, max_size=6), st.floats(min_value=0, max_value=0.99))
def test_evidence_for_never_lowers_and_against_never_raises(weights, extra):
    assert combine_all([*weights, extra]) >= combine_all(weights) - 1e-9
    assert combine_all([*weights, -extra]) <= combine_all(weights) + 1e-9


@given(st.lists(cf, max_size=8))
def test_certainty_stays_within_bounds(weights):
    assert -1 <= combine_all(weights) <= 1
