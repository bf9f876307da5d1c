package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {
  @TempDir Path data;

  @Test
  void aGeneratedTokenIsWrittenOnlyWhenKeptAndThenForItsOwnerAlone() throws Exception {
    ApiToken token = ApiToken.resolve(null, data);

    assertTrue(token.generated());
    assertFalse(Files.exists(data.resolve(ApiToken.FILE_NAME)), "resolving writes nothing");

    token.keep();

    assertEquals(token.value() + "\n", Files.readString(data.resolve(ApiToken.FILE_NAME)));
    assumeTrue(
        data.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "permissions are POSIX ones");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token.file())));
  }

  @Test
  void aKeptTokenIsFoundAgainAndLeftAsItIs() throws Exception {
    ApiToken first = ApiToken.resolve(null, data);
    first.keep();

    ApiToken again = ApiToken.resolve(null, data);
    again.keep();

    assertEquals(first.value(), again.value());
    assertFalse(again.generated());
    assertEquals(
        "API token "
            + first.abbreviated()
            + ", kept in "
            + data.toAbsolutePath().resolve("api-token"),
        again.describe());
  }

  @Test
  void aGivenTokenIsNeitherKeptNorShown() throws Exception {
    ApiToken token = ApiToken.resolve(" secret-of-the-operator ", data);
    token.keep();

    assertEquals("secret-of-the-operator", token.value());
    assertNull(token.file());
    assertFalse(Files.exists(data.resolve(ApiToken.FILE_NAME)));
    assertEquals("API token as given", token.describe());
  }

  @Test
  void peopleSeeOnlyTheFirstFourCharactersNeverHalfOfIt() throws Exception {
    ApiToken token = new ApiToken("3kP1xyzabcdefgh", true, data.resolve(ApiToken.FILE_NAME));

    assertEquals("3kP1…", token.abbreviated());
    assertEquals(
        "generated API token 3kP1…, kept in " + data.resolve(ApiToken.FILE_NAME), token.describe());
    assertFalse(token.toString().contains("3kP1x"), token.toString());
    assertEquals("ab…", new ApiToken("abcde", false, null).abbreviated());
  }

  @Test
  void theWindowMasksItWithAsManyBulletsWhateverItsLength() {
    String bullets = "\u2022".repeat(6);

    assertEquals("3kP1" + bullets, new ApiToken("3kP1xyzabcdefgh", true, null).masked());
    assertEquals("3kP1" + bullets, new ApiToken("3kP1" + "x".repeat(40), true, null).masked());
    assertEquals("ab" + bullets, new ApiToken("abcde", false, null).masked(), "never half of it");
  }
}
