"""Hypothesis strategies for valid cases, drawn from the vocabulary itself."""
from hypothesis import strategies as st

from expert.vocabulary import ChoiceSet
from knowledge.base import VOCABULARY


def answer_values(answer):
    if isinstance(answer, ChoiceSet):
        return st.lists(st.sampled_from(answer.values), max_size=4)
    return st.sampled_from(answer.values)


@st.composite
def case_data(draw):
    """A case as nested tables, with any subset of fields answered."""
    data = {}
    for path, answer in VOCABULARY.fields.items():
        if draw(st.booleans()):
            table, field = path.split(".")
            data.setdefault(table, {})[field] = draw(answer_values(answer))
    return data
