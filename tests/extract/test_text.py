"""Sentence spans: one position's sentence, read from its line alone, is the one `sentences` gives."""

from conftest import SEEDS

from extract.text import sentence_around, sentence_of, sentences


def test_the_sentence_around_a_position_is_the_sentence_of_the_whole_text():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("第一句。第二句！\n\nÔng Nguyễn Văn An được khen. Bà Trần Thị Bình cũng vậy.\n末行")
    for text in texts:
        spans = sentences(text)
        for at in range(0, len(text) + 1, 7):
            assert sentence_around(text, at) == sentence_of(spans, at), at
