-- Load rebuilt claims (`incoming`) and their figures (`incoming_members`); the caller has
-- emptied both tables in the same transaction. (DuckDB binds parameters to the last statement.)
INSERT INTO claim_figures BY NAME SELECT * FROM incoming_members;
INSERT INTO claims BY NAME SELECT *, $now AS built_at FROM incoming;
