/** The order journal: one interface, kept either in the embedded database or in Kafka. */
package com.accountwall.journal;
