package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import com.accountwall.Wall;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One token per order system, from a file that is read again when it changes. */
class TokenFileTest {
  private static final String ERP = "erp-token-0123456789";
  private static final String SHOP = "shop-token-0123456789";
  private static final String SHOP_NEXT = "shop-token-rotated-42";

  @TempDir Path folder;
  private Wall wall;
  private OrderApi api;
  private Path file;

  @BeforeEach
  void start() throws Exception {
    wall = TestWalls.start(folder.resolve("data"));
    file = folder.resolve("tokens");
    Files.writeString(
        file, "# one line per order system\nerp " + ERP + "\n\nshop   " + SHOP + "\n");
    api = OrderApi.bind(new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterEach
  void stop() {
    api.close();
    wall.close();
  }

  @Test
  void everyNamedTokenIsTakenAndNoOther() throws Exception {
    TokenFile tokens = TokenFile.load(file);
    api.serve(wall.orders(), wall.supervisor(), wall.display(), tokens);

    assertEquals(List.of("erp", "shop"), tokens.names());
    assertEquals(200, status(ERP));
    assertEquals(200, status(SHOP));
    assertEquals(401, status(ERP + "x"));
    assertEquals(401, status(null));
  }

  @Test
  void aTokenIsRotatedOrRevokedWithoutARestartAndABadFileKeepsTheLastGood() throws Exception {
    api.serve(wall.orders(), wall.supervisor(), wall.display(), TokenFile.load(file));

    replace("erp " + ERP + "\nshop " + SHOP_NEXT + "\n");
    Await.until(
        () -> status(SHOP_NEXT) == 200 && status(SHOP) == 401,
        Duration.ofSeconds(10),
        () -> "the shop's new token is taken and its old one refused");
    assertEquals(200, status(ERP));

    replace("erp " + ERP + "\nshop short\n");
    assertHoldsPastTheNextLook(
        () -> status(SHOP_NEXT) == 200, "a file with a bad line changes nothing");

    replace("shop " + SHOP_NEXT + "\n");
    Await.until(
        () -> status(ERP) == 401, Duration.ofSeconds(10), () -> "the erp's token is revoked");
    assertEquals(200, status(SHOP_NEXT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "# nothing\n",
        "erp\n",
        "erp short\n",
        "e r p " + ERP + "\n",
        "erp " + ERP + "\nerp " + SHOP + "\n",
        "caf\u00e9 " + ERP + "\n"
      })
  void aFileTheWallCannotUseFailsTheStartWithoutNamingAToken(String content) throws Exception {
    Files.writeString(file, content);

    IOException refused = assertThrows(IOException.class, () -> TokenFile.load(file));

    assertTrue(
        !refused.getMessage().contains(ERP) && !refused.getMessage().contains(SHOP),
        refused.getMessage());
  }

  private int status(String token) {
    try {
      return new ApiClient(api.uri(), token).get("/api/accounts").status();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the file whole, as an operator's editor or a deployment would. */
  private void replace(String content) throws IOException {
    Path aside = folder.resolve("tokens.new");
    Files.writeString(aside, content);
    Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Checks {@code condition} holds throughout 1.5 s, past the once-a-second look at the files. */
  private static void assertHoldsPastTheNextLook(BooleanSupplier condition, String what) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
    while (System.nanoTime() < until) {
      assertTrue(condition.getAsBoolean(), what);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
