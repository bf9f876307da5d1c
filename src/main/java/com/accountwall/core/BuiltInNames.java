package com.accountwall.core;

import java.util.List;

/**
 * The names of accounts the directory does not know: company-like names such as "Northwind
 * Traders", one of {@value #FIRST_PART_COUNT} first parts and one of {@value #ENDING_COUNT}
 * endings. A pure function of the id, so an account has the same name on every wall and on every
 * start. The lists are never edited: a change would rename accounts that people already know by
 * their name.
 *
 * <p>The ids 1 to {@value #DISTINCT} each get a name of their own: the id picks one of the {@value
 * #DISTINCT} combinations through an affine permutation (its multiplier is prime to their number),
 * so that neighbouring ids get unrelated names. Later ids reuse the names, each block of {@value
 * #DISTINCT} ids shifted against the one before; the wall shows the id beside the name.
 *
 * <p>Thread-safe: stateless.
 */
final class BuiltInNames {
  private static final List<String> FIRST_PARTS =
      List.of(
          "Northwind",
          "Bluebird",
          "Copperleaf",
          "Silverline",
          "Harbor",
          "Redwood",
          "Ironbridge",
          "Greenfield",
          "Lakeside",
          "Stonegate",
          "Brightwater",
          "Oakridge",
          "Summit",
          "Meridian",
          "Keystone",
          "Riverbend",
          "Pinecrest",
          "Highland",
          "Westbrook",
          "Eastgate",
          "Sunward",
          "Clearwater",
          "Fairmont",
          "Goldcrest",
          "Maplewood",
          "Cedar Point",
          "Falcon",
          "Kestrel",
          "Juniper",
          "Alder",
          "Beacon",
          "Cobalt",
          "Crescent",
          "Driftwood",
          "Evergreen",
          "Foxglove",
          "Granite",
          "Hawthorn",
          "Acme",
          "Larkspur",
          "Marigold",
          "Nimbus",
          "Orchard",
          "Pioneer",
          "Quarry",
          "Rosewood",
          "Saltmarsh",
          "Thistle",
          "Union",
          "Vantage",
          "Willow",
          "Yarrow",
          "Zephyr",
          "Amberley",
          "Birchwood",
          "Canyon",
          "Dovetail",
          "Elmstead",
          "Fernhill",
          "Glenwood");

  private static final List<String> ENDINGS =
      List.of(
          "Traders",
          "Widgets GmbH",
          "Supply Co.",
          "Logistics",
          "& Sons",
          "Holdings AG",
          "Industries",
          "Manufacturing",
          "Works",
          "Wholesale",
          "Distribution Ltd",
          "Engineering",
          "Hardware",
          "Components",
          "Trading Company",
          "Outfitters",
          "Provisions",
          "Partners",
          "Group",
          "Mercantile",
          "Fabrication",
          "Tooling",
          "Instruments",
          "Systems",
          "Machine Shop",
          "Import & Export",
          "Goods",
          "Merchants",
          "Foundry",
          "Supply House",
          "Warehouse",
          "Retail",
          "Building Supplies",
          "Electric",
          "Packaging",
          "Parts & Service",
          "Brothers",
          "Cooperative",
          "Widget Works",
          "Ltd.");

  static final int FIRST_PART_COUNT = 60;
  static final int ENDING_COUNT = 40;

  /** How many names there are, each the name of one of the ids 1 to this. */
  static final int DISTINCT = FIRST_PART_COUNT * ENDING_COUNT;

  /** Prime, and so prime to {@link #DISTINCT}: the permutation's step from one id to the next. */
  private static final long STEP = 1657;

  /** Where id 1 lands, and how far each later block of ids is shifted. */
  private static final long OFFSET = 733;

  static {
    if (FIRST_PARTS.size() != FIRST_PART_COUNT || ENDINGS.size() != ENDING_COUNT) {
      throw new ExceptionInInitializerError("the built-in name lists have the wrong length");
    }
  }

  private BuiltInNames() {}

  /** The built-in name of {@code accountId}, a positive id. */
  static String of(long accountId) {
    long position = accountId - 1;
    long block = position / DISTINCT;
    int index = (int) ((STEP * (position % DISTINCT) + OFFSET * (block + 1)) % DISTINCT);
    return FIRST_PARTS.get(index % FIRST_PART_COUNT) + " " + ENDINGS.get(index / FIRST_PART_COUNT);
  }
}
