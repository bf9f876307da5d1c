package com.accountwall.api;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the order API answers, for people to read, in parts, so that the window says it in its own
 * language.
 *
 * @param address the API's base address, with its real port
 * @param tokenStart never the token itself (a wall is read by a whole floor): its first characters,
 *     to tell it from another; null when the operator gave it and so knows it
 * @param tokenFile the file that holds the token; null when {@code tokenStart} is
 */
public record ApiEndpoint(URI address, String tokenStart, Path tokenFile) {}
