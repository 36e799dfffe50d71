/**
 * The kinds of failure augment reports to a caller: a setting the caller got wrong
 * ({@link dev.augment.errors.InvalidSettingException}), bad input data
 * ({@link dev.augment.errors.InvalidDataException}) and a model that breaks the ONNX contract
 * ({@link dev.augment.errors.ModelContractException}), and a machine that cannot run the work
 * ({@link dev.augment.errors.EnvironmentException}: temporary folder, native libraries). Messages use the Java names of settings; the
 * command line maps them to its options and to the documented exit codes (2, 3 and 3).
 */
package dev.augment.errors;
