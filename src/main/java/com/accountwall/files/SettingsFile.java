package com.accountwall.files;

import com.accountwall.core.AccountProfile;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;

/**
 * {@link WallSettings} kept in {@code settings.properties} in the data folder. Whether simulated
 * orders run is written only once someone chose it ({@link WallSettings#generator}), a schedule
 * that is always awake as an empty value, and so is the team shown when it is all teams.
 *
 * <p>A save replaces the file with {@link AtomicFile}, readable by its owner only, so a wall
 * unplugged mid-save finds either the old settings or the new ones, never half of each. A file that
 * cannot be read, or a value in it that makes no sense, is logged and replaced by the fallback; it
 * never stops the wall. Thread-safe: saves are serialised.
 */
public final class SettingsFile {
  private static final System.Logger LOG = System.getLogger(SettingsFile.class.getName());
  public static final String NAME = "settings.properties";

  private final Path file;

  public SettingsFile(Path dataFolder) {
    this.file = dataFolder.resolve(NAME);
  }

  public Path path() {
    return file;
  }

  /** The saved settings; each one missing or unreadable is taken from {@code fallback}. */
  public WallSettings load(WallSettings fallback) {
    Properties saved = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      saved.load(reader);
    } catch (NoSuchFileException e) {
      return fallback;
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          "cannot read the settings file {0} ({1}); starting with the defaults",
          file,
          e.getMessage());
      return fallback;
    }
    return new WallSettings(
        read(saved, "theme", Theme::of, fallback.theme()),
        read(saved, "rate", SettingsFile::rate, fallback.rate()),
        read(saved, "lifetime", SettingsFile::lifetime, fallback.lifetime()),
        read(saved, "pageSeconds", SettingsFile::pageSeconds, fallback.pageSeconds()),
        read(saved, "screen", SettingsFile::screen, fallback.screen()),
        read(saved, "goal", SettingsFile::goal, fallback.goal()),
        read(saved, "kiosk", SettingsFile::bool, fallback.kiosk()),
        read(saved, "pagingPaused", SettingsFile::bool, fallback.pagingPaused()),
        read(saved, "generator", SettingsFile::bool, fallback.generator()),
        read(saved, "schedule", Schedule::parse, fallback.schedule()),
        read(saved, "team", SettingsFile::team, fallback.team()));
  }

  /** Writes {@code settings} atomically and durably. */
  public synchronized void save(WallSettings settings) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("theme", settings.theme().id());
    properties.setProperty("rate", Double.toString(settings.rate()));
    properties.setProperty("lifetime", settings.lifetime().toString());
    properties.setProperty("pageSeconds", Integer.toString(settings.pageSeconds()));
    properties.setProperty("screen", Integer.toString(settings.screen()));
    properties.setProperty("goal", Long.toString(settings.goal()));
    properties.setProperty("kiosk", Boolean.toString(settings.kiosk()));
    properties.setProperty("pagingPaused", Boolean.toString(settings.pagingPaused()));
    if (settings.generator() != null) { // left out while nobody chose: the mode decides
      properties.setProperty("generator", settings.generator().toString());
    }
    properties.setProperty(
        "schedule", settings.schedule().isAlways() ? "" : settings.schedule().toString());
    properties.setProperty("team", settings.team() == null ? "" : settings.team());
    StringWriter text = new StringWriter();
    properties.store(text, "Account Wall settings; options on the command line override them");

    OwnerOnly.createFolder(file.getParent());
    AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private <T> T read(Properties saved, String key, Function<String, T> parse, T fallback) {
    String text = saved.getProperty(key);
    if (text == null) {
      return fallback;
    }
    try {
      return parse.apply(text);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "ignoring {0}={1} in {2} ({3}); using {4}",
          key,
          text,
          file,
          e.getMessage(),
          fallback);
      return fallback;
    }
  }

  /** Empty for all teams, or one team as {@link AccountProfile#checkText} allows. */
  private static String team(String text) {
    return text.isEmpty() ? null : AccountProfile.checkText(text);
  }

  private static double rate(String text) {
    return WallSettings.checkRate(Double.parseDouble(text));
  }

  private static Duration lifetime(String text) {
    return WallSettings.checkLifetime(Duration.parse(text));
  }

  /** {@code 0} for no goal, or a goal as {@link WallSettings#checkGoal} allows. */
  private static long goal(String text) {
    long goal = Long.parseLong(text.strip());
    return goal == WallSettings.NO_GOAL ? goal : WallSettings.checkGoal(goal);
  }

  private static int pageSeconds(String text) {
    return WallSettings.checkPageSeconds(Integer.parseInt(text.strip()));
  }

  private static int screen(String text) {
    int screen = Integer.parseInt(text.strip());
    if (screen < 0) {
      throw new IllegalArgumentException("must be at least 0");
    }
    return screen;
  }

  /** {@code true} or {@code false}, in any case; anything else is refused, not taken as false. */
  private static boolean bool(String text) {
    String value = text.strip();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("must be true or false");
  }
}
