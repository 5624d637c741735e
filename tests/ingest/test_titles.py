import pytest

from ingest.titles import parse_title


@pytest.mark.parametrize(("raw", "expected"), [
    ("Matrix, The (1999)", ("The Matrix", None, 1999)),
    ("Toy Story (1995)", ("Toy Story", None, 1995)),
    ("Auberge espagnole, L' (2002)", ("L'Auberge espagnole", None, 2002)),
    ("City of Lost Children, The (Cité des enfants perdus, La) (1995)",
     ("The City of Lost Children", "La Cité des enfants perdus", 1995)),
    ("Seven (a.k.a. Se7en) (1995)", ("Seven", "Se7en", 1995)),
    ("Babylon 5", ("Babylon 5", None, None)),
    ("Stranger Things (2016- )", ("Stranger Things", None, 2016)),
    ("Big Bang Theory, The (2007-)", ("The Big Bang Theory", None, 2007)),
])
def test_parse_title(raw: str, expected: tuple[str, str | None, int | None]) -> None:
    assert parse_title(raw) == expected
