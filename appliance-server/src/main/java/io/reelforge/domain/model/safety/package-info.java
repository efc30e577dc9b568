/** The prompt safety policy: categories of words and phrases, stored as data, matched on whole words. */
package io.reelforge.domain.model.safety;
