package com.accountwall.api;

import java.net.URI;

/**
 * Where the order API answers, for people to read.
 *
 * @param address the API's base address, with its real port
 * @param tokenHint where to find the token, never the token itself (a wall is read by a whole
 *     floor): its first characters and the file that holds it; null when the operator gave it and
 *     so knows it
 */
public record ApiEndpoint(URI address, String tokenHint) {}
