package io.reelforge.domain.model.generation;

/** A generation as the console lists it: with its account's name beside the id. */
public record GenerationListing(Generation generation, String accountName) {
}
