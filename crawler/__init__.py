"""The crawler: a Scrapy project driven by `honours crawl` (see crawler/run.py)."""
