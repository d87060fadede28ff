package org.duetstudio.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.GeneratorKind;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read: whole numbers (with {@code _} between digits allowed, as in 6_000) and
 * decimals with a plain sentence when they do not read, and model kinds by their ids, refused with the
 * core's own sentence. Picocli prefixes each sentence with the option's name.
 */
public final class Converters {
  private Converters() {}

  /** Registers the converters on {@code cl} and on every command below it. */
  public static CommandLine register(CommandLine cl) {
    ITypeConverter<Integer> whole =
        v -> {
          try {
            return Integer.parseInt(v.strip().replace("_", ""));
          } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + v + "' is not a whole number");
          }
        };
    ITypeConverter<Long> wholeLong =
        v -> {
          try {
            return Long.parseLong(v.strip().replace("_", ""));
          } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + v + "' is not a whole number");
          }
        };
    ITypeConverter<Double> decimal =
        v -> {
          try {
            return Double.parseDouble(v.strip());
          } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + v + "' is not a number");
          }
        };
    return cl.registerConverter(Integer.class, whole)
        .registerConverter(int.class, whole)
        .registerConverter(Long.class, wholeLong)
        .registerConverter(long.class, wholeLong)
        .registerConverter(Double.class, decimal)
        .registerConverter(double.class, decimal)
        .registerConverter(ClassifierKind.class, v -> kind(() -> ClassifierKind.fromId(v)))
        .registerConverter(GeneratorKind.class, v -> kind(() -> GeneratorKind.fromId(v)));
  }

  private static <T> T kind(Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The classifier ids, for the help's list of choices. */
  public static final class ClassifierIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(ClassifierKind.values()).map(ClassifierKind::id).iterator();
    }
  }

  /** The generator ids, for the help's list of choices. */
  public static final class GeneratorIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(GeneratorKind.values()).map(GeneratorKind::id).iterator();
    }
  }
}
