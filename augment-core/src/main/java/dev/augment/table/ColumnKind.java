package dev.augment.table;

/** What a table column holds: numbers (one Tribuo feature) or category strings (one feature per category). */
public enum ColumnKind {
    /** Numbers: Tribuo reads the cell as one real-valued feature named after the column. */
    NUMERIC,
    /** Category strings: Tribuo reads the cell as one feature {@code column@value} with the value 1. */
    CATEGORICAL
}
