package com.accountwall.store;

/**
 * What storing many profiles at once did, one count per profile given.
 *
 * @param added profiles of ids that had none
 * @param changed profiles that replaced another one
 * @param unchanged profiles that were stored already, exactly so
 */
public record ProfileTally(int added, int changed, int unchanged) {}
