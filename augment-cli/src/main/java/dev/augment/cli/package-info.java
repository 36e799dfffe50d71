/** The picocli command line: {@code augment train | generate | inspect}, its exit codes and messages. */
package dev.augment.cli;
