from pathlib import Path

import pytest

import config


def test_defaults_file_env_and_flags_layer_in_order(tmp_path):
    toml = tmp_path / "honours.toml"
    toml.write_text('data_dir = "from-file"\nsegmenter = "jieba"\nmax_bytes = 100\n')
    s = config.load(toml, env={"HONOURS_MAX_BYTES": "200"}, data_dir="from-flag")
    assert s == config.Settings(data_dir=Path("from-flag"), segmenter="jieba", max_bytes=200)
    assert config.load(env={}).data_dir == Path("data/archive")


@pytest.mark.parametrize(
    "toml, env, match",
    [
        ('datadir = "x"\n', {}, "unknown setting 'datadir'"),
        ("", {"HONOURS_SEGMENTR": "jieba"}, "unknown setting 'segmentr'"),
        ('segmenter = "stanza"\n', {}, "must be one of"),
        ("max_bytes = 'many'\n", {}, "max_bytes"),
        ("= broken", {}, "honours.toml"),
    ],
)
def test_unknown_or_bad_settings_fail_at_start_up(tmp_path, toml, env, match):
    path = tmp_path / "honours.toml"
    path.write_text(toml)
    with pytest.raises(config.ConfigError, match=match):
        config.load(path, env=env)
