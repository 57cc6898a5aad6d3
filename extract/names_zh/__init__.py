"""Person names in simplified Chinese text: Chinese names (surname + given name), Japanese names,
foreign names in transliteration characters (施密特, 玛格丽特·撒切尔, 路易十四世) and monarchs (唐太宗).

Regexes make the candidates (a surname and a character; a run of transliteration characters; a
dotted or numbered foreign name); each is scored in the log-odds units of the character weights
that lexicons/make_names_zh.py derives from jieba's dictionary: how name-like its characters are,
whether it is or starts a dictionary word (高度, 黄金), and what its neighbours say -- a role before
it (书记王芳), a speech verb or 同志 after it, a 、-list of names. A suffix after it (街道, 区,
时报) rules it out. An optional tagger (jieba's) adds hints: its person tags, its word boundaries.
Then a CRF over characters, trained on UNER zh train (lexicons/names_zh_tagger.crfsuite), adds the
names it is sure of and corrects boundaries, where the rules do not know its span for no name.
Every word list and weight is data in lexicons/names_zh_*.tsv, each with its reason.

    tables.py    the weights (a typed record) and the word and character tables
    chinese.py   Chinese and Japanese names
    foreign.py   transliterated foreign names, dotted and numbered names, monarchs
    context.py   what the neighbours say; lists, glosses, the tagger's hints
    finder.py    ChineseNameFinder: candidates, scores, the best without overlaps; the CRF's veto
    crf.py       the CRF tagger: posteriors over a text, spans, merge with the rules' names
    crf_features.py  its features, computed with numpy for whole texts
"""

from extract.names_zh.finder import ChineseNameFinder
from extract.names_zh.tables import Weights, read_weights

__all__ = ["ChineseNameFinder", "Weights", "read_weights"]
