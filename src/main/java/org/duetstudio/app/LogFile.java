package org.duetstudio.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The studio's log file: {@code logs/studio.log} in the studio's home ({@code ~/.duet-studio}, or {@code
 * -Dduet.home}), one file a day, a fortnight kept. It holds the studio's own INFO lines and every warning
 * and error (with stack traces), so that a failure the window reports in one sentence can be looked into.
 */
final class LogFile {
  /** The appender's name; installing twice keeps one. */
  static final String APPENDER = "DUET_FILE";

  private LogFile() {}

  /** Adds the file to the root logger; returns the file, or null when it could not be made (a warning says why). */
  static Path install(Path dir) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext ctx)) {
      return null; // another SLF4J back-end: it has its own configuration
    }
    Path file = dir.resolve("studio.log");
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(APPENDER) != null) {
      return file;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      LoggerFactory.getLogger(LogFile.class).warn("no log file: {} could not be made ({})", dir, e.getMessage());
      return null;
    }
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(ctx);
    appender.setName(APPENDER);
    appender.setFile(file.toString());
    TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
    policy.setContext(ctx);
    policy.setParent(appender);
    policy.setFileNamePattern(dir.toString().replace('\\', '/') + "/studio-%d{yyyy-MM-dd}.log");
    policy.setMaxHistory(14);
    policy.setTotalSizeCap(FileSize.valueOf("50MB"));
    policy.start();
    appender.setRollingPolicy(policy);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n");
    encoder.start();
    appender.setEncoder(encoder);
    appender.start();
    if (!appender.isStarted()) {
      return null;
    }
    root.addAppender(appender);
    return file;
  }
}
