package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window reads of the API: the start of a kept token only, and no token when logged. */
class ApiEndpointTest {
  private static final URI ADDRESS = URI.create("http://127.0.0.1:8080");
  private static final String TOKEN = "3kP1xyzabcdefghijklm";

  @TempDir Path data;

  @Test
  void aKeptTokenShowsItsStartAndItsFileAndIsNeverPrintedWhole() {
    Path file = data.resolve("api-token");
    ApiEndpoint endpoint = new ApiEndpoint(ADDRESS, new ApiToken(TOKEN, true, file), null);

    assertEquals("3kP1…", endpoint.tokenStart());
    assertEquals(file, endpoint.tokenFile());
    assertFalse(endpoint.toString().contains(TOKEN.substring(0, 5)), endpoint.toString());
  }

  @Test
  void aGivenTokenShowsNothingOfIt() {
    ApiEndpoint endpoint = new ApiEndpoint(ADDRESS, new ApiToken(TOKEN, false, null), null);

    assertNull(endpoint.tokenStart());
    assertNull(endpoint.tokenFile());
  }

  @Test
  void aFileOfTokensIsNamedButNoneOfItsTokens() throws Exception {
    Path file = data.resolve("tokens");
    Files.writeString(file, "erp " + TOKEN + "\n");
    ApiEndpoint endpoint = new ApiEndpoint(ADDRESS, null, TokenFile.load(file));

    assertNull(endpoint.tokenStart());
    assertTrue(endpoint.toString().contains(file.toString()), endpoint.toString());
    assertFalse(endpoint.toString().contains(TOKEN.substring(0, 5)), endpoint.toString());
  }

  @Test
  void theApiTakesOneTokenOrAFileOfThem() {
    assertThrows(IllegalArgumentException.class, () -> new ApiEndpoint(ADDRESS, null, null));
  }
}
