/** Upstream GPU servers added in the console for the remote engine, beside the configured ones. */
package io.reelforge.domain.model.upstream;
