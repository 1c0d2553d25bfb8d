"""Hypothesis strategies for valid cases, drawn from the field declarations themselves."""
from hypothesis import strategies as st

from exsplain.expert.fields import ChoiceSet
from exsplain.knowledge.base import KNOWLEDGE_BASE

VOCABULARY = KNOWLEDGE_BASE.vocabulary


def answer_values(field):
    if isinstance(field, ChoiceSet):
        return st.lists(st.sampled_from(field.values), max_size=4, unique=True)
    return st.sampled_from(field.values)


@st.composite
def case_data(draw):
    """A case as nested tables, with any subset of fields answered."""
    data = {}
    for field in VOCABULARY.fields.values():
        if draw(st.booleans()):
            data.setdefault(field.table, {})[field.name] = draw(answer_values(field))
    return data
