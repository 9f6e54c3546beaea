"""The rules, pure: the ranking, rhythms, the quote's life, dates and days, money, matching,
merging, duplicates, and the values a person types. Today is an argument; no SQL, no
printing: a rule returns data."""
