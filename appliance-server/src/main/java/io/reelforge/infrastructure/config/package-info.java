/** Settings: MicroProfile Config (system properties, REELFORGE_* environment, a properties file, defaults) as typed values. */
package io.reelforge.infrastructure.config;
