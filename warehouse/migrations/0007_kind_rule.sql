-- Which rule gave each figure its kind, and the words that fired it ("predicate:were killed",
-- "left-verb:killing", "toll:death toll", "shared-verb:left-verb:killed"): "why is this killed"
-- is a query. Figures extracted before this migration have none until they are extracted again.

ALTER TABLE figures ADD COLUMN kind_rule VARCHAR;
