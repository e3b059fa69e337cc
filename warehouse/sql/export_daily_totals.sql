SELECT day AS date, * FROM daily_totals;
