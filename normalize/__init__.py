"""Raw pages -> clean, simplified, segmented articles (see pipeline.Normalizer)."""
