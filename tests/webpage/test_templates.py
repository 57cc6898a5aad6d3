"""The pages' Jinja environment reads `item.key` on a dict as the key first, without letting a
key shadow a dict method (a facet value or a name from a hostile page may be called `items`)."""

from web.render import ENV


def render(source: str, **context) -> str:
    return ENV.from_string(source).render(**context)


def test_a_dict_key_is_read_as_an_attribute():
    assert render("{{ hit.title }}|{{ hit.missing }}", hit={"title": "<b>x</b>"}) == "&lt;b&gt;x&lt;/b&gt;|"


def test_a_key_named_like_a_dict_method_does_not_shadow_it():
    facets = {"items": 3, "keys": 1}
    out = render("{% for k, n in facets.items() %}{{ k }}={{ n }};{% endfor %}", facets=facets)
    assert out == "items=3;keys=1;"


def test_objects_keep_jinja_attribute_lookup():
    class Hit:
        title = "t"

    assert render("{{ hit.title }}", hit=Hit()) == "t"
