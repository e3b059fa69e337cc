-- Places and people for figures: the place's first-level admin area and how precise the place is
-- (town, admin_area, country, in the spirit of ACLED's geo_precision), and household counts
-- converted to people with the average household size of the figure's country, with the size
-- used and where it comes from. Articles may now date themselves from HTTP headers.

ALTER TABLE figures ADD COLUMN admin1 VARCHAR;
ALTER TABLE figures ADD COLUMN geo_precision VARCHAR;
ALTER TABLE figures ADD COLUMN people BIGINT;
ALTER TABLE figures ADD COLUMN household_size DOUBLE;
ALTER TABLE figures ADD COLUMN household_size_source VARCHAR;
