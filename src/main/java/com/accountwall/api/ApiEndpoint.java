package com.accountwall.api;

import java.net.URI;

/**
 * Where the order API answers, for people to read.
 *
 * @param address the API's base address, with its real port
 * @param shownToken the token to show, or null when the operator gave it and so knows it
 */
public record ApiEndpoint(URI address, String shownToken) {}
