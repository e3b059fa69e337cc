-- What each article and each figure is about: conflict, disaster or other (transforms/context.py;
-- IDMC's IDETECT classifies its texts the same way). A figure takes its article's context unless
-- its own sentence clearly says another. Articles and figures stored before this migration have
-- none until a reprocess backfill (their figures' extractor version is older) fills it in.

ALTER TABLE articles ADD COLUMN context VARCHAR;            -- conflict | disaster | other
ALTER TABLE articles ADD COLUMN context_confidence DOUBLE;   -- 0.5 .. 1.0
ALTER TABLE figures ADD COLUMN context VARCHAR;
