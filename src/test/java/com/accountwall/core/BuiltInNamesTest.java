package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names of the accounts the directory does not know. */
class BuiltInNamesTest {

  /**
   * Pinned: an account's built-in name is what people know it by, so no build may rename it. A
   * failure here means the lists or the permutation changed; change them back.
   */
  @Test
  void anIdHasTheSameNameInEveryBuild() {
    assertEquals("Meridian Hardware", Account.defaultName(1));
    assertEquals("Willow Ltd.", Account.defaultName(2));
    assertEquals("Saltmarsh Fabrication", Account.defaultName(10));
    assertEquals("Willow Widget Works", Account.defaultName(422));
    assertEquals("Granite Machine Shop", Account.defaultName(2400));
    assertEquals("Falcon Machine Shop", Account.defaultName(2401));
    assertEquals("Birchwood Works", Account.defaultName(Long.MAX_VALUE));
  }

  @Test
  void theNameIsAFunctionOfTheIdAlone() {
    for (long id = 1; id <= 5000; id++) {
      assertEquals(BuiltInNames.of(id), BuiltInNames.of(id));
    }
    assertEquals(
        BuiltInNames.of(77),
        new Account(77, 1, 0, new Lifetime(AccountSupervisor.DEFAULT_LIFETIME)).name());
  }

  @Test
  void theFirstIdsEachHaveANameOfTheirOwn() {
    Map<String, Long> seen = new HashMap<>();
    for (long id = 1; id <= BuiltInNames.DISTINCT; id++) {
      Long earlier = seen.put(BuiltInNames.of(id), id);
      assertNull(earlier, () -> "two ids share a name up to " + BuiltInNames.DISTINCT);
    }
  }

  @Test
  void everyNameWouldPassTheRuleForANameThatComesIn() {
    for (long id = 1; id <= BuiltInNames.DISTINCT; id++) {
      assertNull(AccountProfile.problemWith(BuiltInNames.of(id)), BuiltInNames.of(id));
    }
  }

  @Test
  void onlyPositiveIdsHaveNames() {
    assertThrows(IllegalArgumentException.class, () -> Account.defaultName(0));
    assertThrows(IllegalArgumentException.class, () -> Account.defaultName(-5));
  }
}
