package dev.augment.table;

/**
 * How a caller names the fixes that {@link NumberLikeColumn#advice(ColumnRemedies)} and {@link ColumnAdvice}
 * suggest, so that a library user hears of {@link TableReader}'s arguments and a command-line user of the command's
 * options.
 */
public interface ColumnRemedies {

    /** The library's names: {@link TableReader#read}'s missing marker and its column-type overrides. */
    ColumnRemedies LIBRARY = new ColumnRemedies() {
        @Override
        public String missingMarker(String text) {
            return "the missing marker '" + text + "'";
        }

        @Override
        public String numeric(String column) {
            return "a ColumnKind.NUMERIC override for '" + column + "'";
        }

        @Override
        public String categorical(String column) {
            return "a ColumnKind.CATEGORICAL override for '" + column + "'";
        }
    };

    /** The fields of {@link CsvTableSource}'s OLCUT configuration (and of its four-argument constructor). */
    ColumnRemedies CONFIGURATION = new ColumnRemedies() {
        @Override
        public String missingMarker(String text) {
            return "missingMarker " + text;
        }

        @Override
        public String numeric(String column) {
            return "'" + column + "' in numericColumns";
        }

        @Override
        public String categorical(String column) {
            return "'" + column + "' in categoricalColumns";
        }
    };

    /** The command line's names: the table commands' {@code --missing}, {@code --numeric}, {@code --categorical}. */
    ColumnRemedies COMMAND_LINE = new ColumnRemedies() {
        // quoted for the shell where needed: --missing <NA> was a redirection and #NULL! a comment that dropped the
        // options after it (a fresh user, 6 Dec); '--' ends the options however it is given, so it cannot be one
        @Override
        public String missingMarker(String text) {
            return text.equals("--") ? "write those cells empty: the command line cannot take '--' as a value, which "
                    + "ends its options" : "--missing " + dev.augment.generate.output.AtomicOutputDirectory.shellWord(
                    text);
        }

        @Override
        public String numeric(String column) {
            return "--numeric " + listEntry(column);
        }

        @Override
        public String categorical(String column) {
            return "--categorical " + listEntry(column);
        }

        /** A name with a comma in double quotes inside the list, then quoted for the shell ('"Income, USD"'). */
        private String listEntry(String column) {
            String entry = column.contains(",") ? "\"" + column.replace("\"", "\"\"") + "\"" : column;
            return dev.augment.generate.output.AtomicOutputDirectory.shellWord(entry);
        }
    };

    /**
     * @param text a cell text that should mark a missing cell, e.g. {@code NA}
     * @return how the caller makes it the table's missing marker, e.g. {@code --missing NA}
     */
    String missingMarker(String text);

    /**
     * @param column a column's header
     * @return how the caller reads that column as numeric, e.g. {@code --numeric x}
     */
    String numeric(String column);

    /**
     * @param column a column's header
     * @return how the caller reads that column as categories, e.g. {@code --categorical x}
     */
    String categorical(String column);
}
