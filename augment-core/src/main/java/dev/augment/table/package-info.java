/**
 * Tables: labelled CSV files with numeric and categorical columns, as Tribuo's {@code CSVDataSource} reads them.
 *
 * <p>{@link dev.augment.table.TableReader} reads a CSV into a {@link dev.augment.table.Table} and infers its
 * {@link dev.augment.table.TableSchema}: each column's {@link dev.augment.table.ColumnKind}, categories, range and
 * decimals, the label column and the class labels. The schema names the Tribuo features the same CSV gives through
 * {@link dev.augment.table.TableSchema#rowProcessor()} (numeric column {@code c} → {@code c}, category {@code v} of
 * column {@code c} → {@code c@v}), gives the {@link dev.augment.schema.SampleSchema} the rest of augment uses, and is
 * stored in a table generator's ONNX metadata as JSON. {@link dev.augment.table.TableRowDecoder} turns a sample
 * vector back into CSV cells; {@link dev.augment.table.CsvTableSource} is the table as a Tribuo data source.
 */
package dev.augment.table;
