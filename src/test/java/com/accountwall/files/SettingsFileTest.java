package com.accountwall.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
  private static final WallSettings DEFAULTS =
      new WallSettings(Theme.DARK, 10, Duration.ofHours(24), 10, 0);

  @TempDir Path data;

  @Test
  void whatIsSavedIsLoaded() throws IOException {
    SettingsFile file = new SettingsFile(data.resolve("new folder"));
    WallSettings saved = new WallSettings(Theme.LIGHT, 37.5, Duration.ofMinutes(2), 15, 1, 12_000);

    file.save(saved);

    assertEquals(saved, new SettingsFile(data.resolve("new folder")).load(DEFAULTS));
    assertFalse(
        Files.exists(data.resolve("new folder").resolve(SettingsFile.NAME + ".partial")),
        "nothing is left aside");
  }

  @Test
  void kioskModePagingTheSimulatedOrdersSwitchAndTheScheduleAreSavedAndLoaded() throws IOException {
    SettingsFile file = new SettingsFile(data);
    WallSettings saved =
        new WallSettings(
            Theme.LIGHT,
            2.5,
            Duration.ofMinutes(10),
            20,
            0,
            WallSettings.NO_GOAL,
            true,
            true,
            false,
            Schedule.parse("Mon-Fri 07:00-19:00, Sat 09:00-13:00"));

    file.save(saved);

    assertEquals(saved, file.load(DEFAULTS));
  }

  @Test
  void aSwitchNobodyChoseIsLeftOutAndAnAlwaysAwakeScheduleIsEmpty() throws IOException {
    SettingsFile file = new SettingsFile(data);

    file.save(DEFAULTS);

    String text = Files.readString(file.path(), StandardCharsets.UTF_8);
    assertFalse(text.contains("generator="), text);
    assertTrue(text.contains("schedule=\n"), text);
    assertEquals(DEFAULTS, file.load(DEFAULTS));
  }

  @Test
  void onlyItsOwnerMayReadIt() throws IOException {
    assumeTrue(
        data.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "permissions are POSIX ones");
    SettingsFile file = new SettingsFile(data.resolve("new folder"));

    file.save(DEFAULTS);

    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("new folder"))));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
  }

  @Test
  void noFileMeansTheFallback() {
    assertEquals(DEFAULTS, new SettingsFile(data).load(DEFAULTS));
  }

  @Test
  void aBrokenValueFallsBackAloneAndTheRestIsKept() throws IOException {
    Files.writeString(
        data.resolve(SettingsFile.NAME),
        "theme=purple\nrate=-3\nlifetime=PT5M\npageSeconds=0\nscreen=2\n",
        StandardCharsets.UTF_8);

    assertEquals(
        new WallSettings(Theme.DARK, 10, Duration.ofMinutes(5), 10, 2),
        new SettingsFile(data).load(DEFAULTS));
  }

  @Test
  void aGoalIsRememberedAndOneUnderOneWidgetIsIgnored() throws IOException {
    Files.writeString(data.resolve(SettingsFile.NAME), "goal=12000\n", StandardCharsets.UTF_8);
    assertEquals(12_000, new SettingsFile(data).load(DEFAULTS).goal());

    Files.writeString(data.resolve(SettingsFile.NAME), "goal=-5\n", StandardCharsets.UTF_8);
    assertEquals(WallSettings.NO_GOAL, new SettingsFile(data).load(DEFAULTS).goal());

    Files.writeString(data.resolve(SettingsFile.NAME), "goal=lots\n", StandardCharsets.UTF_8);
    assertEquals(WallSettings.NO_GOAL, new SettingsFile(data).load(DEFAULTS).goal());
  }

  @Test
  void aTeamIsRememberedAllTeamsIsEmptyAndOneAgainstTheRuleIsIgnored() throws IOException {
    SettingsFile file = new SettingsFile(data);
    WallSettings north =
        new WallSettings(
            Theme.DARK,
            10,
            Duration.ofHours(24),
            10,
            0,
            WallSettings.NO_GOAL,
            false,
            false,
            null,
            Schedule.ALWAYS,
            "Nord-Ost \u00e9t\u00e9 #2");
    file.save(north);
    assertEquals(north, file.load(DEFAULTS));

    file.save(DEFAULTS);
    assertEquals(null, file.load(north).team(), "saved as all teams, not as missing");

    Files.writeString(data.resolve(SettingsFile.NAME), "team=a\\u0007b\n", StandardCharsets.UTF_8);
    assertEquals(null, file.load(DEFAULTS).team(), "a control character is refused");
    Files.writeString(
        data.resolve(SettingsFile.NAME), "team=" + "n".repeat(201) + "\n", StandardCharsets.UTF_8);
    assertEquals(null, file.load(DEFAULTS).team(), "201 characters are refused");
  }

  @Test
  void aLifetimeBeyondTenYearsIsRefusedLikeOnTheCommandLine() throws IOException {
    Files.writeString(
        data.resolve(SettingsFile.NAME), "lifetime=PT24000000000000H\n", StandardCharsets.UTF_8);

    assertEquals(DEFAULTS, new SettingsFile(data).load(DEFAULTS));
  }

  @Test
  void anUnreadableFileMeansTheFallback() throws IOException {
    Files.write(
        data.resolve(SettingsFile.NAME), new byte[] {'t', 'h', 'e', 'm', 'e', '=', '\\', 'u', '1'});

    assertEquals(DEFAULTS, new SettingsFile(data).load(DEFAULTS));
  }
}
